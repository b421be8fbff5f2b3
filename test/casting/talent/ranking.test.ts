import { HashedEmbedder } from '../../../src/integrations/embeddings/hashed-embedder.js';
import { MemoryVectorIndex } from '../../../src/integrations/vectors/memory-index.js';
import { talentMetadata } from '../../../src/casting/talent/metadata.js';
import { VectorIndexError, type VectorIndex } from '../../../src/integrations/vectors/vector-index.js';
import { embeddingText } from '../../../src/casting/talent/import/content-hash.js';
import { understandQuery } from '../../../src/casting/talent/query/index.js';
import { rankTalent, type RankDeps } from '../../../src/casting/talent/rank/hybrid-ranker.js';
import { playingRange } from '../../../src/casting/talent/rank/filters.js';
import { silentLog } from './helpers.js';
import { sampleProfiles, sampleRoster } from './roster-fixture.js';

const embedder = new HashedEmbedder(256);
const vectors = new MemoryVectorIndex();
const roster = sampleRoster('t', embedder.model);
const deps: RankDeps = { embedder, vectors, log: silentLog };

beforeAll(async () => {
  const ps = sampleProfiles();
  const vs = await embedder.embed(ps.map(embeddingText));
  await vectors.upsert(
    't',
    ps.map((p, i) => ({ id: p.id, vector: vs[i]!, metadata: talentMetadata(p) })),
    embedder.model,
  );
});

async function search(query: string, limit = 10, d: RankDeps = deps) {
  const q = await understandQuery(query, roster.vocabulary, { log: silentLog });
  return rankTalent(d, { roster, filters: q.filters, freeText: q.freeText, limit });
}

test('with no free text, people whose playing range centres on the asked age come first', async () => {
  const out = await search('man in his forties', 400);
  expect(out.hits.length).toBeGreaterThan(10);
  const distance = (id: string) => {
    const r = playingRange(roster.byId.get(id)!)!;
    return Math.abs((r[0] + r[1]) / 2 - 44.5);
  };
  const firstFive = out.hits.slice(0, 5).map((h) => distance(h.id));
  const lastFive = out.hits.slice(-5).map((h) => distance(h.id));
  expect(Math.max(...firstFive)).toBeLessThan(Math.min(...lastFive));
  // Ranked by fit alone: the other parts are zero and the order follows the fit.
  for (const h of out.hits) {
    expect(h.parts.semantic).toBe(0);
    expect(h.parts.keyword).toBe(0);
    expect(h.score).toBe(h.parts.fit);
  }
  expect(out.hits.map((h) => h.score)).toEqual([...out.hits.map((h) => h.score)].sort((a, b) => b - a));
});

test('native speakers rank above merely fluent ones for a language request', async () => {
  const out = await search('fluent Hindi speaker', 100);
  const level = (id: string) => roster.byId.get(id)!.languages.find((l) => l.language === 'Hindi')!.fluency;
  const levels = out.hits.map((h) => level(h.id));
  expect(levels).toContain('fluent');
  expect(levels.lastIndexOf('native')).toBeLessThan(levels.indexOf('fluent'));
});

test('free text finds the bios that say it, and says so in the reasons', async () => {
  const out = await search('village elder', 5);
  for (const h of out.hits) {
    expect(roster.byId.get(h.id)!.bio).toContain('village elder');
    expect(h.reasons).toContain("bio: 'village elder'");
    expect(h.parts.keyword).toBeGreaterThan(0);
  }
});

test('every hit carries its score parts and reasons for each filter it met', async () => {
  const out = await search('Tamil-speaking woman who rides horses', 5);
  expect(out.hits.length).toBeGreaterThan(0);
  for (const h of out.hits) {
    expect(h.reasons.some((r) => /^speaks Tamil \((native|fluent)\)$/.test(r))).toBe(true);
    expect(h.reasons).toContain('horse riding');
    expect(Object.keys(h.parts).sort()).toEqual(['fit', 'keyword', 'semantic']);
  }
  const aged = await search('in her 30s', 3);
  for (const h of aged.hits) {
    const [lo, hi] = playingRange(roster.byId.get(h.id)!)!;
    expect(h.reasons).toContain(lo === hi ? `plays ${lo}` : `plays ${lo}–${hi}`);
  }
});

test('hits never carry contact details', async () => {
  const out = await search('villain', 50);
  const json = JSON.stringify(out.hits);
  expect(json).not.toMatch(/@example\.com/);
  for (const p of sampleProfiles().slice(0, 50)) if (p.contact.phone) expect(json).not.toContain(p.contact.phone);
  for (const h of out.hits) expect(Object.keys(h).sort()).toEqual(['id', 'name', 'parts', 'reasons', 'score']);
});

test('excluded people never appear', async () => {
  const first = await search('villain', 3);
  const exclude = new Set(first.hits.map((h) => h.id));
  const q = await understandQuery('villain', roster.vocabulary, { log: silentLog });
  const again = await rankTalent(deps, { roster, filters: q.filters, freeText: q.freeText, limit: 3, exclude });
  expect(again.hits.some((h) => exclude.has(h.id))).toBe(false);
  expect(again.hits).toHaveLength(3);
});

test('when the vector index fails, search still answers by keywords and says so', async () => {
  const broken: VectorIndex = {
    kind: 'memory',
    upsert: async () => {},
    delete: async () => {},
    query: async () => {
      throw new VectorIndexError('down');
    },
  };
  const out = await search('village elder', 5, { ...deps, vectors: broken });
  expect(out.hits).toHaveLength(5);
  expect(out.hits.every((h) => roster.byId.get(h.id)!.bio!.includes('village elder'))).toBe(true);
  expect(out.notes.join(' ')).toMatch(/keywords only/);
});

test('a roster embedded with another model is not compared with this one', async () => {
  const other = sampleRoster('t', 'use-lite-512');
  const q = await understandQuery('village elder', other.vocabulary, { log: silentLog });
  const out = await rankTalent(deps, { roster: other, filters: q.filters, freeText: q.freeText, limit: 3 });
  expect(out.hits.every((h) => h.parts.semantic === 0)).toBe(true);
  expect(out.notes.join(' ')).toMatch(/another model.*Re-import/);
});

test('searches running at once answer as they would one after another', async () => {
  const queries = [
    'man in his forties with a beard',
    'Tamil-speaking woman in her 30s',
    'villain with a shaved head',
    'singer who rides horses',
  ];
  const before = await search('woman', 400);
  const alone = [];
  for (const q of queries) alone.push(await search(q, 8));
  const together = await Promise.all(queries.map((q) => search(q, 8)));
  expect(together).toEqual(alone);
  // Working arrays reused by those searches leave nothing behind for the next one.
  expect(await search('woman', 400)).toEqual(before);
});
