/**
 * The database stops mid-run: /readyz turns 503 and the monitor, unable to persist anything, still
 * alerts once per dependency after the threshold. The database is
 * reopened on the same data dir: /readyz is 200 again, one recovery message goes out, and the
 * channel memory and the scheduled reminder written before the outage are all still there.
 */
import { rm } from 'node:fs/promises';
import { createTestDatabase, tempDataDir } from '../helpers/store.js';
import type { Database } from '../../src/memory/open-store.js';
import { AgendaScheduler } from '../../src/scheduler/agenda-scheduler.js';
import type { Scheduler } from '../../src/scheduler/scheduler.js';
import { Outbox } from '../../src/bot/outbox.js';
import { startHttpServer, type HttpServer } from '../../src/bot/http/server.js';
import { installOps, type OpsApp, type Readiness } from '../../src/ops/index.js';
import { FixedResources, RecordingPoster, silent } from './support.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
const CHANNEL = 'local:studio:casting';

function scheduler(db: Database): Promise<AgendaScheduler> {
  return db.scheduler().then((database) => new AgendaScheduler({ database, log: silent, processEvery: 200, lockLifetimeMs: 2_000 }));
}

async function readyz(server: HttpServer): Promise<{ status: number; body: Readiness }> {
  const res = await fetch(server.url('/readyz'));
  return { status: res.status, body: (await res.json()) as Readiness };
}

test('database down: not ready and one alert per dependency; reopened: ready, one recovery, nothing lost', async () => {
  const dir = await tempDataDir();
  let db: Database = await createTestDatabase(dir);
  let jobs: Scheduler = await scheduler(db);
  const poster = new RecordingPoster('slack');
  const outbox = new Outbox(silent);
  outbox.register(poster);
  // The app as operations see it; the test swaps the database underneath when it "comes back".
  const app: OpsApp = {
    config: { OPS_CHANNEL: 'slack:T1:C-ops', HEALTH_INTERVAL: '1 minute', MEMORY_LIMIT_MB: 1024 },
    log: silent,
    outbox,
    adapters: [],
    get db() {
      return db;
    },
    get scheduler() {
      return jobs;
    },
  };
  const ops = installOps(app, { resources: new FixedResources(), readinessCacheMs: 0, checkTimeoutMs: 1_000 });
  const server = await startHttpServer(ops.routes, { port: 0, host: '127.0.0.1', log: silent });
  try {
    jobs.define('reminder', async () => undefined);
    await jobs.start();
    await db.store.channels.set(CHANNEL, 'project', { id: 'p1', title: 'The Long Night' });
    await jobs.at(new Date(Date.now() + 3_600_000), 'reminder', { key: 'reminder:audition-1' });

    const up = await readyz(server);
    expect(up.status).toBe(200);
    expect(up.body).toMatchObject({ ready: true, checks: { database: { ok: true }, scheduler: { ok: true } } });
    expect(typeof up.body.checks.database!.latencyMs).toBe('number');
    expect((await ops.monitor.tick(at(0))).alerted).toEqual([]);

    // The database goes away. The scheduler is stopped first: Agenda's PostgreSQL backend keeps its
    // own pg.Pool with no 'error' listener, so a connection dropped under it is an uncaught error
    // (reported to the lead: src/scheduler/agenda-scheduler.ts should pass a pool with a listener).
    await jobs.stop();
    await db.close();
    const down = await readyz(server);
    expect(down.status).toBe(503);
    expect(down.body.ready).toBe(false);
    expect(down.body.checks.database).toMatchObject({ ok: false, detail: expect.any(String) });
    expect(down.body.checks.scheduler).toMatchObject({ ok: false, detail: 'not running' });

    expect((await ops.monitor.tick(at(1))).alerted).toEqual([]);
    expect((await ops.monitor.tick(at(6))).alerted).toEqual(['dependency:database', 'dependency:scheduler']);
    await ops.monitor.tick(at(7));
    expect(poster.texts()).toHaveLength(2);
    expect(poster.texts()[0]).toMatch(/^ALERT database is down/);

    // It comes back on the same files.
    db = await createTestDatabase(dir);
    jobs = await scheduler(db);
    jobs.define('reminder', async () => undefined);
    await jobs.start();

    expect((await readyz(server)).status).toBe(200);
    expect((await ops.monitor.tick(at(8))).recovered).toEqual(['dependency:database', 'dependency:scheduler']);
    await ops.monitor.tick(at(9));
    expect(poster.texts()).toHaveLength(4);
    expect(poster.texts()[2]).toMatch(/^RECOVERED database is back after 7 min/);

    expect(await db.store.channels.get(CHANNEL, 'project')).toEqual({ id: 'p1', title: 'The Long Night' });
    expect(await jobs.pending('reminder:')).toEqual([expect.objectContaining({ name: 'reminder', key: 'reminder:audition-1' })]);
    // The incident written only in memory during the outage was settled in the store, not left behind.
    expect(Object.keys(await db.store.channels.all('ops'))).toEqual([]);
  } finally {
    await ops.stop();
    await server.close(100);
    await jobs.stop().catch(() => undefined);
    await db.close();
    await rm(dir, { recursive: true, force: true });
  }
}, 60_000);
