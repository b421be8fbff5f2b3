/**
 * Some models embed a search query differently from the passages it is compared with (Pinecone's
 * e5 and llama models take `input_type: query | passage`). Embedders that care implement
 * `embedQueries`; everything else embeds queries like any other text.
 */
import type { Embedder } from './embedder.js';

export interface QueryAwareEmbedder extends Embedder {
  embedQueries(texts: string[]): Promise<Float32Array[]>;
}

function isQueryAware(e: Embedder): e is QueryAwareEmbedder {
  return typeof (e as Partial<QueryAwareEmbedder>).embedQueries === 'function';
}

/** Embeds search queries the way the embedder's model expects them. */
export function embedQueries(embedder: Embedder, texts: string[]): Promise<Float32Array[]> {
  return isQueryAware(embedder) ? embedder.embedQueries(texts) : embedder.embed(texts);
}
