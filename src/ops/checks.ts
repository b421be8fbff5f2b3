/**
 * Dependency checks with state and latency, each bounded by a timeout: the database and the
 * scheduler (without which this instance cannot serve: they decide readiness), the chat platforms'
 * connections, and every outside service's circuit breaker (reported, and alerted on, but never
 * making the instance unready: the bot answers without them through its fallbacks).
 */
import type { Store } from '../memory/store.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { ChatAdapter } from '../bot/adapters/adapter.js';
import type { IncomingMessage as HttpRequest } from 'node:http';
import type { HttpRoute } from '../bot/http/route.js';
import { sendJson } from '../bot/http/server.js';
import type { Breaker, BreakerRegistry } from '../integrations/resilience/breaker.js';
import { TimeoutError, withTimeout } from './timeout.js';

export interface CheckOutcome {
  ok: boolean;
  latencyMs: number;
  detail?: string;
}

/** GET /readyz's body. */
export interface Readiness {
  ready: boolean;
  checks: Record<string, CheckOutcome>;
}

export interface DependencyCheck {
  name: string;
  /** A failing critical check makes the instance not ready (503): take it out of the load balancer. */
  critical: boolean;
  /** Resolves (or returns ok: true) when healthy; throws or returns ok: false when not. */
  run(): Promise<{ ok: boolean; detail?: string } | void>;
}

/** Runs a set of checks, in parallel, each bounded by `timeoutMs`. */
export class HealthChecks {
  private last?: { at: number; result: Promise<Readiness> };

  /**
   * @param checks the checks, read on every run (breakers appear as ports are first used)
   * @param maxAgeMs a result younger than this is reused: load balancers poll /readyz often
   */
  constructor(
    private readonly checks: () => DependencyCheck[],
    private readonly opts: { timeoutMs?: number; maxAgeMs?: number } = {},
  ) {}

  /** Runs every check; `fresh` skips the short cache (the monitor always wants a new reading). */
  run(fresh = false): Promise<Readiness> {
    const now = Date.now();
    if (!fresh && this.last && now - this.last.at < (this.opts.maxAgeMs ?? 2_000)) return this.last.result;
    const result = this.runAll();
    this.last = { at: now, result };
    return result;
  }

  private async runAll(): Promise<Readiness> {
    const list = this.checks();
    const outcomes = await Promise.all(list.map((c) => runOne(c, this.opts.timeoutMs ?? 3_000)));
    const checks: Record<string, CheckOutcome> = {};
    list.forEach((c, i) => {
      checks[c.name] = outcomes[i]!;
    });
    return { ready: list.every((c, i) => !c.critical || outcomes[i]!.ok), checks };
  }
}

async function runOne(check: DependencyCheck, timeoutMs: number): Promise<CheckOutcome> {
  const started = performance.now();
  const latency = () => Math.round(performance.now() - started);
  try {
    const r = await withTimeout(check.run(), timeoutMs, check.name);
    return { ok: r?.ok ?? true, latencyMs: latency(), ...(r?.detail ? { detail: r.detail } : {}) };
  } catch (err) {
    const detail = err instanceof TimeoutError ? `no answer within ${timeoutMs} ms` : err instanceof Error ? err.message : String(err);
    return { ok: false, latencyMs: latency(), detail };
  }
}

export function databaseCheck(store: () => Pick<Store, 'ping'>): DependencyCheck {
  return {
    name: 'database',
    critical: true,
    run: async () => {
      await store().ping();
    },
  };
}

export function schedulerCheck(scheduler: () => Pick<Scheduler, 'running'>): DependencyCheck {
  return {
    name: 'scheduler',
    critical: true,
    run: async () => (scheduler().running() ? { ok: true } : { ok: false, detail: 'not running' }),
  };
}

/** A chat platform's connection (Slack auth.test, the Bot Framework token), where the adapter can tell. */
export function adapterChecks(adapters: readonly ChatAdapter[]): DependencyCheck[] {
  return adapters.filter((a) => a.check).map((a) => ({ name: a.name, critical: false, run: () => a.check!() }));
}

/**
 * An outside service seen through its breaker: up while closed; otherwise its probe (when it has
 * one) decides, so a recovery shows without waiting for a user's request to try it.
 */
export function breakerCheck(breaker: Breaker): DependencyCheck {
  return {
    name: breaker.name,
    critical: false,
    run: async () => {
      if (breaker.state === 'closed') return { ok: true, detail: 'closed' };
      if (breaker.hasProbe) return breaker.probe();
      const s = breaker.snapshot();
      const since = s.openedAt ? ` since ${s.openedAt.toISOString()}` : '';
      return { ok: false, detail: `circuit ${s.state}${since}${s.lastFailure ? `: ${s.lastFailure.message}` : ''}` };
    },
  };
}

/** What the standard checks read from the app. */
export interface CheckedApp {
  db: { store: Pick<Store, 'ping'> };
  scheduler: Pick<Scheduler, 'running'>;
  adapters: readonly ChatAdapter[];
}

export function standardChecks(app: CheckedApp, breakers?: BreakerRegistry): () => DependencyCheck[] {
  const fixed = [databaseCheck(() => app.db.store), schedulerCheck(() => app.scheduler)];
  return () => [...fixed, ...adapterChecks(app.adapters), ...(breakers?.list() ?? []).map(breakerCheck)];
}

/** GET /readyz: 200 when ready, 503 when not (or while shutting down). */
export function readinessRoute(
  checks: HealthChecks,
  opts: {
    draining?: () => boolean;
    onResult?: (r: Readiness) => void;
    /** Who may see each dependency's state and latency; the others learn only ready or not. */
    showDetails?: (req: HttpRequest) => boolean;
  } = {},
): HttpRoute {
  return {
    method: 'GET',
    path: '/readyz',
    listener: async (req, res) => {
      const details = opts.showDetails?.(req) ?? true;
      if (opts.draining?.()) {
        sendJson(res, 503, details ? { ready: false, checks: {}, detail: 'shutting down' } : { ready: false });
        return;
      }
      const r = await checks.run();
      opts.onResult?.(r);
      // A load balancer needs only the status; which dependency is down, and how slow, is for operators.
      sendJson(res, r.ready ? 200 : 503, details ? r : { ready: r.ready });
    },
  };
}
