/**
 * One namespace of the in-process index: unit-length vectors packed in Float32Array blocks of
 * BLOCK vectors each (cosine is a dot product over contiguous memory), their ids, metadata and the
 * model that made them. Blocks, not one array: growing one array of 100k vectors means holding the
 * old and the new copy at once (and up to half again unused), which set an import's peak memory.
 */
import type { VectorMetadata } from './vector-index.js';

const BLOCK_BITS = 12;
/** Vectors per block: 4096 of 512 dimensions are 8 MB. */
const BLOCK = 1 << BLOCK_BITS;
const BLOCK_MASK = BLOCK - 1;
const FIRST_BLOCK = 16;

export class FlatNamespace {
  model?: string;
  dims = 0;
  readonly ids: string[] = [];
  readonly metadata: VectorMetadata[] = [];
  private readonly slots = new Map<string, number>();
  private blocks: Float32Array[] = [];
  /** Changes whenever an id gains or changes its slot: slot maps made before are then stale. */
  version = 0;

  get size(): number { return this.ids.length; }

  slotOf(id: string): number | undefined { return this.slots.get(id); }

  /** Sets (or replaces) one vector; the caller has checked model and dimensions. */
  set(id: string, vector: Float32Array, metadata: VectorMetadata): void {
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.ids.length;
      this.ensureCapacity(slot + 1);
      this.ids.push(id);
      this.metadata.push(metadata);
      this.slots.set(id, slot);
      this.version++;
    } else {
      this.metadata[slot] = metadata;
    }
    let norm = 0;
    for (let i = 0; i < this.dims; i++) norm += vector[i]! * vector[i]!;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    const block = this.blocks[slot >>> BLOCK_BITS]!;
    const base = (slot & BLOCK_MASK) * this.dims;
    for (let i = 0; i < this.dims; i++) block[base + i] = vector[i]! * scale;
  }

  /** Removes one id by moving the last vector into its slot. */
  remove(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    const last = this.ids.length - 1;
    if (slot !== last) {
      const lastId = this.ids[last]!;
      this.at(slot).set(this.at(last));
      this.ids[slot] = lastId;
      this.metadata[slot] = this.metadata[last]!;
      this.slots.set(lastId, slot);
    }
    this.ids.pop();
    this.metadata.pop();
    this.slots.delete(id);
    this.version++;
    // An emptied namespace forgets its model: a roster re-embedded with another model starts clean.
    if (this.ids.length === 0) { this.model = undefined; this.dims = 0; this.blocks = []; }
    // A block left empty by removals is let go.
    else if (this.blocks.length > 1 && (this.blocks.length - 1) * BLOCK >= this.ids.length) this.blocks.pop();
  }

  /** Cosine similarity of slot `slot` with a unit-length query. */
  dot(slot: number, q: Float32Array): number {
    const d = this.blocks[slot >>> BLOCK_BITS]!;
    const n = this.dims; // a local bound: reading this.dims on each turn halves the loop's speed
    const base = (slot & BLOCK_MASK) * n;
    // Four running sums: independent additions the CPU can overlap.
    let s0 = 0, s1 = 0, s2 = 0, s3 = 0;
    let i = 0;
    for (; i + 3 < n; i += 4) {
      s0 += d[base + i]! * q[i]!;
      s1 += d[base + i + 1]! * q[i + 1]!;
      s2 += d[base + i + 2]! * q[i + 2]!;
      s3 += d[base + i + 3]! * q[i + 3]!;
    }
    for (; i < n; i++) s0 += d[base + i]! * q[i]!;
    return s0 + s1 + s2 + s3;
  }

  /** The stored (unit-length) vector of an id, or undefined. */
  vectorOf(id: string): Float32Array | undefined {
    const slot = this.slots.get(id);
    return slot === undefined ? undefined : this.at(slot).slice();
  }

  /** The stored vector of a slot, as a view into its block. */
  private at(slot: number): Float32Array {
    const base = (slot & BLOCK_MASK) * this.dims;
    return this.blocks[slot >>> BLOCK_BITS]!.subarray(base, base + this.dims);
  }

  /**
   * Room for `n` vectors. The first block starts small and doubles up to BLOCK (a workspace with a
   * small roster must not hold megabytes); every later block is allocated whole.
   */
  private ensureCapacity(n: number): void {
    for (;;) {
      const last = this.blocks.at(-1);
      const lastRoom = last ? last.length / this.dims : 0;
      if ((this.blocks.length - 1) * BLOCK + lastRoom >= n) return;
      if (last && lastRoom < BLOCK) {
        const grown = new Float32Array(Math.min(BLOCK, lastRoom * 2) * this.dims);
        grown.set(last);
        this.blocks[this.blocks.length - 1] = grown;
      } else {
        this.blocks.push(new Float32Array((last ? BLOCK : FIRST_BLOCK) * this.dims));
      }
    }
  }
}
