/**
 * Prometheus metrics on a private registry (tests create as many as they like): replies by skill,
 * platform and outcome, reply latency, errors, circuit-breaker states, dependency checks, job runs,
 * turns in flight, and Node's default process metrics. Served as text at GET /metrics.
 */
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { HttpRoute } from '../bot/http/route.js';
import type { JobHandler } from '../scheduler/scheduler.js';
import type { BreakerRegistry, BreakerState } from '../integrations/resilience/breaker.js';
import type { Readiness } from './checks.js';

const BREAKER_STATES: BreakerState[] = ['closed', 'half-open', 'open'];

export interface TurnFigures {
  skill: string;
  ok: boolean;
  ms: number;
  platform: string;
}

export class OpsMetrics {
  readonly registry = new Registry();
  private readonly replies: Counter<'skill' | 'platform' | 'outcome'>;
  private readonly latency: Histogram<'skill' | 'platform'>;
  private readonly errors: Counter<'kind'>;
  private readonly jobRuns: Counter<'job' | 'outcome'>;
  private readonly jobSeconds: Histogram<'job'>;
  private readonly dependencyUp: Gauge<'dependency'>;
  private readonly breakerEvents: Counter<'breaker' | 'event'>;
  private breakers?: BreakerRegistry;
  private inFlight?: () => number;

  constructor(opts: { defaultMetrics?: boolean } = {}) {
    const registers = [this.registry];
    this.replies = new Counter({
      name: 'castmatch_replies_total',
      help: 'Turns answered, by skill, platform and outcome (ok or error).',
      labelNames: ['skill', 'platform', 'outcome'],
      registers,
    });
    this.latency = new Histogram({
      name: 'castmatch_reply_duration_seconds',
      help: 'Time from a message arriving to its reply being sent.',
      labelNames: ['skill', 'platform'],
      buckets: [0.05, 0.1, 0.25, 0.5, 1, 2, 5, 10, 30],
      registers,
    });
    this.errors = new Counter({
      name: 'castmatch_errors_total',
      help: 'Failures: turns answered with an error, jobs that threw.',
      labelNames: ['kind'],
      registers,
    });
    this.jobRuns = new Counter({
      name: 'castmatch_job_runs_total',
      help: 'Scheduled job runs, by job and outcome.',
      labelNames: ['job', 'outcome'],
      registers,
    });
    this.jobSeconds = new Histogram({
      name: 'castmatch_job_duration_seconds',
      help: 'Scheduled job run time.',
      labelNames: ['job'],
      buckets: [0.01, 0.1, 0.5, 1, 5, 30],
      registers,
    });
    this.dependencyUp = new Gauge({
      name: 'castmatch_dependency_up',
      help: 'Last health check of each dependency: 1 up, 0 down.',
      labelNames: ['dependency'],
      registers,
    });
    this.breakerEvents = new Counter({
      name: 'castmatch_breaker_events_total',
      help: 'Circuit-breaker events: success, failure, timeout, rejected, open, half-open, close.',
      labelNames: ['breaker', 'event'],
      registers,
    });
    const self = this;
    new Gauge({
      name: 'castmatch_breaker_state',
      help: 'Circuit-breaker state: 1 for the state each breaker is in, 0 for the others.',
      labelNames: ['breaker', 'state'],
      registers,
      collect() {
        this.reset();
        for (const b of self.breakers?.list() ?? []) {
          for (const s of BREAKER_STATES) this.set({ breaker: b.name, state: s }, b.state === s ? 1 : 0);
        }
      },
    });
    new Gauge({
      name: 'castmatch_turns_in_flight',
      help: 'Turns being worked on right now.',
      registers,
      collect() {
        this.set(self.inFlight?.() ?? 0);
      },
    });
    if (opts.defaultMetrics !== false) collectDefaultMetrics({ register: this.registry });
  }

  /** Exposes these breakers' states and counts their events. */
  watchBreakers(breakers: BreakerRegistry): void {
    this.breakers = breakers;
    breakers.subscribe((b, event) => this.breakerEvents.inc({ breaker: b.name, event }));
  }

  /** Reports turns in flight (from trackInFlight). */
  watchInFlight(count: () => number): void {
    this.inFlight = count;
  }

  observeTurn(t: TurnFigures): void {
    const labels = { skill: t.skill, platform: t.platform };
    this.replies.inc({ ...labels, outcome: t.ok ? 'ok' : 'error' });
    this.latency.observe(labels, t.ms / 1000);
    if (!t.ok) this.errors.inc({ kind: 'turn' });
  }

  observeJob(job: string, ok: boolean, ms: number): void {
    this.jobRuns.inc({ job, outcome: ok ? 'ok' : 'error' });
    this.jobSeconds.observe({ job }, ms / 1000);
    if (!ok) this.errors.inc({ kind: 'job' });
  }

  observeChecks(readiness: Readiness): void {
    for (const [name, c] of Object.entries(readiness.checks)) this.dependencyUp.set({ dependency: name }, c.ok ? 1 : 0);
  }

  /** The Prometheus text exposition. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  get contentType(): string {
    return this.registry.contentType;
  }
}

/** Wraps a job handler so its runs, failures and duration are counted; errors still propagate to Agenda. */
export function instrumentJob(name: string, handler: JobHandler, metrics: OpsMetrics): JobHandler {
  return async (data) => {
    const started = performance.now();
    try {
      await handler(data);
      metrics.observeJob(name, true, performance.now() - started);
    } catch (err) {
      metrics.observeJob(name, false, performance.now() - started);
      throw err;
    }
  };
}

/** GET /metrics. */
export function metricsRoute(metrics: OpsMetrics): HttpRoute {
  return {
    method: 'GET',
    path: '/metrics',
    listener: async (_req, res) => {
      const body = await metrics.text();
      res.writeHead(200, { 'content-type': metrics.contentType, 'content-length': Buffer.byteLength(body) });
      res.end(body);
    },
  };
}
