/**
 * What the process uses: resident memory and heap against the configured limit, and how late the
 * event loop runs timers (a blocked loop delays every reply, whatever the services do).
 */
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';

export interface ResourceSample {
  rssMb: number;
  heapUsedMb: number;
  limitMb: number;
  /** rss / limit. */
  memoryRatio: number;
  /** Event-loop delay since the last reset, in ms (p99 and max); undefined when not measured. */
  eventLoopP99Ms?: number;
  eventLoopMaxMs?: number;
}

/** Anything that can say what the process uses now (tests pass a fixed one). */
export interface ResourceSource {
  sample(): ResourceSample;
  /** Starts a new measuring period (after each monitor tick). */
  reset?(): void;
  start?(): void;
  stop?(): void;
}

const MB = 1024 * 1024;

export class ProcessResources implements ResourceSource {
  private histogram?: IntervalHistogram;

  constructor(private readonly limitMb: number) {}

  start(): void {
    if (this.histogram) return;
    this.histogram = monitorEventLoopDelay({ resolution: 20 });
    this.histogram.enable();
  }

  stop(): void {
    this.histogram?.disable();
    this.histogram = undefined;
  }

  reset(): void {
    this.histogram?.reset();
  }

  sample(): ResourceSample {
    const mem = process.memoryUsage();
    const rssMb = mem.rss / MB;
    const h = this.histogram;
    // The histogram reports nanoseconds; with no samples yet its percentiles are 0 or NaN.
    const p99 = h && h.count > 0 ? h.percentile(99) / 1e6 : undefined;
    return {
      rssMb: round(rssMb),
      heapUsedMb: round(mem.heapUsed / MB),
      limitMb: this.limitMb,
      memoryRatio: rssMb / this.limitMb,
      ...(p99 !== undefined && Number.isFinite(p99) ? { eventLoopP99Ms: round(p99), eventLoopMaxMs: round(h!.max / 1e6) } : {}),
    };
  }
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
