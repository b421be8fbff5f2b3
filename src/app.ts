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
import { BreakerRegistry, resilientServices } from './integrations/resilience/index.js';
import { MemoryVectorIndex } from './integrations/vectors/memory-index.js';
import { talentVectorLoader } from './casting/talent/vector-loader.js';
import { LocalCalendar } from './integrations/calendar/local-calendar.js';
import { sharedUseEmbedder } from './integrations/embeddings/use-embedder.js';
import { createSkillRegistry } from './skills/registry.js';
import { registerAuditionJobs } from './skills/book-audition/index.js';
import { importRosterFromMessage } from './skills/import-roster/index.js';
import { Engine, type TurnObserver } from './bot/engine.js';
import { Outbox } from './bot/outbox.js';
import type { ChatAdapter } from './bot/adapters/adapter.js';
import {
  createTelemetry,
  installOps,
  trackInFlight,
  type OpsInstallation,
  type Telemetry,
  type TelemetryOptions,
  type TrackedHandler,
} from './ops/index.js';

export interface AppOptions {
  config: Config;
  log: Logger;
  now?: () => Date;
  /** Replace ports (tests: hashed embedder, fake calendar…). */
  services?: Partial<Services>;
  /** Poll interval of the scheduler; tests use a short one. */
  schedulerPollMs?: number;
  /** Told of every finished turn, besides the app's own telemetry. */
  observer?: TurnObserver;
  /** Telemetry settings (tests turn Node's default process metrics off). */
  telemetry?: Omit<TelemetryOptions, 'forward'>;
}

export interface App {
  config: Config;
  log: Logger;
  db: Database;
  scheduler: Scheduler;
  services: Services;
  engine: Engine;
  /** The engine as adapters call it: counts turns in flight for a graceful shutdown. */
  turns: TrackedHandler;
  outbox: Outbox;
  adapters: ChatAdapter[];
  breakers: BreakerRegistry;
  telemetry: Telemetry;
  /** Readiness, metrics, the health monitor and `/cast status`. */
  ops: OpsInstallation;
  /** Starts the scheduler (jobs run only in processes that call this); `ops.start()` adds the health monitor. */
  startScheduler(): Promise<void>;
  close(): Promise<void>;
}

export async function createApp(opts: AppOptions): Promise<App> {
  const { config, log } = opts;
  const db = await openDatabase(config);
  const scheduler = new AgendaScheduler({
    database: await db.scheduler(),
    log: log.child({ part: 'scheduler' }),
    ...(opts.schedulerPollMs ? { processEvery: opts.schedulerPollMs, lockLifetimeMs: 10_000 } : {}),
  });

  const breakers = new BreakerRegistry();
  const talentVectors = talentVectorLoader(db.store);
  const services = resilientServices(await createServices(config, { store: db.store, scheduler, log, talentVectors }, opts.services), {
    breakers,
    log: log.child({ part: 'resilience' }),
    // While a remote service's breaker is open, its embedded default answers instead.
    fallbacks: {
      vectors: new MemoryVectorIndex(talentVectors),
      calendar: new LocalCalendar({ store: db.store, ...(opts.now ? { now: opts.now } : {}) }),
    },
  });

  const telemetry = createTelemetry({ ...opts.telemetry, ...(opts.observer ? { forward: opts.observer } : {}) });
  const outbox = new Outbox(log);
  // The status skill reads the operations part, which needs the adapters, which need the engine.
  let ops: OpsInstallation | undefined;
  const skills = createSkillRegistry({
    status: () => {
      if (!ops) throw new Error('operations are not installed yet');
      return ops.status();
    },
  });
  const engine = new Engine({
    store: db.store,
    services,
    skills,
    log,
    observer: telemetry,
    importRoster: (ctx, fileIndex) => importRosterFromMessage(ctx, ctx.message.files![fileIndex]!),
    ...(config.ROUTER_ENCODER === 'use' ? { intentEncoder: async () => sharedUseEmbedder() } : {}),
    ...(opts.now ? { now: opts.now } : {}),
  });
  const turns = trackInFlight(engine);

  const adapters: ChatAdapter[] = [];
  if (config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID) {
    // Each platform's SDK is loaded only when that platform is configured.
    const { createSlackAdapter } = await import('./bot/adapters/slack/index.js');
    const slack = createSlackAdapter({ config, handler: turns, store: db.store, log: log.child({ part: 'slack' }) });
    adapters.push(slack);
    outbox.register(slack.poster);
  }
  if (config.MICROSOFT_APP_ID || config.TEAMS_EMULATOR) {
    const { createTeamsAdapter } = await import('./bot/adapters/teams/index.js');
    const teams = createTeamsAdapter({ config, handler: turns, store: db.store, log: log.child({ part: 'teams' }) });
    adapters.push(teams);
    outbox.register(teams.poster);
  }

  registerAuditionJobs({
    scheduler,
    store: db.store,
    outbox,
    log: log.child({ part: 'auditions' }),
    config,
    ...(opts.now ? { now: opts.now } : {}),
  });
  ops = installOps({ config, log, db, scheduler, outbox, adapters, breakers }, { telemetry, turns });
  const installed = ops;

  let closed = false;
  return {
    config,
    log,
    db,
    scheduler,
    services,
    engine,
    turns,
    outbox,
    adapters,
    breakers,
    telemetry,
    ops: installed,
    startScheduler: () => scheduler.start(),
    close: async () => {
      if (closed) return;
      closed = true;
      await installed.stop().catch((err: unknown) => log.error({ err }, 'operations did not stop cleanly'));
      await Promise.allSettled(adapters.map((a) => a.stop()));
      await scheduler.stop().catch((err: unknown) => log.error({ err }, 'scheduler did not stop cleanly'));
      breakers.shutdown();
      await db.close();
    },
  };
}
