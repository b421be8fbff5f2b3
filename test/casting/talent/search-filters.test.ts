/**
 * Each filter kind, end to end on the sample roster (query text → understood filters → ranking),
 * checked against the raw CSV read independently: every hit satisfies the filter, and nobody who
 * satisfies it is missing.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { HashedEmbedder } from '../../../src/integrations/embeddings/hashed-embedder.js';
import { MemoryVectorIndex } from '../../../src/integrations/vectors/memory-index.js';
import { talentMetadata } from '../../../src/casting/talent/metadata.js';
import { embeddingText } from '../../../src/casting/talent/import/content-hash.js';
import { understandQuery } from '../../../src/casting/talent/query/index.js';
import { rankTalent } from '../../../src/casting/talent/rank/hybrid-ranker.js';
import { SAMPLE_ROSTER, silentLog } from './helpers.js';
import { sampleProfiles, sampleRoster } from './roster-fixture.js';

type Row = Record<string, string>;
const rows: Row[] = parse(readFileSync(SAMPLE_ROSTER), { columns: true, bom: true });
const list = (s: string) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);
const langs = (r: Row) =>
  list(r.languages!).map((x) => {
    const m = x.match(/^(.*) \((.*)\)$/)!;
    return { language: m[1]!, fluency: m[2]! };
  });
const overlaps = (r: Row, lo: number, hi: number) => Number(r.playing_age_min) <= hi && Number(r.playing_age_max) >= lo;
const LEVELS = ['basic', 'conversational', 'fluent', 'native'];

const embedder = new HashedEmbedder(256);
const vectors = new MemoryVectorIndex();
const roster = sampleRoster('t', embedder.model);

beforeAll(async () => {
  const ps = sampleProfiles();
  const vs = await embedder.embed(ps.map(embeddingText));
  await vectors.upsert(
    't',
    ps.map((p, i) => ({ id: p.id, vector: vs[i]!, metadata: talentMetadata(p) })),
    embedder.model,
  );
});

async function search(query: string) {
  const q = await understandQuery(query, roster.vocabulary, { log: silentLog });
  const out = await rankTalent({ embedder, vectors, log: silentLog }, { roster, filters: q.filters, freeText: q.freeText, limit: 1000 });
  return { q, ids: out.hits.map((h) => h.id).sort(), hits: out.hits };
}

const expected = (pred: (r: Row) => boolean) =>
  rows
    .filter(pred)
    .map((r) => r.id!)
    .sort();

test.each<[string, (r: Row) => boolean]>([
  ['women', (r) => r.gender === 'female'],
  ['non-binary performers', (r) => r.gender === 'non-binary'],
  ['someone in her 30s', (r) => r.gender === 'female' && overlaps(r, 30, 39)],
  ['60+', (r) => overlaps(r, 60, 120)],
  ['between 25 and 35', (r) => overlaps(r, 25, 35)],
  ['speaks fluent Tamil', (r) => langs(r).some((l) => l.language === 'Tamil' && LEVELS.indexOf(l.fluency) >= 2)],
  ['at least conversational Spanish', (r) => langs(r).some((l) => l.language === 'Spanish' && LEVELS.indexOf(l.fluency) >= 1)],
  ['native Bengali speaker', (r) => langs(r).some((l) => l.language === 'Bengali' && l.fluency === 'native')],
  ['rides horses', (r) => list(r.skills!).includes('horse riding')],
  ['sings', (r) => list(r.skills!).some((s) => s.startsWith('singing'))],
  ['baritone', (r) => list(r.skills!).includes('singing (baritone)')],
  ['based in Chennai', (r) => r.location === 'Chennai, India'],
  ['anyone in Canada', (r) => r.location!.endsWith(', Canada')],
  ['SAG-AFTRA', (r) => r.union === 'SAG-AFTRA'],
  ['non-union', (r) => r.union === 'non-union'],
  ['Scottish accent', (r) => list(r.accents!).includes('Scottish')],
  ['South Asian woman', (r) => r.ethnicity === 'South Asian' && r.gender === 'female'],
  [
    'Tamil-speaking woman who rides horses',
    (r) =>
      r.gender === 'female' &&
      list(r.skills!).includes('horse riding') &&
      langs(r).some((l) => l.language === 'Tamil' && LEVELS.indexOf(l.fluency) >= 2),
  ],
  [
    'Tamil-speaking woman in her 30s who rides horses, based in Chennai',
    (r) =>
      r.gender === 'female' &&
      overlaps(r, 30, 39) &&
      r.location === 'Chennai, India' &&
      list(r.skills!).includes('horse riding') &&
      langs(r).some((l) => l.language === 'Tamil' && LEVELS.indexOf(l.fluency) >= 2),
  ],
])('"%s" returns exactly the people who qualify', async (query, pred) => {
  const want = expected(pred);
  const { ids } = await search(query);
  expect(ids).toEqual(want);
});

test('the filters are not vacuous on this roster', () => {
  // Guards the table above: each checked filter must select some people and leave others out.
  for (const pred of [
    (r: Row) => list(r.skills!).includes('horse riding'),
    (r: Row) => r.location === 'Chennai, India',
    (r: Row) => r.union === 'SAG-AFTRA',
  ]) {
    const n = expected(pred).length;
    expect(n).toBeGreaterThan(0);
    expect(n).toBeLessThan(rows.length);
  }
});

test('ethnicity is not used unless asked: a language request keeps people of every ethnicity', async () => {
  const { q, ids } = await search('speaks fluent Hindi');
  expect(q.filters.ethnicity).toBeUndefined();
  const ethnicities = new Set(rows.filter((r) => ids.includes(r.id!)).map((r) => r.ethnicity));
  expect(ethnicities.size).toBeGreaterThan(1);
});

test('combined filters intersect', async () => {
  const { ids } = await search('male SAG-AFTRA member who speaks Spanish');
  expect(ids).toEqual(
    expected(
      (r) =>
        r.gender === 'male' && r.union === 'SAG-AFTRA' && langs(r).some((l) => l.language === 'Spanish' && LEVELS.indexOf(l.fluency) >= 2),
    ),
  );
});
