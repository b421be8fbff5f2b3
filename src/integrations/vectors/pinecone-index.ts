/**
 * Pinecone through the real `@pinecone-database/pinecone` 8.x client: one namespace per tenant,
 * metadata filters evaluated by Pinecone. Every vector carries its model in `_model` metadata and
 * every query filters on it, so vectors of two models never meet; the first model and dimension
 * seen per namespace are remembered and a different one is refused.
 *
 * The 8.x client takes option objects: `upsert({ records })`, `deleteMany({ ids })` (the older
 * array form deletes nothing), `query({ vector, topK, filter, includeMetadata })`.
 */
import { Pinecone, type Index } from '@pinecone-database/pinecone';
import {
  VectorIndexError,
  VectorModelMismatchError,
  type MetadataFilter,
  type VectorIndex,
  type VectorMatch,
  type VectorMetadata,
  type VectorQueryOptions,
} from './vector-index.js';

export interface PineconeIndexOptions {
  apiKey: string;
  /** The index's data-plane host, `https://…pinecone.io` (or `http://127.0.0.1:PORT` for a local fake). */
  indexHost?: string;
  /** Index name: the client resolves its host through the control plane when no host is given. */
  indexName?: string;
  controllerHostUrl?: string;
  maxRetries?: number;
  /** An already configured client, shared with the embedder. */
  client?: Pinecone;
}

const UPSERT_BATCH = 100;
const DELETE_BATCH = 1000;
/** Pinecone's ceiling for topK when metadata is returned. */
const MAX_TOP_K = 1000;
/** Beyond this many ids an allowlist filter gets too large for a request: results are filtered here instead. */
const MAX_ID_FILTER = 1000;

export class PineconeVectorIndex implements VectorIndex {
  readonly kind = 'pinecone' as const;
  private readonly index: Index;
  private readonly seen = new Map<string, { model: string; dims: number }>();

  constructor(opts: PineconeIndexOptions) {
    if (!opts.indexHost && !opts.indexName) throw new VectorIndexError('Pinecone needs an index host or an index name');
    const client =
      opts.client ??
      new Pinecone({
        apiKey: opts.apiKey,
        ...(opts.controllerHostUrl ? { controllerHostUrl: opts.controllerHostUrl } : {}),
        maxRetries: opts.maxRetries ?? 2,
      });
    this.index = client.index({
      ...(opts.indexName ? { name: opts.indexName } : {}),
      ...(opts.indexHost ? { host: opts.indexHost } : {}),
    });
  }

  async upsert(namespace: string, items: { id: string; vector: Float32Array; metadata: VectorMetadata }[], model: string): Promise<void> {
    if (items.length === 0) return;
    this.remember(namespace, model, items[0]!.vector.length);
    const ns = this.index.namespace(namespace);
    for (let i = 0; i < items.length; i += UPSERT_BATCH) {
      const records = items.slice(i, i + UPSERT_BATCH).map((it) => ({
        id: it.id,
        values: Array.from(it.vector),
        metadata: { ...it.metadata, _model: model },
      }));
      await this.call('upsert', () => ns.upsert({ records }));
    }
  }

  async query(namespace: string, vector: Float32Array, q: VectorQueryOptions): Promise<VectorMatch[]> {
    // An allowlist by positions is the in-process index's shortcut; here it is a list of ids.
    const opts = q.among ? { ...q, ids: Array.from(q.among.picks, (p) => q.among!.universe[p]!) } : q;
    if (opts.ids?.length === 0) return [];
    const known = this.seen.get(namespace);
    if (opts.model && known && known.model !== opts.model) throw new VectorModelMismatchError(namespace, known.model, opts.model);
    const parts: MetadataFilter[] = [];
    if (opts.model) parts.push({ _model: { $eq: opts.model } });
    if (opts.filter) parts.push(opts.filter);
    const allow = opts.ids ? new Set(opts.ids) : undefined;
    if (opts.ids && opts.ids.length <= MAX_ID_FILTER) parts.push({ talentId: { $in: opts.ids } });
    const filter = parts.length === 0 ? undefined : parts.length === 1 ? parts[0] : { $and: parts };
    const topK = Math.min(MAX_TOP_K, Math.max(1, Math.floor(opts.topK)));
    const res = await this.call('query', () =>
      this.index.namespace(namespace).query({
        vector: Array.from(vector),
        topK,
        includeMetadata: true,
        includeValues: false,
        ...(filter ? { filter } : {}),
      }),
    );
    const out: VectorMatch[] = [];
    for (const m of res.matches) {
      if (typeof m.score !== 'number') continue;
      if (allow && !allow.has(m.id)) continue;
      if (opts.model && m.metadata && m.metadata._model !== undefined && m.metadata._model !== opts.model) continue;
      out.push({ id: m.id, score: m.score });
    }
    return out;
  }

  async delete(namespace: string, ids: string[]): Promise<void> {
    const ns = this.index.namespace(namespace);
    for (let i = 0; i < ids.length; i += DELETE_BATCH) {
      const batch = ids.slice(i, i + DELETE_BATCH);
      await this.call('delete', () => ns.deleteMany({ ids: batch }));
    }
  }

  private remember(namespace: string, model: string, dims: number): void {
    const known = this.seen.get(namespace);
    if (known && known.model !== model) throw new VectorModelMismatchError(namespace, known.model, model);
    if (known && known.dims !== dims)
      throw new VectorIndexError(`vectors of ${model} have ${dims} dimensions; ${namespace} holds ${known.dims}`);
    this.seen.set(namespace, { model, dims });
  }

  /** Runs one client call, turning its errors into VectorIndexError (the message carries no key). */
  private async call<T>(what: string, fn: () => Promise<T>): Promise<T> {
    try {
      return await fn();
    } catch (err) {
      throw new VectorIndexError(`Pinecone ${what} failed: ${(err as Error).message}`, { cause: err });
    }
  }
}
