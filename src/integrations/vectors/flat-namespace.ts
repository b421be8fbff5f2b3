/**
 * One namespace of the in-process index: unit-length vectors packed in one Float32Array (so cosine
 * is a dot product over contiguous memory), their ids, metadata and the model that made them.
 */
import type { VectorMetadata } from './vector-index.js';

export class FlatNamespace {
  model?: string;
  dims = 0;
  readonly ids: string[] = [];
  readonly metadata: VectorMetadata[] = [];
  private readonly slots = new Map<string, number>();
  private data = new Float32Array(0);
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
    const base = slot * this.dims;
    for (let i = 0; i < this.dims; i++) this.data[base + i] = vector[i]! * scale;
  }

  /** Removes one id by moving the last vector into its slot. */
  remove(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    const last = this.ids.length - 1;
    if (slot !== last) {
      const lastId = this.ids[last]!;
      this.data.copyWithin(slot * this.dims, last * this.dims, (last + 1) * this.dims);
      this.ids[slot] = lastId;
      this.metadata[slot] = this.metadata[last]!;
      this.slots.set(lastId, slot);
    }
    this.ids.pop();
    this.metadata.pop();
    this.slots.delete(id);
    this.version++;
    // An emptied namespace forgets its model: a roster re-embedded with another model starts clean.
    if (this.ids.length === 0) { this.model = undefined; this.dims = 0; this.data = new Float32Array(0); }
  }

  /** Cosine similarity of slot `slot` with a unit-length query. */
  dot(slot: number, q: Float32Array): number {
    const d = this.data;
    const n = this.dims; // a local bound: reading this.dims on each turn halves the loop's speed
    const base = slot * n;
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
    return slot === undefined ? undefined : this.data.slice(slot * this.dims, (slot + 1) * this.dims);
  }

  private ensureCapacity(n: number): void {
    if (n * this.dims <= this.data.length) return;
    const next = new Float32Array(Math.max(n, Math.ceil(this.ids.length * 1.5) + 16) * this.dims);
    next.set(this.data);
    this.data = next;
  }
}
