/**
 * The composition root: configuration in, a running CastMatch out. Everything is wired here and
 * nowhere else, so tests can build the same app with fakes at its edges.
 */
import type { Logger } from 'pino';
import type { Config } from './config/config.js';
import { openDatabase, type Database } from './memory/open-store.js';
import { AgendaScheduler } from './scheduler/agenda-scheduler.js';
import type { Scheduler } from './scheduler/scheduler.js';
import { createServices } from './integrations/create-services.js';
import type { Services } from './integrations/services.js';
import { createSkillRegistry } from './skills/registry.js';
import { Engine, type TurnObserver } from './bot/engine.js';
import { Outbox } from './bot/outbox.js';
import type { ChatAdapter } from './bot/adapters/adapter.js';

export interface AppOptions {
  config: Config;
  log: Logger;
  now?: () => Date;
  /** Replace ports (tests: hashed embedder, fake calendar…). */
  services?: Partial<Services>;
  /** Poll interval of the scheduler; tests use a short one. */
  schedulerPollMs?: number;
  observer?: TurnObserver;
}

export interface App {
  config: Config;
  log: Logger;
  db: Database;
  scheduler: Scheduler;
  services: Services;
  engine: Engine;
  outbox: Outbox;
  adapters: ChatAdapter[];
  /** Starts the scheduler (jobs run only in processes that call this). */
  startScheduler(): Promise<void>;
  close(): Promise<void>;
}

export async function createApp(opts: AppOptions): Promise<App> {
  const { config, log } = opts;
  const db = await openDatabase(config);
  const scheduler = new AgendaScheduler({
    database: await db.scheduler(), log: log.child({ part: 'scheduler' }),
    ...(opts.schedulerPollMs ? { processEvery: opts.schedulerPollMs, lockLifetimeMs: 10_000 } : {}),
  });
  const services = createServices(config, { store: db.store, scheduler, log }, opts.services);
  const skills = createSkillRegistry();
  const outbox = new Outbox(log);
  const engine = new Engine({
    store: db.store, services, skills, log,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.observer ? { observer: opts.observer } : {}),
  });
  const adapters: ChatAdapter[] = [];
  let closed = false;
  return {
    config, log, db, scheduler, services, engine, outbox, adapters,
    startScheduler: () => scheduler.start(),
    close: async () => {
      if (closed) return;
      closed = true;
      await Promise.allSettled(adapters.map((a) => a.stop()));
      await scheduler.stop().catch((err: unknown) => log.error({ err }, 'scheduler did not stop cleanly'));
      await db.close();
    },
  };
}
