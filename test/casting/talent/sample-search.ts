/**
 * `searchTalent` over the sample roster as the skill and the CLI call it, without a database: the
 * roster comes from a store that only lists the parsed sample, and meaning from the hashed
 * embedder (fast and deterministic; the real model's ranking is semantic-use.test.ts's subject).
 */
import { HashedEmbedder } from '../../../src/integrations/embeddings/hashed-embedder.js';
import { MemoryVectorIndex } from '../../../src/integrations/vectors/memory-index.js';
import { talentMetadata } from '../../../src/casting/talent/metadata.js';
import { embeddingText } from '../../../src/casting/talent/import/content-hash.js';
import { searchTalent, type TalentSearchResult } from '../../../src/casting/talent/search.js';
import type { TalentDeps } from '../../../src/casting/talent/deps.js';
import type { Store } from '../../../src/memory/store.js';
import { silentLog } from './helpers.js';
import { sampleProfiles } from './roster-fixture.js';

export type SampleSearch = (query: string, limit?: number) => Promise<TalentSearchResult>;

export async function sampleSearch(tenant: string): Promise<SampleSearch> {
  const embedder = new HashedEmbedder(256);
  const vectors = new MemoryVectorIndex();
  const profiles = sampleProfiles();
  const vs = await embedder.embed(profiles.map(embeddingText));
  await vectors.upsert(
    tenant,
    profiles.map((p, i) => ({ id: p.id, vector: vs[i]!, metadata: talentMetadata(p) })),
    embedder.model,
  );
  const store = { talent: { list: async () => profiles.map((profile) => ({ profile, model: embedder.model })) } } as unknown as Store;
  const deps: TalentDeps = { store, embedder, vectors, log: silentLog };
  return (query, limit = 5) => searchTalent(deps, tenant, query, { limit });
}
