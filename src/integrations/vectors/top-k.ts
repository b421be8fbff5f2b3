/** Keeps the k best-scoring items seen so far in a binary min-heap: O(n log k) selection. */
export class TopK {
  private readonly scores: number[] = [];
  private readonly items: number[] = [];

  constructor(private readonly k: number) {}

  /** Offers item `item` (a slot number) with `score`. */
  push(item: number, score: number): void {
    if (this.k <= 0) return;
    if (this.scores.length < this.k) {
      this.scores.push(score);
      this.items.push(item);
      this.siftUp(this.scores.length - 1);
    } else if (score > this.scores[0]!) {
      this.scores[0] = score;
      this.items[0] = item;
      this.siftDown(0);
    }
  }

  /** The kept items, best first. */
  sorted(): { item: number; score: number }[] {
    return this.items.map((item, i) => ({ item, score: this.scores[i]! })).sort((a, b) => b.score - a.score);
  }

  private siftUp(i: number): void {
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (this.scores[p]! <= this.scores[i]!) return;
      this.swap(i, p);
      i = p;
    }
  }

  private siftDown(i: number): void {
    const n = this.scores.length;
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < n && this.scores[l]! < this.scores[m]!) m = l;
      if (r < n && this.scores[r]! < this.scores[m]!) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }

  private swap(a: number, b: number): void {
    [this.scores[a], this.scores[b]] = [this.scores[b]!, this.scores[a]!];
    [this.items[a], this.items[b]] = [this.items[b]!, this.items[a]!];
  }
}
