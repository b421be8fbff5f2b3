/**
 * One namespace of the in-process index: unit-length vectors packed one after another in a
 * WebAssembly memory, their ids, metadata and the model that made them. Cosine similarity is a dot
 * product computed by a small WebAssembly SIMD kernel (simd/dot.wat), four float lanes at a time:
 * scoring the ten thousand people a broad filter lets through is the largest part of a search.
 * A WebAssembly memory grows in place (its address range is reserved up front), so growing the
 * index never holds two copies of it.
 */
import { DOT_WASM_BASE64 } from './simd/dot-wasm.js';
import { VectorIndexError, type VectorMetadata } from './vector-index.js';

const PAGE = 65_536;
/** The query is written at byte 0; stored vectors start on the next page. */
const VECTORS_AT = PAGE;
/** The most dimensions a query (and so a stored vector) may have: one page of floats. */
export const MAX_DIMS = PAGE / 4;
/** Room for the first vectors; it doubles as the namespace fills. */
const FIRST_ROOM = 16;
/** The most pages a (32-bit) WebAssembly memory can have: 4 GiB. */
const MAX_PAGES = 65_536;

const kernel = new WebAssembly.Module(Buffer.from(DOT_WASM_BASE64, 'base64'));

type ScoreSlots = (vectorsAt: number, dims: number, slotsAt: number, n: number, outAt: number) => void;

export class FlatNamespace {
  model?: string;
  dims = 0;
  readonly ids: string[] = [];
  readonly metadata: VectorMetadata[] = [];
  private readonly slots = new Map<string, number>();
  private memory!: WebAssembly.Memory;
  private floats!: Float32Array;
  private scoreKernel!: ScoreSlots;
  /** Vectors the memory has room for at the current dimensions. */
  private room = 0;
  /** Changes whenever an id gains or changes its slot: slot maps made before are then stale. */
  version = 0;

  /** @param maxPages the most memory this namespace may take, in 64 KiB pages (4 GiB by default) */
  constructor(private readonly maxPages = MAX_PAGES) {
    this.reset();
  }

  get size(): number {
    return this.ids.length;
  }

  slotOf(id: string): number | undefined {
    return this.slots.get(id);
  }

  /** Sets (or replaces) one vector; the caller has checked model and dimensions. */
  set(id: string, vector: Float32Array, metadata: VectorMetadata): void {
    let slot = this.slots.get(id);
    if (slot === undefined) {
      slot = this.ids.length;
      this.reserve(slot + 1);
      this.ids.push(id);
      this.metadata.push(metadata);
      this.slots.set(id, slot);
      this.version++;
    } else {
      this.metadata[slot] = metadata;
    }
    this.writeUnit(vector, this.floatIndex(slot));
  }

  /** Removes one id by moving the last vector into its slot. */
  remove(id: string): void {
    const slot = this.slots.get(id);
    if (slot === undefined) return;
    const last = this.ids.length - 1;
    if (slot !== last) {
      const lastId = this.ids[last]!;
      const from = this.floatIndex(last);
      this.floats.copyWithin(this.floatIndex(slot), from, from + this.dims);
      this.ids[slot] = lastId;
      this.metadata[slot] = this.metadata[last]!;
      this.slots.set(lastId, slot);
    }
    this.ids.pop();
    this.metadata.pop();
    this.slots.delete(id);
    this.version++;
    // An emptied namespace forgets its model, and lets its memory go: a roster re-embedded with
    // another model starts clean.
    if (this.ids.length === 0) {
      this.model = undefined;
      this.dims = 0;
      this.reset();
    }
  }

  /**
   * A list, in the index's memory, for up to `n` slots to score: fill it, then call `score`.
   * Valid until the next call that changes the namespace.
   */
  slotList(n: number): Int32Array {
    this.reserve(n);
    return new Int32Array(this.memory.buffer, this.listAt(), n);
  }

  /**
   * Cosine similarity with `q` (`dims` floats) of the first `n` slots of the list, in their
   * order: a view into the index's memory, to read before the next call.
   */
  score(q: Float32Array, n: number): Float32Array {
    const listAt = this.listAt();
    const scoresAt = listAt + n * 4;
    this.writeUnit(q, 0);
    this.scoreKernel(VECTORS_AT, this.dims, listAt, n, scoresAt);
    return new Float32Array(this.memory.buffer, scoresAt, n);
  }

  /** The stored (unit-length) vector of an id, or undefined. */
  vectorOf(id: string): Float32Array | undefined {
    const slot = this.slots.get(id);
    if (slot === undefined) return undefined;
    const base = this.floatIndex(slot);
    return this.floats.slice(base, base + this.dims);
  }

  private floatIndex(slot: number): number {
    return (VECTORS_AT >>> 2) + slot * this.dims;
  }

  /** Writes `v` scaled to unit length (zero stays zero) at float index `at`: cosine becomes a dot product. */
  private writeUnit(v: Float32Array, at: number): void {
    let norm = 0;
    for (let i = 0; i < this.dims; i++) norm += v[i]! * v[i]!;
    const scale = norm > 0 ? 1 / Math.sqrt(norm) : 0;
    for (let i = 0; i < this.dims; i++) this.floats[at + i] = v[i]! * scale;
  }

  /** The slot list goes just past the room for vectors, its scores after it (bytes). */
  private listAt(): number {
    return this.floatIndex(this.room) * 4;
  }

  /** A fresh, empty memory: the query page only. */
  private reset(): void {
    this.memory = new WebAssembly.Memory({ initial: 1, maximum: this.maxPages });
    this.scoreKernel = new WebAssembly.Instance(kernel, { index: { memory: this.memory } }).exports.scoreSlots as ScoreSlots;
    this.floats = new Float32Array(this.memory.buffer);
    this.room = 0;
  }

  /**
   * Makes room for `n` vectors in all (at the current dimensions), or throws VectorIndexError and
   * changes nothing: callers reserve a whole batch before setting any of it. Room doubles: a small
   * workspace holds little, and a big one grows its memory a few times only (each growth makes the
   * collector look at the whole heap). Pages taken but not yet written are address space, not
   * resident memory.
   */
  reserve(n: number): void {
    if (n <= this.room) return;
    let room = Math.max(this.room, FIRST_ROOM);
    while (room < n) room *= 2;
    // Doubling past the most the memory can hold: exactly what is asked may still fit.
    if (!this.fits(this.bytesFor(room))) room = n;
    if (!this.fits(this.bytesFor(room))) {
      const most = Math.floor((this.maxPages * PAGE - VECTORS_AT) / this.bytesPerVector());
      throw new VectorIndexError(
        `the in-process index holds at most ${most} vectors of ${this.dims} dimensions in one workspace; configure Pinecone for a roster of ${n}`,
      );
    }
    this.ensureBytes(this.bytesFor(room));
    this.room = room;
  }

  /** Each vector takes its floats and, while scored, a slot and a score. */
  private bytesPerVector(): number {
    return this.dims * 4 + 8;
  }

  private bytesFor(room: number): number {
    return VECTORS_AT + room * this.bytesPerVector();
  }

  private fits(bytes: number): boolean {
    return Math.ceil(bytes / PAGE) <= this.maxPages;
  }

  private ensureBytes(bytes: number): void {
    const pages = Math.ceil(bytes / PAGE) - this.memory.buffer.byteLength / PAGE;
    if (pages <= 0) return;
    this.memory.grow(pages);
    // Growing detaches the old buffer; the view is made again on the new one.
    this.floats = new Float32Array(this.memory.buffer);
  }
}
