/**
 * Meaning, with the real default model (Universal Sentence Encoder lite). Embedding is tens of ms
 * per profile here, so this file embeds a slice of the sample roster once: every bio that mentions
 * a villain or a shaved head, plus thirty others.
 */
import { UseEmbedder } from '../../../src/integrations/embeddings/use-embedder.js';
import { MemoryVectorIndex } from '../../../src/integrations/vectors/memory-index.js';
import { talentMetadata } from '../../../src/casting/talent/metadata.js';
import { embeddingText } from '../../../src/casting/talent/import/content-hash.js';
import { buildRoster } from '../../../src/casting/talent/roster-cache.js';
import { understandQuery } from '../../../src/casting/talent/query/index.js';
import { rankTalent } from '../../../src/casting/talent/rank/hybrid-ranker.js';
import { silentLog } from './helpers.js';
import { sampleProfiles } from './roster-fixture.js';

const all = sampleProfiles();
const marked = (bio = '') => /villain|shaved head/.test(bio);
const slice = [...all.filter((p) => marked(p.bio)), ...all.filter((p) => !marked(p.bio)).slice(0, 30)];
const embedder = new UseEmbedder();
const vectors = new MemoryVectorIndex();
const roster = buildRoster('t', slice, embedder.model);

beforeAll(async () => {
  const vs = await embedder.embed(slice.map(embeddingText));
  await vectors.upsert(
    't',
    slice.map((p, i) => ({ id: p.id, vector: vs[i]!, metadata: talentMetadata(p) })),
    embedder.model,
  );
}, 60_000);

async function search(query: string, limit = 5) {
  const q = await understandQuery(query, roster.vocabulary, { log: silentLog });
  return (await rankTalent({ embedder, vectors, log: silentLog }, { roster, filters: q.filters, freeText: q.freeText, limit })).hits;
}
const bio = (id: string) => roster.byId.get(id)!.bio!;

test('a request sharing no word with the bios still finds the villains, by meaning alone', async () => {
  const hits = await search('an antagonist who frightens people');
  expect(hits).toHaveLength(5);
  for (const h of hits) {
    expect(h.parts.keyword).toBe(0);
    expect(bio(h.id)).toContain('villain');
  }
});

test('"sinister villain type with a shaved head": the bios that match lead, the one with both near the top', async () => {
  const hits = await search('sinister villain type with a shaved head', 5);
  for (const h of hits) expect(marked(bio(h.id))).toBe(true);
  const both = slice.filter((p) => p.bio!.includes('villain') && p.bio!.includes('shaved head')).map((p) => p.id);
  expect(both.length).toBeGreaterThan(0);
  expect(hits.slice(0, 3).map((h) => h.id)).toEqual(expect.arrayContaining(both));
  expect(hits.find((h) => both.includes(h.id))!.reasons).toEqual(expect.arrayContaining(["bio: 'shaved head'", "bio: 'villain'"]));
});

test('meaning and filters together: only men, ranked by how villainous they read', async () => {
  const hits = await search('evil man', 5);
  for (const h of hits) expect(roster.byId.get(h.id)!.gender).toBe('male');
  expect(hits.filter((h) => bio(h.id).includes('villain')).length).toBeGreaterThanOrEqual(4);
});
