/**
 * The health monitor: a recurring Agenda job (`health-monitor`) that reads the checks, the
 * process's resources and the bot's reply figures, evaluates the alert rules, and posts one alert
 * per incident and one recovery message when it clears. Agenda runs the job on one replica at a
 * time. Because Agenda keeps its jobs in the very database the monitor watches, a local watchdog
 * also runs the tick when the job is overdue: a dead database still gets reported.
 *
 * `tick(now)` is the whole evaluation, callable directly with any clock (tests drive it).
 */
import type { Logger } from 'pino';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { HealthChecks } from './checks.js';
import type { TurnWindow } from './turn-window.js';
import type { ResourceSource } from './resources.js';
import type { IncidentBook, Incident } from './incidents.js';
import { alertReply, recoveryReply, type AlertSink } from './alerts.js';
import { DEFAULT_THRESHOLDS, evaluateRules, type Finding, type HealthPicture, type MonitorThresholds } from './rules.js';
import { instrumentJob, type OpsMetrics } from './metrics.js';

export const HEALTH_JOB = 'health-monitor';
export const HEALTH_JOB_KEY = 'ops:health-monitor';

export interface MonitorDeps {
  checks: HealthChecks;
  turns: TurnWindow;
  resources: ResourceSource;
  incidents: IncidentBook;
  alerts: AlertSink;
  log: Logger;
  thresholds?: Partial<MonitorThresholds>;
  metrics?: OpsMetrics;
}

/** What one tick saw and did. */
export interface TickReport {
  picture: HealthPicture;
  /** Rules alerted on in this tick. */
  alerted: string[];
  /** Rules whose recovery was posted in this tick. */
  recovered: string[];
}

export class HealthMonitor {
  readonly thresholds: MonitorThresholds;
  private running?: Promise<TickReport>;
  private lastTickAt = 0;
  private watchdog?: NodeJS.Timeout;

  constructor(private readonly deps: MonitorDeps) {
    this.thresholds = { ...DEFAULT_THRESHOLDS, ...deps.thresholds };
  }

  /** One reading of everything watched (checks are run afresh when `fresh`). */
  async picture(now: Date, fresh = false): Promise<HealthPicture> {
    const readiness = await this.deps.checks.run(fresh);
    return { at: now, readiness, resources: this.deps.resources.sample(), turns: this.deps.turns.stats(now.getTime()) };
  }

  /** Open incidents (alerted or still pending), as last known. */
  openIncidents(): Incident[] {
    return this.deps.incidents.list();
  }

  /** Evaluates the rules at `now` and posts what is due. Overlapping calls share one run. */
  tick(now: Date = new Date()): Promise<TickReport> {
    this.running ??= this.evaluate(now).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async evaluate(now: Date): Promise<TickReport> {
    this.lastTickAt = Date.now();
    const picture = await this.picture(now, true);
    this.deps.metrics?.observeChecks(picture.readiness);
    this.deps.resources.reset?.();
    await this.deps.incidents.refresh();
    const report: TickReport = { picture, alerted: [], recovered: [] };
    const findings = evaluateRules(picture, this.thresholds);
    for (const f of findings) {
      if (f.firing === true) await this.firing(f, now, report);
      else if (f.firing === false) await this.cleared(f.rule, f.detail, now, report);
    }
    // A check that no longer exists (an adapter removed from the configuration) cannot recover by itself.
    const known = new Set(findings.map((f) => f.rule));
    for (const inc of this.deps.incidents.list()) {
      if (!known.has(inc.rule)) await this.cleared(inc.rule, 'no longer checked', now, report);
    }
    return report;
  }

  private async firing(f: Finding, now: Date, report: TickReport): Promise<void> {
    let inc = this.deps.incidents.get(f.rule);
    if (!inc) {
      inc = { rule: f.rule, title: f.title, since: now.toISOString(), detail: f.detail };
      await this.deps.incidents.save(inc);
      this.deps.log.warn({ rule: f.rule, detail: f.detail }, 'health condition started');
    }
    if (inc.alertedAt || now.getTime() - Date.parse(inc.since) < f.forMs) return;
    const current = { ...inc, detail: f.detail };
    if (!(await this.deps.alerts.send(alertReply(current, now), 'alert'))) return;
    await this.deps.incidents.save({ ...current, alertedAt: now.toISOString() });
    report.alerted.push(f.rule);
  }

  private async cleared(rule: string, detail: string, now: Date, report: TickReport): Promise<void> {
    const inc = this.deps.incidents.get(rule);
    if (!inc) return;
    if (inc.alertedAt) {
      // Not posted: keep the incident so the next tick tries again.
      if (!(await this.deps.alerts.send(recoveryReply(inc, now, detail), 'recovery'))) return;
      report.recovered.push(rule);
    }
    this.deps.log.info({ rule, alerted: Boolean(inc.alertedAt) }, 'health condition cleared');
    await this.deps.incidents.remove(rule);
  }

  /** Defines the Agenda job (before the scheduler starts), counted in the job metrics. */
  define(scheduler: Pick<Scheduler, 'define'>): void {
    const run = async () => {
      await this.tick(new Date());
    };
    scheduler.define(HEALTH_JOB, this.deps.metrics ? instrumentJob(HEALTH_JOB, run, this.deps.metrics) : run);
  }

  /** Schedules the recurring job and starts the watchdog that covers for it when it stalls. */
  async start(scheduler: Pick<Scheduler, 'every'>, interval: string, intervalMs: number): Promise<void> {
    this.lastTickAt = Date.now();
    this.watchdog ??= setInterval(() => {
      if (Date.now() - this.lastTickAt < 2 * intervalMs) return;
      this.deps.log.warn('health-monitor job is overdue (is the database down?): checking from this process');
      this.tick(new Date()).catch((err: unknown) => this.deps.log.error({ err }, 'health check tick failed'));
    }, intervalMs);
    this.watchdog.unref();
    await scheduler.every(interval, HEALTH_JOB, { key: HEALTH_JOB_KEY });
  }

  stop(): void {
    clearInterval(this.watchdog);
    this.watchdog = undefined;
  }
}
