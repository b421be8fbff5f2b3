/**
 * Picks the vector index: Pinecone when PINECONE_API_KEY and an index host or name are set,
 * otherwise the in-process index, fed by `load` (the casting domain's stored talent vectors).
 */
import { MemoryVectorIndex, type NamespaceLoader } from './memory-index.js';
import type { VectorIndex } from './vector-index.js';

export * from './vector-index.js';
export { MemoryVectorIndex } from './memory-index.js';

export interface VectorIndexConfig {
  PINECONE_API_KEY?: string;
  PINECONE_INDEX?: string;
  PINECONE_INDEX_HOST?: string;
  PINECONE_CONTROLLER_URL?: string;
}

/** Pinecone's client is loaded only when Pinecone is configured. */
export async function createVectorIndex(config: VectorIndexConfig, load: NamespaceLoader): Promise<VectorIndex> {
  if (config.PINECONE_API_KEY && (config.PINECONE_INDEX_HOST || config.PINECONE_INDEX)) {
    const { PineconeVectorIndex } = await import('./pinecone-index.js');
    return new PineconeVectorIndex({
      apiKey: config.PINECONE_API_KEY,
      ...(config.PINECONE_INDEX_HOST ? { indexHost: config.PINECONE_INDEX_HOST } : { indexName: config.PINECONE_INDEX! }),
      ...(config.PINECONE_CONTROLLER_URL ? { controllerHostUrl: config.PINECONE_CONTROLLER_URL } : {}),
    });
  }
  return new MemoryVectorIndex(load);
}
