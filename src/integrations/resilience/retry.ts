/**
 * Retries with exponential backoff and full jitter, for idempotent reads only (free/busy, vector
 * query, embedding): running one twice has no effect beyond the first. Writes (create, upsert,
 * insert) are never retried here: a timed-out write may still have happened.
 */
import { BreakerOpenError } from './breaker.js';

export interface RetryOptions {
  /** Attempts in all, the first included. */
  attempts?: number;
  /** Delay ceiling of the first retry; each later one doubles it. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** No attempt starts once this much time has gone by: a reply must not wait for ever. */
  budgetMs?: number;
  /** Whether an error is worth another attempt. An open breaker never is. */
  retryable?: (err: unknown) => boolean;
  /** [0, 1) — injectable so tests are deterministic. */
  random?: () => number;
  sleep?: (ms: number) => Promise<void>;
}

export const DEFAULT_RETRY = { attempts: 3, baseDelayMs: 100, maxDelayMs: 1_000, budgetMs: 10_000 };

/** Delay before retry number `n` (1-based): uniformly random in [0, min(max, base·2^(n-1))). */
export function backoffDelay(n: number, opts: Pick<RetryOptions, 'baseDelayMs' | 'maxDelayMs' | 'random'> = {}): number {
  const base = opts.baseDelayMs ?? DEFAULT_RETRY.baseDelayMs;
  const max = opts.maxDelayMs ?? DEFAULT_RETRY.maxDelayMs;
  const ceiling = Math.min(max, base * 2 ** (n - 1));
  return Math.floor((opts.random ?? Math.random)() * ceiling);
}

/** Runs `fn`, retrying retryable failures with backoff; rethrows the last error. */
export async function retryIdempotent<T>(fn: () => Promise<T>, opts: RetryOptions = {}): Promise<T> {
  const attempts = Math.max(1, opts.attempts ?? DEFAULT_RETRY.attempts);
  const budget = opts.budgetMs ?? DEFAULT_RETRY.budgetMs;
  const retryable = opts.retryable ?? (() => true);
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const started = Date.now();
  for (let attempt = 1; ; attempt++) {
    try {
      return await fn();
    } catch (err) {
      if (attempt >= attempts || err instanceof BreakerOpenError || !retryable(err)) throw err;
      const delay = backoffDelay(attempt, opts);
      if (Date.now() - started + delay >= budget) throw err;
      await sleep(delay);
    }
  }
}
