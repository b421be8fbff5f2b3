/**
 * /readyz tells anyone whether the bot is ready, and only this machine, or a caller with OPS_TOKEN,
 * which dependency is in what state: a load balancer needs the status, an outsider needs nothing more.
 */
import os from 'node:os';
import { rm } from 'node:fs/promises';
import { createTestDatabase } from '../helpers/store.js';
import type { Database } from '../../src/memory/open-store.js';
import { Outbox } from '../../src/bot/outbox.js';
import { startHttpServer, type HttpServer } from '../../src/bot/http/server.js';
import { installOps, type OpsApp } from '../../src/ops/index.js';
import { FakeScheduler, FixedResources, silent } from './support.js';

const TOKEN = 'ops-token-for-the-test';
const elsewhere = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

let db: Database & { dataDir: string };
let server: HttpServer;
beforeAll(async () => {
  db = await createTestDatabase();
  const app: OpsApp = {
    config: { OPS_CHANNEL: undefined, HEALTH_INTERVAL: '1 minute', MEMORY_LIMIT_MB: 1024, OPS_TOKEN: TOKEN },
    log: silent,
    outbox: new Outbox(silent),
    adapters: [],
    db,
    scheduler: new FakeScheduler() as unknown as OpsApp['scheduler'],
  };
  const ops = installOps(app, { resources: new FixedResources(), readinessCacheMs: 0, checkTimeoutMs: 1_000 });
  // Every interface, so a request can come from this machine's other address too.
  server = await startHttpServer(ops.routes, { port: 0, host: '0.0.0.0', log: silent });
});
afterAll(async () => {
  await server?.close(1_000);
  await db?.close();
  await rm(db.dataDir, { recursive: true, force: true });
});

const readyz = async (host: string, headers: Record<string, string> = {}) => {
  const res = await fetch(`http://${host}:${server.port}/readyz`, { headers });
  return (await res.json()) as Record<string, unknown>;
};

test('from this machine: every dependency with its state', async () => {
  const body = await readyz('127.0.0.1');
  expect(body).toHaveProperty('checks.database.ok', true);
});

(elsewhere ? test : test.skip)(
  `from elsewhere: only whether it is ready, unless the caller shows OPS_TOKEN${elsewhere ? '' : ' [skipped: needs a non-loopback network interface]'}`,
  async () => {
    const outsider = await readyz(elsewhere!, { 'x-forwarded-for': '127.0.0.1' });
    expect(Object.keys(outsider)).toEqual(['ready']);
    expect(Object.keys(await readyz(elsewhere!, { authorization: 'Bearer not-the-token' }))).toEqual(['ready']);
    expect(await readyz(elsewhere!, { authorization: `Bearer ${TOKEN}` })).toHaveProperty('checks.database.ok', true);
  },
);
