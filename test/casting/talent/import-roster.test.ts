import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createTestStore } from '../../helpers/store.js';
import { ROSTER as SAMPLE_ROSTER } from '../../helpers/fixtures.js';
import type { Store } from '../../../src/memory/store.js';
import { importRoster } from '../../../src/casting/talent/import/import-roster.js';
import { HashedEmbedder } from '../../../src/integrations/embeddings/hashed-embedder.js';
import { MemoryVectorIndex } from '../../../src/integrations/vectors/memory-index.js';
import { talentVectorLoader } from '../../../src/casting/talent/vector-loader.js';
import { VectorModelMismatchError } from '../../../src/integrations/vectors/vector-index.js';
import type { Embedder } from '../../../src/integrations/embeddings/embedder.js';
import { FIXTURES, csv, sampleBytes, silentLog } from './helpers.js';

/** Counts the texts it is asked to embed. */
class CountingEmbedder implements Embedder {
  embedded: string[] = [];
  private readonly inner: HashedEmbedder;
  constructor(dims = 256) {
    this.inner = new HashedEmbedder(dims);
  }
  get model() {
    return this.inner.model;
  }
  get dimensions() {
    return this.inner.dimensions;
  }
  async embed(texts: string[]) {
    this.embedded.push(...texts);
    return this.inner.embed(texts);
  }
}

let store: Store;
let TENANT = '';
let n = 0;

// One database for the file (PGlite takes seconds to start); each test gets its own tenant.
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(async () => {
  await store?.close();
});
beforeEach(() => {
  TENANT = `local:studio${++n}`;
});

function deps(embedder: Embedder = new CountingEmbedder(), vectors = new MemoryVectorIndex(talentVectorLoader(store))) {
  return { store, embedder, vectors, log: silentLog };
}

test('the sample roster imports every person with a vector of the configured model', async () => {
  const d = deps();
  const r = await importRoster(d, TENANT, sampleBytes(), 'sample-roster.csv');
  expect(r).toEqual({ inserted: 400, updated: 0, unchanged: 0, rejected: [] });
  expect(await store.talent.count(TENANT)).toBe(400);
  const rec = await store.talent.get(TENANT, 'T00017');
  expect(rec?.model).toBe('hashed-256');
  expect(rec?.vector).toHaveLength(256);
  expect(rec?.profile.contact.email).toMatch(/@example\.com$/);
  // Tenants never see each other's roster.
  expect(await store.talent.count('local:other')).toBe(0);
});

test('a re-import changes only what changed and embeds only those people', async () => {
  const embedder = new CountingEmbedder();
  await importRoster(deps(embedder), TENANT, sampleBytes(), 'sample-roster.csv');
  embedder.embedded = [];

  const same = await importRoster(deps(embedder), TENANT, sampleBytes(), 'sample-roster.csv');
  expect(same).toEqual({ inserted: 0, updated: 0, unchanged: 400, rejected: [] });
  expect(embedder.embedded).toHaveLength(0);

  const text =
    readFileSync(SAMPLE_ROSTER, 'utf8')
      .replace('T00002,Grace Chen,female,she/her,71,75', 'T00002,Grace Chen,female,she/her,68,75')
      .replace(
        'often cast as a villain, quietly menacing. She is trained at RADA. Special skills include yoga',
        'often cast as a villain, icily menacing. She is trained at RADA. Special skills include yoga',
      )
      .trimEnd() + '\nT99999,New Person,female,she/her,30,35,,,,,,,,,,,,,,\n';
  const changed = await importRoster(deps(embedder), TENANT, new Uint8Array(Buffer.from(text)), 'sample-roster.csv');
  expect(changed).toEqual({ inserted: 1, updated: 2, unchanged: 398, rejected: [] });
  expect(embedder.embedded).toHaveLength(3);
  expect((await store.talent.get(TENANT, 'T00002'))?.profile.playingAgeMin).toBe(68);
  expect((await store.talent.get(TENANT, 'T00016'))?.profile.bio).toContain('icily menacing');
});

test('a messy file (BOM, CRLF, aliases, blank lines, a bad age, a duplicate id) imports the good rows and reports the rest', async () => {
  const r = await importRoster(deps(), TENANT, new Uint8Array(readFileSync(path.join(FIXTURES, 'messy-roster.csv'))), 'messy-roster.csv');
  expect(r.inserted).toBe(2);
  expect(r.rejected).toEqual([
    { row: 4, column: 'Talent ID', reason: 'id X002 appears on rows 4, 6: keep one' },
    { row: 5, column: 'Playing Age Min', reason: '"twenty" is not a whole number' },
    { row: 6, column: 'Talent ID', reason: 'id X002 appears on rows 4, 6: keep one' },
  ]);
  const meera = (await store.talent.get(TENANT, 'X001'))!.profile;
  expect(meera).toMatchObject({
    gender: 'female',
    location: 'Chennai, India',
    skills: ['horse riding', 'kathak'],
    extra: { Instagram: '@meera' },
  });
  expect((await store.talent.get(TENANT, 'X004'))!.profile.gender).toBe('non-binary');
});

test('a JSON roster imports', async () => {
  const r = await importRoster(deps(), TENANT, new Uint8Array(readFileSync(path.join(FIXTURES, 'roster.json'))), 'roster.json');
  expect(r).toEqual({ inserted: 2, updated: 0, unchanged: 0, rejected: [] });
  expect((await store.talent.get(TENANT, 'J002'))!.profile.skills).toEqual(['guitar', 'horse riding']);
});

test('a file that fails as a whole writes nothing, not even vectors', async () => {
  const vectors = new MemoryVectorIndex(talentVectorLoader(store));
  const embedder = new CountingEmbedder();
  const r = await importRoster(
    deps(embedder, vectors),
    TENANT,
    new Uint8Array(
      Buffer.from(
        csv([
          ['name', 'gender'],
          ['Ana', 'female'],
        ]),
      ),
    ),
    'no-ids.csv',
  );
  expect(r.fatal).toMatch(/no-ids\.csv: no id column/);
  expect(r.inserted + r.updated).toBe(0);
  expect(await store.talent.count(TENANT)).toBe(0);
  expect(embedder.embedded).toHaveLength(0);
  expect(await vectors.query(TENANT, new Float32Array(256).fill(1), { topK: 5 })).toEqual([]);
});

test('when embedding fails nothing is stored', async () => {
  const failing: Embedder = {
    model: 'hashed-256',
    dimensions: 256,
    embed: async () => {
      throw new Error('model crashed');
    },
  };
  await expect(importRoster(deps(failing), TENANT, sampleBytes(), 'sample-roster.csv')).rejects.toThrow('model crashed');
  expect(await store.talent.count(TENANT)).toBe(0);
});

test('the in-process index is rebuilt from the stored vectors after a restart', async () => {
  const embedder = new HashedEmbedder(256);
  await importRoster(deps(embedder), TENANT, sampleBytes(), 'sample-roster.csv');
  const restarted = new MemoryVectorIndex(talentVectorLoader(store));
  const rec = (await store.talent.get(TENANT, 'T00123'))!;
  const [top] = await restarted.query(TENANT, rec.vector!, { topK: 1, model: embedder.model });
  expect(top?.id).toBe('T00123');
  expect(top?.score).toBeCloseTo(1, 5);
});

test('switching embedding models re-embeds everyone; the old model is then refused', async () => {
  const vectors = new MemoryVectorIndex(talentVectorLoader(store));
  await importRoster(deps(new HashedEmbedder(256), vectors), TENANT, sampleBytes(), 'sample-roster.csv');
  // A file with only one person, imported under another model: everyone must move to the new model.
  const one = csv([
    ['id', 'name'],
    ['T00001', 'Nandini Williams'],
  ]);
  const r = await importRoster(deps(new HashedEmbedder(128), vectors), TENANT, new Uint8Array(Buffer.from(one)), 'one.csv');
  expect(r).toMatchObject({ updated: 1, reembedded: 399 });
  const models = new Set((await store.talent.list(TENANT)).map((x) => x.model));
  expect([...models]).toEqual(['hashed-128']);
  await expect(vectors.query(TENANT, new Float32Array(256), { topK: 3, model: 'hashed-256' })).rejects.toBeInstanceOf(
    VectorModelMismatchError,
  );
  const fresh = new MemoryVectorIndex(talentVectorLoader(store));
  expect(await fresh.query(TENANT, new HashedEmbedder(128).embedOne('villain'), { topK: 3, model: 'hashed-128' })).toHaveLength(3);
});
