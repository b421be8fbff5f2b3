/**
 * What the port decorators share: how a breaker is made for a port, how a read is retried, and
 * how a fallback is announced (log line for operators, note under the reply for users).
 */
import type { Logger } from 'pino';
import { noteDegraded } from '../degradation.js';
import { Breaker, BreakerRegistry, type BreakerOptions } from './breaker.js';
import { isOutage } from './outage.js';
import { retryIdempotent, type RetryOptions } from './retry.js';

/** Options every breaker decorator takes. */
export interface PortBreakerOptions extends BreakerOptions {
  /** Breaker name in /readyz, alerts and metrics (defaults per port: `anthropic`, `pinecone`…). */
  name?: string;
  /** Where the breaker is listed for readiness and metrics; without one it is private to the port. */
  registry?: BreakerRegistry;
  log?: Logger;
  /** Backoff for idempotent reads; writes are never retried. */
  retry?: RetryOptions;
}

/** A decorated port exposes its breaker (tests, status). */
export interface Guarded {
  readonly breaker: Breaker;
}

export function portBreaker(defaultName: string, opts: PortBreakerOptions): Breaker {
  const name = opts.name ?? defaultName;
  const options: BreakerOptions = { isFailure: isOutage, ...opts };
  return opts.registry ? opts.registry.create(name, options) : new Breaker(name, options);
}

/** An idempotent read: through the breaker, retried with backoff while the failure looks transient. */
export function guardedRead<T>(breaker: Breaker, fn: () => Promise<T>, retry: RetryOptions = {}): Promise<T> {
  return retryIdempotent(() => breaker.run(fn), { retryable: isOutage, ...retry });
}

/** Says a fallback served this call: a log line, and a note under the reply of the current turn. */
export function announceFallback(opts: PortBreakerOptions, breaker: Breaker, err: unknown, note: string): void {
  opts.log?.warn(
    { breaker: breaker.name, state: breaker.state, err: err instanceof Error ? err.message : String(err) },
    'outside service failed; using the fallback',
  );
  noteDegraded(note);
}
