/**
 * The Scheduler port on Agenda 6, on the bot's own database (PostgreSQL backend, or MongoDB).
 * Agenda locks each job while it runs, so with several replicas a due job is picked by one; the
 * store's once-keys make a job that still runs twice (crash after effect, before completion) post once.
 */
import { Agenda } from 'agenda';
import { PostgresBackend } from '@agendajs/postgres-backend';
import pg from 'pg';
import type { Logger } from 'pino';
import type { SchedulerDatabase } from '../memory/open-store.js';
import type { JobData, JobHandler, Scheduler } from './scheduler.js';

export interface AgendaSchedulerOptions {
  database: SchedulerDatabase;
  log: Logger;
  /** How often Agenda polls for due jobs (notifications are off on PGlite). */
  processEvery?: string | number;
  /**
   * How long a running job stays locked before another replica may take it. Agenda re-checks the
   * lock every half lifetime and leaves that timer pending after the job ends, so a short lifetime
   * also lets a stopping process exit promptly. Reminders take well under a second.
   */
  lockLifetimeMs?: number;
  name?: string;
}

export class AgendaScheduler implements Scheduler {
  private agenda?: Agenda;
  private creating?: Promise<Agenda>;
  /** Our own pool (Agenda leaves a pool it was given open): sized, watched for errors, ended on stop. */
  private pool?: pg.Pool;
  private readonly handlers = new Map<string, JobHandler>();
  private started = false;

  constructor(private readonly opts: AgendaSchedulerOptions) {}

  define(name: string, handler: JobHandler): void {
    this.handlers.set(name, handler);
  }

  /** One Agenda per start: concurrent first calls share it rather than each opening a pool. */
  private instance(): Promise<Agenda> {
    this.creating ??= this.create();
    return this.creating;
  }

  private async create(): Promise<Agenda> {
    const backend = await this.backend();
    const agenda = new Agenda({
      backend,
      name: this.opts.name ?? `castmatch-${process.pid}`,
      processEvery: this.opts.processEvery ?? '5 seconds',
      defaultLockLifetime: this.opts.lockLifetimeMs ?? 60_000,
    });
    agenda.on('error', (err: Error) => this.opts.log.error({ err }, 'scheduler error'));
    agenda.on('fail', (err: Error | string, job: { attrs: { name: string } }) =>
      this.opts.log.error({ err, job: job.attrs.name }, 'job failed'),
    );
    for (const [name, handler] of this.handlers) {
      agenda.define(name, async (job: { attrs: { data: unknown } }) => handler(job.attrs.data as JobData));
    }
    this.agenda = agenda;
    return agenda;
  }

  private async backend() {
    const db = this.opts.database;
    if (db.kind === 'mongodb') {
      const { MongoBackend } = await import('@agendajs/mongo-backend');
      return new MongoBackend({ address: db.uri, collection: 'agenda_jobs' });
    }
    // LISTEN/NOTIFY is off: PGlite's socket server does not deliver notifications, and polling
    // every few seconds is plenty for reminders measured in hours.
    const pool = new pg.Pool({ connectionString: db.connectionString, max: db.maxConnections ?? 10 });
    // An idle client losing its connection (database restarted) must be logged, not crash the process.
    pool.on('error', (err) => this.opts.log.warn({ err }, 'scheduler database connection lost; it reconnects on the next poll'));
    this.pool = pool;
    return new PostgresBackend({ pool, disableNotifications: true });
  }

  async at(when: Date, name: string, data: JobData): Promise<void> {
    const agenda = await this.instance();
    // Replace any earlier job with the same key: scheduling is idempotent.
    await agenda.cancel({ name, data: { key: data.key } } as never);
    const job = agenda.create(name, data as never);
    job.schedule(when);
    await job.save();
  }

  async every(interval: string, name: string, data: JobData): Promise<void> {
    const agenda = await this.instance();
    await agenda.every(interval, name, data as never, { skipImmediate: true } as never);
  }

  async cancel(keyPrefix: string): Promise<number> {
    const jobs = await this.pending(keyPrefix);
    const agenda = await this.instance();
    let n = 0;
    for (const j of jobs) n += await agenda.cancel({ name: j.name, data: { key: j.key } } as never);
    return n;
  }

  async pending(keyPrefix = ''): Promise<{ name: string; key: string; runAt: Date | null }[]> {
    const agenda = await this.instance();
    const result = await agenda.queryJobs({});
    return result.jobs
      .map((j) => {
        const attrs = j as unknown as {
          name: string;
          data?: { key?: string };
          nextRunAt?: Date | null;
          lastFinishedAt?: Date | null;
          repeatInterval?: string;
        };
        return { name: attrs.name, key: attrs.data?.key ?? '', runAt: attrs.nextRunAt ? new Date(attrs.nextRunAt) : null };
      })
      .filter((j) => j.key.startsWith(keyPrefix) && j.runAt !== null);
  }

  async start(): Promise<void> {
    const agenda = await this.instance();
    await agenda.start();
    this.started = true;
  }

  async stop(): Promise<void> {
    if (!this.agenda) return;
    // stop() unlocks the jobs this process held so another replica can take them at once.
    await this.agenda.stop();
    this.started = false;
    this.agenda = undefined;
    this.creating = undefined;
    const pool = this.pool;
    this.pool = undefined;
    await pool?.end().catch((err: unknown) => this.opts.log.warn({ err }, 'scheduler pool did not close cleanly'));
  }

  running(): boolean {
    return this.started;
  }
}
