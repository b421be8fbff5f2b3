/**
 * Circuit breakers on opossum: the one file that knows the library. A breaker times out each call,
 * counts failures over a rolling window, opens when too many fail (calls then fail fast instead of
 * waiting on a service that is down), and lets one trial call through after `resetMs` (half-open).
 * Its state and last outcome feed /readyz, the health monitor and /metrics.
 */
import CircuitBreaker from 'opossum';
import { CastMatchError } from '../../errors/castmatch-error.js';

export type BreakerState = 'closed' | 'open' | 'half-open';

/** Kinds of events a breaker reports to its registry's listeners (metrics). */
export type BreakerEvent = 'success' | 'failure' | 'timeout' | 'rejected' | 'open' | 'half-open' | 'close';

export interface BreakerOptions {
  /** Per-call timeout. */
  timeoutMs?: number;
  /** How long the breaker stays open before letting one trial call through. */
  resetMs?: number;
  /** Failure percentage over the rolling window above which the breaker opens. */
  errorThresholdPercentage?: number;
  /** Calls needed in the window before the percentage counts: one early failure does not open it. */
  volumeThreshold?: number;
  /** Length of the rolling window the percentage is computed over. */
  rollingWindowMs?: number;
  /**
   * Whether an error means the service is failing (counts toward opening). A 400 or a model
   * mismatch is the caller's problem, not an outage. Default: every error counts.
   */
  isFailure?: (err: unknown) => boolean;
  /**
   * A cheap idempotent call (a free/busy lookup, one tiny embedding) the readiness check may run
   * while the breaker is not closed, so recovery is seen without waiting for user traffic.
   */
  probe?: () => Promise<unknown>;
}

/** What /readyz, the monitor and /metrics see of a breaker. */
export interface BreakerSnapshot {
  name: string;
  state: BreakerState;
  openedAt?: Date;
  lastSuccessAt?: Date;
  lastFailure?: { at: Date; message: string };
  /** Cumulative counts since start. */
  counts: Record<'success' | 'failure' | 'timeout' | 'rejected', number>;
}

/** The breaker is open: the call was not attempted. */
export class BreakerOpenError extends CastMatchError<'breaker_open'> {
  constructor(readonly breaker: string) {
    super('breaker_open', `${breaker} is unavailable (circuit open after repeated failures)`);
  }
}

/** The call took longer than the breaker's timeout. */
export class BreakerTimeoutError extends CastMatchError<'breaker_timeout'> {
  constructor(
    readonly breaker: string,
    readonly timeoutMs: number,
  ) {
    super('breaker_timeout', `${breaker} did not answer within ${timeoutMs} ms`);
  }
}

const DEFAULTS = { timeoutMs: 5_000, resetMs: 30_000, errorThresholdPercentage: 50, volumeThreshold: 5, rollingWindowMs: 10_000 };

type Thunk = () => Promise<unknown>;

/** One named circuit breaker around calls to one outside service. */
export class Breaker {
  private readonly circuit: CircuitBreaker<[Thunk], unknown>;
  private readonly timeoutMs: number;
  private openedAt?: Date;
  private lastSuccessAt?: Date;
  private lastFailure?: { at: Date; message: string };
  private readonly counts = { success: 0, failure: 0, timeout: 0, rejected: 0 };

  constructor(
    readonly name: string,
    private readonly opts: BreakerOptions = {},
    private readonly emit: (b: Breaker, e: BreakerEvent) => void = () => undefined,
  ) {
    this.timeoutMs = opts.timeoutMs ?? DEFAULTS.timeoutMs;
    const isFailure = opts.isFailure ?? (() => true);
    this.circuit = new CircuitBreaker<[Thunk], unknown>((fn: Thunk) => fn(), {
      name,
      timeout: this.timeoutMs,
      resetTimeout: opts.resetMs ?? DEFAULTS.resetMs,
      errorThresholdPercentage: opts.errorThresholdPercentage ?? DEFAULTS.errorThresholdPercentage,
      volumeThreshold: opts.volumeThreshold ?? DEFAULTS.volumeThreshold,
      rollingCountTimeout: opts.rollingWindowMs ?? DEFAULTS.rollingWindowMs,
      // opossum's filter is the other way round: true means "not a failure".
      errorFilter: (err: unknown) => !isFailure(err),
    });
    this.circuit.on('success', () => {
      this.lastSuccessAt = new Date();
      this.counts.success++;
      emit(this, 'success');
    });
    this.circuit.on('failure', (err: Error) => {
      this.noteFailure(this.translate(err));
      this.counts.failure++;
      emit(this, 'failure');
    });
    this.circuit.on('timeout', () => {
      this.counts.timeout++;
      emit(this, 'timeout');
    });
    this.circuit.on('reject', () => {
      this.counts.rejected++;
      emit(this, 'rejected');
    });
    this.circuit.on('open', () => {
      this.openedAt = new Date();
      emit(this, 'open');
    });
    this.circuit.on('halfOpen', () => emit(this, 'half-open'));
    this.circuit.on('close', () => {
      this.openedAt = undefined;
      emit(this, 'close');
    });
  }

  /** Runs one call through the breaker; throws BreakerOpenError or BreakerTimeoutError, or the call's own error. */
  async run<T>(fn: () => Promise<T>): Promise<T> {
    try {
      return (await this.circuit.fire(fn)) as T;
    } catch (err) {
      throw this.translate(err);
    }
  }

  get state(): BreakerState {
    if (this.circuit.opened) return 'open';
    if (this.circuit.halfOpen) return 'half-open';
    return 'closed';
  }

  get hasProbe(): boolean {
    return this.opts.probe !== undefined;
  }

  /**
   * Runs the probe outside the open gate (bounded by the timeout). Success closes the breaker;
   * failure re-opens it. Without a probe, reports the state as it is.
   */
  async probe(): Promise<{ ok: boolean; detail?: string }> {
    const probe = this.opts.probe;
    if (!probe) return { ok: this.state === 'closed' };
    let timer: NodeJS.Timeout | undefined;
    try {
      await Promise.race([
        probe(),
        new Promise((_, reject) => {
          timer = setTimeout(() => reject(new BreakerTimeoutError(this.name, this.timeoutMs)), this.timeoutMs);
        }),
      ]);
      this.lastSuccessAt = new Date();
      this.circuit.close();
      return { ok: true, detail: 'probe answered' };
    } catch (err) {
      this.noteFailure(err);
      if (!this.circuit.opened) this.circuit.open();
      return { ok: false, detail: `probe failed: ${messageOf(err)}` };
    } finally {
      clearTimeout(timer);
    }
  }

  snapshot(): BreakerSnapshot {
    return {
      name: this.name,
      state: this.state,
      counts: { ...this.counts },
      ...(this.openedAt ? { openedAt: this.openedAt } : {}),
      ...(this.lastSuccessAt ? { lastSuccessAt: this.lastSuccessAt } : {}),
      ...(this.lastFailure ? { lastFailure: { ...this.lastFailure } } : {}),
    };
  }

  /** Stops the breaker's rolling-window timers (process shutdown, end of a test). */
  shutdown(): void {
    this.circuit.shutdown();
  }

  private noteFailure(err: unknown): void {
    this.lastFailure = { at: new Date(), message: messageOf(err) };
  }

  private translate(err: unknown): unknown {
    const code = (err as { code?: unknown } | null)?.code;
    if (code === 'EOPENBREAKER') return new BreakerOpenError(this.name);
    if (code === 'ETIMEDOUT' && err instanceof Error && err.message.startsWith('Timed out after'))
      return new BreakerTimeoutError(this.name, this.timeoutMs);
    return err;
  }
}

/** The breakers of one app: listed by readiness checks and metrics, shut down together. */
export class BreakerRegistry {
  private readonly breakers = new Map<string, Breaker>();
  private readonly listeners = new Set<(breaker: Breaker, event: BreakerEvent) => void>();

  /** Creates (or returns the existing) breaker of that name. */
  create(name: string, opts: BreakerOptions = {}): Breaker {
    const existing = this.breakers.get(name);
    if (existing) return existing;
    const breaker = new Breaker(name, opts, (b, e) => {
      for (const l of this.listeners) l(b, e);
    });
    this.breakers.set(name, breaker);
    return breaker;
  }

  get(name: string): Breaker | undefined {
    return this.breakers.get(name);
  }

  list(): Breaker[] {
    return [...this.breakers.values()];
  }

  snapshots(): BreakerSnapshot[] {
    return this.list().map((b) => b.snapshot());
  }

  /** Hears every breaker's events (metrics counters, state-change logs). Returns an unsubscribe. */
  subscribe(listener: (breaker: Breaker, event: BreakerEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  shutdown(): void {
    for (const b of this.breakers.values()) b.shutdown();
  }
}

function messageOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}
