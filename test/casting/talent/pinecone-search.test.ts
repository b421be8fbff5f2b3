/**
 * Search through Pinecone (the real client against the local fake) gives the same answers as the
 * in-process index, with the hard filters sent to Pinecone as metadata filters.
 */
import { HashedEmbedder } from '../../../src/integrations/embeddings/hashed-embedder.js';
import { MemoryVectorIndex } from '../../../src/integrations/vectors/memory-index.js';
import { PineconeVectorIndex } from '../../../src/integrations/vectors/pinecone-index.js';
import { talentMetadata } from '../../../src/casting/talent/metadata.js';
import type { VectorIndex } from '../../../src/integrations/vectors/vector-index.js';
import { embeddingText } from '../../../src/casting/talent/import/content-hash.js';
import { understandQuery } from '../../../src/casting/talent/query/index.js';
import { rankTalent } from '../../../src/casting/talent/rank/hybrid-ranker.js';
import { startFakePinecone, type FakePinecone } from '../../integrations/vectors/fake-pinecone.js';
import { silentLog } from './helpers.js';
import { sampleProfiles, sampleRoster } from './roster-fixture.js';

const embedder = new HashedEmbedder(256);
const roster = sampleRoster('slack:T1', embedder.model);
let fake: FakePinecone;
let pinecone: PineconeVectorIndex;
const memory = new MemoryVectorIndex();

beforeAll(async () => {
  fake = await startFakePinecone({ apiKey: 'pc-key' });
  pinecone = new PineconeVectorIndex({ apiKey: 'pc-key', indexHost: fake.url, maxRetries: 0 });
  const ps = sampleProfiles();
  const vs = await embedder.embed(ps.map(embeddingText));
  const items = ps.map((p, i) => ({ id: p.id, vector: vs[i]!, metadata: talentMetadata(p) }));
  await pinecone.upsert('slack:T1', items, embedder.model);
  await memory.upsert('slack:T1', items, embedder.model);
});
afterAll(async () => {
  await fake?.close();
});

async function search(vectors: VectorIndex, query: string) {
  const q = await understandQuery(query, roster.vocabulary, { log: silentLog });
  return rankTalent({ embedder, vectors, log: silentLog }, { roster, filters: q.filters, freeText: q.freeText, limit: 5 });
}

test.each([
  'shaved head villain',
  'Tamil-speaking woman who is quietly menacing',
  'man in his forties, trained at RADA',
  'SAG-AFTRA singer with a warm smile',
])('"%s": same hits as the in-process index', async (query) => {
  const viaPinecone = await search(pinecone, query);
  const inProcess = await search(memory, query);
  expect(viaPinecone.hits.length).toBeGreaterThan(0);
  expect(viaPinecone.hits).toEqual(inProcess.hits);
  expect(viaPinecone.notes).toEqual([]);
});

test('the hard filters reach Pinecone as metadata filters, in the tenant namespace', async () => {
  await search(pinecone, 'Tamil-speaking woman who is quietly menacing');
  const body = fake.requests.filter((r) => r.path === '/query').at(-1)!.body;
  expect(body.namespace).toBe('slack:T1');
  expect(JSON.stringify(body.filter)).toContain(JSON.stringify({ gender: { $eq: 'female' } }));
  expect(JSON.stringify(body.filter)).toContain(JSON.stringify({ languages: { $in: ['tamil:fluent', 'tamil:native'] } }));
  expect(JSON.stringify(body.filter)).toContain(JSON.stringify({ _model: { $eq: 'hashed-256' } }));
});
