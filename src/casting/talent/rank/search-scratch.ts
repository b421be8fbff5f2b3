/**
 * Working arrays of roster size for one search: the candidate list, their membership mask and
 * their semantic and keyword scores. A search over 100k people needs about 1.3 MB of them; made
 * afresh each time, they cost hundreds of page faults per search and the collections that fresh
 * off-heap memory brings on. They are taken from a small pool per roster and given back after.
 */
export class SearchScratch {
  readonly slots: Int32Array;
  /** All zeros when taken; whoever marks it clears its marks before giving it back. */
  readonly mask: Uint8Array;
  readonly semantic: Float32Array;
  readonly keyword: Float32Array;

  constructor(size: number) {
    this.slots = new Int32Array(size);
    this.mask = new Uint8Array(size);
    this.semantic = new Float32Array(size);
    this.keyword = new Float32Array(size);
  }
}

/** Searches running at once each take their own; this many are kept for the next ones. */
const KEEP = 2;

export class ScratchPool {
  private readonly free: SearchScratch[] = [];

  constructor(private readonly size: number) {}

  take(): SearchScratch {
    return this.free.pop() ?? new SearchScratch(this.size);
  }

  give(scratch: SearchScratch): void {
    if (this.free.length < KEEP) this.free.push(scratch);
  }
}
