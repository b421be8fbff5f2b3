/**
 * The n best of a stream under an ordering, kept sorted as they come: a search over thousands of
 * candidates returns ten of them, so sorting all of them would be wasted work.
 */
export class BestOf<T> {
  private readonly kept: T[] = [];

  /** @param order negative when its first argument ranks before its second */
  constructor(
    private readonly n: number,
    private readonly order: (a: T, b: T) => number,
  ) {}

  offer(item: T): void {
    if (this.n <= 0) return;
    const kept = this.kept;
    if (kept.length === this.n && this.order(item, kept[kept.length - 1]!) >= 0) return;
    let lo = 0;
    let hi = kept.length;
    // After every item that ranks before or level with it: equal items keep their arrival order.
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.order(item, kept[mid]!) < 0) hi = mid;
      else lo = mid + 1;
    }
    kept.splice(lo, 0, item);
    if (kept.length > this.n) kept.pop();
  }

  /** The kept items, best first. */
  sorted(): T[] {
    return [...this.kept];
  }
}
