/**
 * A remote embedder (Pinecone's hosted inference) behind a breaker, embeddings retried with
 * backoff. Vectors of two models are never comparable (a query embedded by another model finds
 * nonsense, and stored vectors would be labelled with the wrong model), so the fallback serves a
 * call only when it makes the same model's vectors (same id and dimensions: a second endpoint, a
 * cache). With any other fallback, or none, a failing embed throws EmbedderUnavailableError, which
 * says what to do, rather than quietly mixing models.
 */
import type { Embedder } from '../embeddings/embedder.js';
import { embedQueries, type QueryAwareEmbedder } from '../embeddings/query-embedding.js';
import { announceFallback, guardedRead, portBreaker, type Guarded, type PortBreakerOptions } from './guard.js';
import { isOutage } from './outage.js';
import { CastMatchError } from '../../errors/castmatch-error.js';

export const EMBEDDER_DEGRADED_NOTE = 'The embedding service was unavailable: used the local copy of the same model';

/** The embedding service is down and no compatible fallback exists. */
export class EmbedderUnavailableError extends CastMatchError<'embedder_unavailable'> {
  constructor(
    readonly model: string,
    options?: { cause?: unknown },
  ) {
    super(
      'embedder_unavailable',
      `The embedding service for ${model} is unavailable right now, so this search or import could not run. Nothing was changed; try again in a few minutes.`,
      { ...options, audience: 'user' },
    );
  }
}

/** True when `b`'s vectors can stand in for `a`'s. */
export function compatibleEmbedders(a: Embedder, b: Embedder): boolean {
  return a.model === b.model && a.dimensions === b.dimensions;
}

export function breakerEmbedder(
  primary: Embedder,
  fallback: Embedder | undefined,
  opts: PortBreakerOptions = {},
): QueryAwareEmbedder & Guarded {
  const breaker = portBreaker('embeddings', { timeoutMs: 5_000, ...opts });
  const stand = fallback && compatibleEmbedders(primary, fallback) ? fallback : undefined;
  if (fallback && !stand) {
    opts.log?.info({ primary: primary.model, fallback: fallback.model }, "embedding fallback not used: it makes another model's vectors");
  }
  const budgetMs = 2 * (opts.timeoutMs ?? 5_000);

  const run = async (texts: string[], call: (e: Embedder) => Promise<Float32Array[]>): Promise<Float32Array[]> => {
    if (texts.length === 0) return [];
    try {
      return await guardedRead(breaker, () => call(primary), { budgetMs, ...opts.retry });
    } catch (err) {
      if (!isOutage(err)) throw err;
      if (!stand) throw new EmbedderUnavailableError(primary.model, { cause: err });
      announceFallback(opts, breaker, err, EMBEDDER_DEGRADED_NOTE);
      return call(stand);
    }
  };

  return {
    model: primary.model,
    dimensions: primary.dimensions,
    breaker,
    embed: (texts: string[]) => run(texts, (e) => e.embed(texts)),
    embedQueries: (texts: string[]) => run(texts, (e) => embedQueries(e, texts)),
  };
}
