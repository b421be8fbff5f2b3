/**
 * The bot's own figures over a sliding window: how many replies, how many failed, and how long
 * they took (p50, p95). Fed by the TurnObserver; read by the health monitor and /cast status.
 * Bounded: beyond `cap` samples the oldest go first, so a burst cannot grow memory.
 */

export interface TurnStats {
  /** Turns finished in the window. */
  count: number;
  errors: number;
  /** errors / count; 0 when there were none. */
  errorRate: number;
  /** Reply latency percentiles in ms; undefined with no turns. */
  p50Ms?: number;
  p95Ms?: number;
  windowMs: number;
}

interface Sample {
  at: number;
  ms: number;
  ok: boolean;
}

export class TurnWindow {
  private samples: Sample[] = [];
  readonly windowMs: number;
  private readonly cap: number;

  constructor(opts: { windowMs?: number; cap?: number } = {}) {
    this.windowMs = opts.windowMs ?? 5 * 60_000;
    this.cap = opts.cap ?? 10_000;
  }

  /** Records one finished turn at time `at` (epoch ms). */
  record(at: number, ms: number, ok: boolean): void {
    this.samples.push({ at, ms, ok });
    if (this.samples.length > this.cap) this.samples.splice(0, this.samples.length - this.cap);
  }

  stats(now: number): TurnStats {
    const from = now - this.windowMs;
    // Samples arrive in time order; drop the expired head once rather than filtering each read.
    const firstLive = this.samples.findIndex((s) => s.at > from);
    this.samples = firstLive < 0 ? [] : this.samples.slice(firstLive);
    const live = this.samples.filter((s) => s.at <= now);
    const errors = live.filter((s) => !s.ok).length;
    const sorted = live.map((s) => s.ms).sort((a, b) => a - b);
    return {
      count: live.length,
      errors,
      errorRate: live.length ? errors / live.length : 0,
      windowMs: this.windowMs,
      ...(sorted.length ? { p50Ms: percentile(sorted, 0.5), p95Ms: percentile(sorted, 0.95) } : {}),
    };
  }
}

/** Nearest-rank percentile of an ascending list. */
export function percentile(sorted: number[], p: number): number {
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1]!;
}
