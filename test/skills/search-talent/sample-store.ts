/** A test store with the sample roster imported, its vectors from the hashed embedder. */
import { createTestStore } from '../../helpers/store.js';
import type { Store } from '../../../src/memory/store.js';
import { HashedEmbedder } from '../../../src/integrations/embeddings/hashed-embedder.js';
import { MemoryVectorIndex } from '../../../src/integrations/vectors/memory-index.js';
import { talentVectorLoader } from '../../../src/casting/talent/vector-loader.js';
import { importRoster } from '../../../src/casting/talent/import/import-roster.js';
import { sampleBytes, silentLog } from '../../casting/talent/helpers.js';

export interface SampleStore {
  store: Store;
  vectors: MemoryVectorIndex;
  embedder: HashedEmbedder;
}

export async function sampleStore(tenant: string): Promise<SampleStore> {
  const store = await createTestStore();
  const embedder = new HashedEmbedder(256);
  const vectors = new MemoryVectorIndex(talentVectorLoader(store));
  await importRoster({ store, embedder, vectors, log: silentLog }, tenant, sampleBytes(), 'sample-roster.csv');
  return { store, vectors, embedder };
}
