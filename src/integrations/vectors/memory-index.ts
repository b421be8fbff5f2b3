/**
 * The embedded vector index: exact cosine similarity over packed vectors per namespace, with
 * the id allowlist and metadata filter applied before any similarity is computed. A namespace is
 * loaded from the stored vectors (the database is the source of truth) on its first use, so the
 * index survives a restart without a separate file. It records each namespace's model and
 * dimensions and refuses to mix models.
 */
import { FlatNamespace, MAX_DIMS } from './flat-namespace.js';
import { matchesFilter } from './metadata-filter.js';
import { TopK } from './top-k.js';
import {
  VectorIndexError,
  VectorModelMismatchError,
  type VectorIndex,
  type VectorMatch,
  type VectorMetadata,
  type VectorQueryOptions,
} from './vector-index.js';

/** A vector as kept in the store. */
export interface StoredVector {
  id: string;
  vector: Float32Array;
  metadata: VectorMetadata;
  model: string;
}

/** Reads every stored vector of a namespace (tenant). */
export type NamespaceLoader = (namespace: string) => Promise<StoredVector[]>;

export class MemoryVectorIndex implements VectorIndex {
  readonly kind = 'memory' as const;
  private readonly spaces = new Map<string, Promise<FlatNamespace>>();
  /** The slot of each id of a caller's id list (`among.universe`), per namespace state. */
  private seen = new Uint8Array(0);
  private readonly universes = new WeakMap<readonly string[], { space: FlatNamespace; version: number; slots: Int32Array }>();

  /**
   * @param loader fills a namespace on first use; without one, namespaces start empty.
   * @param maxPages the most memory one namespace may take, in 64 KiB pages (default 4 GiB).
   */
  constructor(
    private readonly loader?: NamespaceLoader,
    private readonly maxPages?: number,
  ) {}

  async upsert(namespace: string, items: { id: string; vector: Float32Array; metadata: VectorMetadata }[], model: string): Promise<void> {
    if (items.length === 0) return;
    const space = await this.space(namespace);
    const dims = items[0]!.vector.length;
    if (dims > MAX_DIMS)
      throw new VectorIndexError(`vectors of ${model} have ${dims} dimensions; the in-process index holds at most ${MAX_DIMS}`);
    if (space.model !== undefined && space.model !== model) throw new VectorModelMismatchError(namespace, space.model, model);
    if (space.size > 0 && dims !== space.dims)
      throw new VectorIndexError(`vectors of ${model} have ${dims} dimensions; ${namespace} holds ${space.dims}`);
    for (const item of items) {
      if (item.vector.length !== dims)
        throw new VectorIndexError(`vector for ${item.id} has ${item.vector.length} dimensions, expected ${dims}`);
    }
    space.dims = dims;
    const added = new Set(items.map((i) => i.id).filter((id) => space.slotOf(id) === undefined)).size;
    space.reserve(space.size + added);
    space.model = model;
    for (const item of items) space.set(item.id, item.vector, item.metadata);
  }

  async query(namespace: string, vector: Float32Array, opts: VectorQueryOptions): Promise<VectorMatch[]> {
    const space = await this.space(namespace);
    if (space.size === 0) return [];
    if (opts.model !== undefined && space.model !== opts.model)
      throw new VectorModelMismatchError(namespace, space.model ?? '?', opts.model);
    if (vector.length !== space.dims)
      throw new VectorIndexError(`query vector has ${vector.length} dimensions; ${namespace} holds ${space.dims}`);

    // The slots to score, filtered and deduplicated, then scored in one pass.
    const listed = space.slotList(space.size);
    const seen = this.marks(space.size); // a slot listed twice is scored once
    let n = 0;
    const consider = (slot: number) => {
      if (seen[slot] === 1 || (opts.filter && !matchesFilter(space.metadata[slot]!, opts.filter))) return;
      seen[slot] = 1;
      listed[n++] = slot;
    };
    if (opts.among) {
      const slots = this.slotsOf(space, opts.among.universe);
      for (const pick of opts.among.picks) {
        const slot = slots[pick] ?? -1;
        if (slot >= 0) consider(slot);
      }
    } else if (opts.ids) {
      for (const id of opts.ids) {
        const slot = space.slotOf(id);
        if (slot !== undefined) consider(slot);
      }
    } else {
      for (let slot = 0; slot < space.size; slot++) consider(slot);
    }
    for (let k = 0; k < n; k++) seen[listed[k]!] = 0;
    const scores = space.score(vector, n);
    const top = new TopK(Math.max(0, Math.floor(opts.topK)));
    for (let k = 0; k < n; k++) top.push(listed[k]!, scores[k]!);
    return top.sorted().map(({ item, score }) => ({ id: space.ids[item]!, score }));
  }

  /** Maps a caller's id list to this namespace's slots (-1: not indexed), reusing the last map while valid. */
  private slotsOf(space: FlatNamespace, universe: readonly string[]): Int32Array {
    const known = this.universes.get(universe);
    if (known && known.space === space && known.version === space.version) return known.slots;
    const slots = Int32Array.from(universe, (id) => space.slotOf(id) ?? -1);
    this.universes.set(universe, { space, version: space.version, slots });
    return slots;
  }

  /**
   * Zeroed marks for `n` slots, kept between queries (a query runs without yielding, so one set
   * serves every namespace); whoever sets marks clears them.
   */
  private marks(n: number): Uint8Array {
    if (this.seen.length < n) this.seen = new Uint8Array(Math.max(n, this.seen.length * 2));
    return this.seen;
  }

  async delete(namespace: string, ids: string[]): Promise<void> {
    const space = await this.space(namespace);
    for (const id of ids) space.remove(id);
  }

  /** The stored unit vector of one id (near-duplicate checks), loading the namespace if needed. */
  async vectorOf(namespace: string, id: string): Promise<Float32Array | undefined> {
    return (await this.space(namespace)).vectorOf(id);
  }

  /** Drops a namespace's in-memory copy; its next use reloads it from the store. */
  forget(namespace: string): void {
    this.spaces.delete(namespace);
  }

  private space(namespace: string): Promise<FlatNamespace> {
    let p = this.spaces.get(namespace);
    if (!p) {
      p = this.load(namespace);
      this.spaces.set(namespace, p);
      // A failed load (database down) must not stick: the next call tries again.
      p.catch(() => {
        if (this.spaces.get(namespace) === p) this.spaces.delete(namespace);
      });
    }
    return p;
  }

  private async load(namespace: string): Promise<FlatNamespace> {
    const space = new FlatNamespace(this.maxPages);
    if (!this.loader) return space;
    const stored = await this.loader(namespace);
    const models = [...new Set(stored.map((s) => s.model))];
    if (models.length > 1) {
      throw new VectorIndexError(
        `the stored vectors of ${namespace} come from several models (${models.join(', ')}); re-import the roster to re-embed it`,
      );
    }
    const first = stored[0];
    if (!first) return space;
    if (first.vector.length > MAX_DIMS)
      throw new VectorIndexError(
        `stored vectors of ${namespace} have ${first.vector.length} dimensions; the in-process index holds at most ${MAX_DIMS}`,
      );
    space.model = first.model;
    space.dims = first.vector.length;
    space.reserve(stored.length);
    for (const s of stored) {
      if (s.vector.length !== space.dims)
        throw new VectorIndexError(`stored vector for ${s.id} has ${s.vector.length} dimensions, expected ${space.dims}`);
      space.set(s.id, s.vector, s.metadata);
    }
    return space;
  }
}
