/** A set of roster slots as a byte mask: membership in one array read, for the ranking's inner loops. */
export class SlotSet {
  /**
   * @param capacity the roster's size: slots run from 0 to capacity - 1
   * @param mask a zeroed mask of `capacity` bytes to mark (a fresh one when not given); `clear`
   *   leaves it zeroed again
   */
  constructor(
    readonly capacity: number,
    readonly slots: Int32Array,
    private readonly mask: Uint8Array = new Uint8Array(capacity),
  ) {
    for (const s of slots) mask[s] = 1;
  }

  get size(): number {
    return this.slots.length;
  }

  has(slot: number): boolean {
    return this.mask[slot] === 1;
  }

  /** Unmarks this set's slots, so its mask can serve another set. */
  clear(): void {
    for (const s of this.slots) this.mask[s] = 0;
  }
}
