/** A set of roster slots as a byte mask: membership in one array read, for the ranking's inner loops. */
export class SlotSet {
  private readonly mask: Uint8Array;

  /** @param capacity the roster's size: slots run from 0 to capacity - 1 */
  constructor(readonly capacity: number, readonly slots: Int32Array) {
    this.mask = new Uint8Array(capacity);
    for (const s of slots) this.mask[s] = 1;
  }

  get size(): number { return this.slots.length; }

  has(slot: number): boolean { return this.mask[slot] === 1; }
}
