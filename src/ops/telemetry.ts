/**
 * The TurnObserver the engine reports every finished turn to: it feeds the Prometheus counters and
 * the sliding window the health monitor reads. Created before the app (the engine takes its
 * observer at construction) and handed to installOps afterwards.
 */
import type { TurnObserver } from '../bot/engine.js';
import { OpsMetrics, type TurnFigures } from './metrics.js';
import { TurnWindow } from './turn-window.js';

export interface TelemetryOptions {
  /** Clock for the sliding window (epoch ms); tests pass a fake one. */
  now?: () => number;
  /** Length of the window reply latency and error rate are computed over. */
  windowMs?: number;
  /** Node's default process metrics (on unless a test turns them off). */
  defaultMetrics?: boolean;
  /** Another observer told of every turn too (AppOptions.observer, which tests use). */
  forward?: TurnObserver;
}

export class Telemetry implements TurnObserver {
  readonly metrics: OpsMetrics;
  readonly turns: TurnWindow;
  private readonly now: () => number;
  private readonly forward?: TurnObserver;

  constructor(opts: TelemetryOptions = {}) {
    this.now = opts.now ?? Date.now;
    if (opts.forward) this.forward = opts.forward;
    this.metrics = new OpsMetrics({ ...(opts.defaultMetrics === false ? { defaultMetrics: false } : {}) });
    this.turns = new TurnWindow({ ...(opts.windowMs ? { windowMs: opts.windowMs } : {}) });
  }

  turnFinished(t: TurnFigures): void {
    this.metrics.observeTurn(t);
    this.turns.record(this.now(), t.ms, t.ok);
    this.forward?.turnFinished(t);
  }
}

export function createTelemetry(opts: TelemetryOptions = {}): Telemetry {
  return new Telemetry(opts);
}
