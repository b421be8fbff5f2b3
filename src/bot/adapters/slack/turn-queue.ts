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
  /** Starts scheduled for the next macrotask, not yet run. */
  private starting = 0;
  private holds = 0;

  constructor(private readonly concurrency: number) {
    if (!Number.isInteger(concurrency) || concurrency < 1) throw new Error('TurnQueue concurrency must be a positive integer');
  }

  /** Queues a job; resolves or rejects with it. */
  run<T>(job: () => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.waiting.push(() => {
        job()
          .then(resolve, reject)
          .finally(() => {
            this.running--;
            this.next();
          });
      });
      this.next();
    });
  }

  /**
   * Holds new jobs back until the returned release is called (once; later calls do nothing).
   * Jobs already running go on: only starting more is deferred. The release takes effect after the
   * event loop has polled once more: requests of a burst arrive a little apart, and the one right
   * behind the request just answered must be read before a turn starts, not after.
   */
  hold(): () => void {
    this.holds++;
    let released = false;
    return () => {
      if (released) return;
      released = true;
      setImmediate(() => {
        this.holds--;
        // Every slot freed while held is filled now.
        while (this.holds === 0 && this.canStartMore()) this.next();
      });
    };
  }

  /** Jobs queued or running. */
  get size(): number {
    return this.waiting.length + this.running;
  }

  private canStartMore(): boolean {
    return this.running + this.starting < this.concurrency && this.waiting.length > this.starting;
  }

  private next(): void {
    if (this.holds > 0 || !this.canStartMore()) return;
    // Counted now, so a burst of next() calls before the immediates run cannot overshoot.
    this.starting++;
    setImmediate(() => {
      this.starting--;
      // A request came in meanwhile: its release fills the slot, in queue order.
      if (this.holds > 0) return;
      const start = this.waiting.shift();
      if (!start) return;
      this.running++;
      start();
    });
  }
}
