/**
 * Runs acknowledged turns a few at a time. Turns share the event loop with the HTTP server, and the
 * embedded database works synchronously: with every turn of a burst running at once, new requests
 * would wait behind all of them and Slack's 3-second acknowledgement would be at risk. A bounded
 * queue keeps acknowledgements fast; each job starts from a fresh macrotask so pending requests
 * are read first, and no job starts while a request is held open awaiting its acknowledgement.
 */
export class TurnQueue {
  private readonly waiting: (() => void)[] = [];
  private running = 0;
  private holds = 0;

  constructor(private readonly concurrency: number) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('TurnQueue concurrency must be a positive integer');
  }

  /** Queues a job; resolves or rejects with it. */
  run<T>(job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push(() => {
        job().then(resolve, reject).finally(() => {
          this.running--;
          this.next();
        });
      });
      this.next();
    });
  }

  /**
   * Holds new jobs back until the returned release is called (once; later calls do nothing).
   * Jobs already running go on: only starting more is deferred.
   */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.holds--;
      // Every slot freed while held is filled now.
      while (this.holds === 0 && this.running < this.concurrency && this.waiting.length) this.next();
    };
  }

  /** Jobs queued or running. */
  get size(): number {
    return this.waiting.length + this.running;
  }

  private next(): void {
    if (this.running >= this.concurrency || this.holds > 0) return;
    const start = this.waiting.shift();
    if (!start) return;
    // The slot is taken now, so a burst of next() calls before the immediates run cannot overshoot.
    this.running++;
    setImmediate(start);
  }
}
