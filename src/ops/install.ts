/**
 * Operations in one call: readiness and metrics routes, the health-monitor job, the status reply.
 *
 *   const telemetry = createTelemetry();                    // before the app: the engine's observer
 *   const app = await createApp({ config, log, observer: telemetry });
 *   const ops = installOps(app, { telemetry });             // before the scheduler starts
 *   … routes: [...ops.routes, …]; after app.startScheduler(): await ops.start();
 */
import { fromThisMachine } from '../bot/http/loopback.js';
import { defaultMemoryLimitMb } from './memory-limit.js';
import { defineStoreSweep, startStoreSweep } from './store-sweep.js';
import { timingSafeEqual } from 'node:crypto';
import type { IncomingMessage as HttpRequest } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Store } from '../memory/store.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { ChatAdapter } from '../bot/adapters/adapter.js';
import type { HttpRoute } from '../bot/http/route.js';
import type { TurnObserver } from '../bot/engine.js';
import type { Reply } from '../bot/reply.js';
import type { BreakerRegistry } from '../integrations/resilience/breaker.js';
import { HealthChecks, readinessRoute, standardChecks, type Readiness } from './checks.js';
import { metricsRoute } from './metrics.js';
import { Telemetry } from './telemetry.js';
import { IncidentBook } from './incidents.js';
import { AlertSink, type AlertPoster } from './alerts.js';
import { HealthMonitor } from './monitor.js';
import { ProcessResources, type ResourceSource } from './resources.js';
import { statusReply } from './status.js';
import { parseInterval } from './interval.js';
import { thresholdsFromSettings, type AlertSettings, type MonitorThresholds } from './rules.js';
import type { InFlightTurns } from './in-flight.js';

/** What operations read from the app (src/app.ts's App satisfies it). */
export interface OpsApp {
  /** ALERT_* settings, where configured, set the monitor's thresholds. */
  config: Pick<Config, 'OPS_CHANNEL' | 'HEALTH_INTERVAL'> & Partial<Pick<Config, 'OPS_TOKEN' | 'MEMORY_LIMIT_MB'>> & Partial<AlertSettings>;
  log: Logger;
  db: { store: Pick<Store, 'ping' | 'channels' | 'sweepExpired'> };
  scheduler: Scheduler;
  outbox: AlertPoster;
  adapters: readonly ChatAdapter[];
  /** The breakers of the outside services, when the app keeps them here. */
  breakers?: BreakerRegistry;
}

export interface InstallOpsOptions {
  /** The observer given to the engine; a new one (not wired to any engine) otherwise. */
  telemetry?: Telemetry;
  /** The breakers resilientServices registered (defaults to app.breakers). */
  breakers?: BreakerRegistry;
  /** Turns in flight (trackInFlight), for the metrics gauge. */
  turns?: InFlightTurns;
  /** Overrides the configured thresholds (tests). */
  thresholds?: Partial<MonitorThresholds>;
  resources?: ResourceSource;
  /** Bound on each dependency check. */
  checkTimeoutMs?: number;
  /** How long a /readyz result is reused (load balancers poll often); 0 checks every time. */
  readinessCacheMs?: number;
}

export interface OpsInstallation {
  /** GET /readyz and GET /metrics. */
  routes: HttpRoute[];
  observer: TurnObserver;
  telemetry: Telemetry;
  checks: HealthChecks;
  monitor: HealthMonitor;
  /** `/cast status`. */
  status(): Promise<Reply>;
  readiness(): Promise<Readiness>;
  /** Schedules the monitor job and starts resource sampling; call once the scheduler runs. */
  start(): Promise<void>;
  /** Stops timers and turns readiness to 503 (first step of a graceful shutdown). */
  stop(): Promise<void>;
}

export function installOps(app: OpsApp, opts: InstallOpsOptions = {}): OpsInstallation {
  const log = app.log.child({ part: 'ops' });
  const telemetry = opts.telemetry ?? new Telemetry();
  const breakers = opts.breakers ?? app.breakers;
  if (breakers) telemetry.metrics.watchBreakers(breakers);
  if (opts.turns) {
    const turns = opts.turns;
    telemetry.metrics.watchInFlight(() => turns.inFlight);
  }
  const checks = new HealthChecks(standardChecks(app, breakers), {
    ...(opts.checkTimeoutMs ? { timeoutMs: opts.checkTimeoutMs } : {}),
    ...(opts.readinessCacheMs !== undefined ? { maxAgeMs: opts.readinessCacheMs } : {}),
  });
  const resources = opts.resources ?? new ProcessResources(app.config.MEMORY_LIMIT_MB ?? defaultMemoryLimitMb());
  const alerts = new AlertSink({
    poster: app.outbox,
    log,
    ...(app.config.OPS_CHANNEL ? { channel: app.config.OPS_CHANNEL } : {}),
  });
  const monitor = new HealthMonitor({
    checks,
    resources,
    alerts,
    log,
    metrics: telemetry.metrics,
    turns: telemetry.turns,
    incidents: new IncidentBook(() => app.db.store.channels, log),
    thresholds: { ...thresholdsFromSettings(app.config), ...opts.thresholds },
  });
  if (app.scheduler.running()) log.warn('installOps called after the scheduler started: the health-monitor job may not be registered');
  monitor.define(app.scheduler);
  defineStoreSweep(app.scheduler, () => app.db.store, log);

  let draining = false;
  return {
    routes: [
      readinessRoute(checks, {
        draining: () => draining,
        onResult: (r) => telemetry.metrics.observeChecks(r),
        showDetails: (req) => fromThisMachine(req) || hasOpsToken(req, app.config.OPS_TOKEN),
      }),
      metricsRoute(telemetry.metrics),
    ],
    observer: telemetry,
    telemetry,
    checks,
    monitor,
    status: () => statusReply(monitor, { alertTarget: alerts.target }),
    readiness: () => checks.run(),
    start: async () => {
      resources.start?.();
      const interval = app.config.HEALTH_INTERVAL;
      await monitor.start(app.scheduler, interval, parseInterval(interval) ?? 60_000);
      await startStoreSweep(app.scheduler);
      log.info({ interval, alerts: alerts.target }, 'health monitor scheduled');
    },
    stop: async () => {
      draining = true;
      monitor.stop();
      resources.stop?.();
    },
  };
}

/** `Authorization: Bearer OPS_TOKEN`, compared in constant time; no token configured, no access. */
function hasOpsToken(req: HttpRequest, token: string | undefined): boolean {
  const given = /^Bearer\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
  if (!token || !given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(token);
  return a.length === b.length && timingSafeEqual(a, b);
}
