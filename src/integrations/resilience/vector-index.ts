/**
 * Pinecone behind a breaker, with the in-process index (fed from the database, which holds every
 * vector too) as the fallback for searches. Queries are retried with backoff; writes are not, and
 * do not fall back: an upsert that only reached the in-process copy would leave Pinecone missing
 * people for good (a re-import skips unchanged rows), so a failed write fails the import, which
 * then writes nothing and can simply be repeated.
 */
import {
  VectorIndexError,
  type VectorIndex,
  type VectorMatch,
  type VectorMetadata,
  type VectorQueryOptions,
} from '../vectors/vector-index.js';
import { BreakerOpenError } from './breaker.js';
import { announceFallback, guardedRead, portBreaker, type Guarded, type PortBreakerOptions } from './guard.js';
import { isOutage } from './outage.js';

export const VECTORS_DEGRADED_NOTE = 'Pinecone unavailable: searched the in-process index instead';

/** An index that can drop its cached copy of a namespace (the in-process index reloads it from the store). */
interface Forgetful {
  forget(namespace: string): void;
}

export function breakerVectorIndex(
  primary: VectorIndex,
  fallback: VectorIndex | undefined,
  opts: PortBreakerOptions = {},
): VectorIndex & Guarded {
  const breaker = portBreaker('pinecone', { timeoutMs: 3_000, ...opts });
  const budgetMs = 2 * (opts.timeoutMs ?? 3_000);
  // After a successful write the fallback's cached copy is stale: it reloads from the store on next use.
  const refresh = (namespace: string) => (fallback as Partial<Forgetful> | undefined)?.forget?.(namespace);

  const write = async (what: string, namespace: string, fn: () => Promise<void>): Promise<void> => {
    try {
      await breaker.run(fn);
      refresh(namespace);
    } catch (err) {
      if (err instanceof BreakerOpenError) {
        throw new VectorIndexError(`Pinecone is unavailable, so the ${what} was not done; nothing was changed. Try again in a minute.`, {
          cause: err,
        });
      }
      throw err;
    }
  };

  return {
    kind: primary.kind,
    breaker,
    async query(namespace: string, vector: Float32Array, q: VectorQueryOptions): Promise<VectorMatch[]> {
      try {
        return await guardedRead(breaker, () => primary.query(namespace, vector, q), { budgetMs, ...opts.retry });
      } catch (err) {
        if (!fallback || !isOutage(err)) throw err;
        announceFallback(opts, breaker, err, VECTORS_DEGRADED_NOTE);
        return fallback.query(namespace, vector, q);
      }
    },
    upsert: (namespace: string, items: { id: string; vector: Float32Array; metadata: VectorMetadata }[], model: string) =>
      write('talent index update', namespace, () => primary.upsert(namespace, items, model)),
    delete: (namespace: string, ids: string[]) => write('talent index deletion', namespace, () => primary.delete(namespace, ids)),
  };
}
