import { PineconeVectorIndex } from '../../../src/integrations/vectors/pinecone-index.js';
import { VectorIndexError, VectorModelMismatchError } from '../../../src/integrations/vectors/vector-index.js';
import { startFakePinecone, type FakePinecone } from './fake-pinecone.js';

let fake: FakePinecone;
let index: PineconeVectorIndex;

beforeEach(async () => {
  fake = await startFakePinecone({ apiKey: 'pc-key' });
  index = new PineconeVectorIndex({ apiKey: 'pc-key', indexHost: fake.url, maxRetries: 0 });
});
afterEach(async () => {
  await fake?.close();
});

const v = (...xs: number[]) => Float32Array.from(xs);

test('upserts go to the tenant namespace with metadata and the model, as option objects', async () => {
  await index.upsert(
    'slack:T1',
    [
      { id: 'a', vector: v(1, 0, 0), metadata: { talentId: 'a', gender: 'female', skills: ['horse riding'] } },
      { id: 'b', vector: v(0, 1, 0), metadata: { talentId: 'b', gender: 'male' } },
    ],
    'use-lite-512',
  );
  const [req] = fake.requests;
  expect(req).toMatchObject({ method: 'POST', path: '/vectors/upsert', apiKey: 'pc-key', apiVersion: expect.any(String) });
  expect(req!.body).toEqual({
    namespace: 'slack:T1',
    vectors: [
      { id: 'a', values: [1, 0, 0], metadata: { talentId: 'a', gender: 'female', skills: ['horse riding'], _model: 'use-lite-512' } },
      { id: 'b', values: [0, 1, 0], metadata: { talentId: 'b', gender: 'male', _model: 'use-lite-512' } },
    ],
  });
  expect([...fake.namespaces.get('slack:T1')!.keys()]).toEqual(['a', 'b']);
});

test('queries filter by metadata in Pinecone and by model; namespaces stay apart', async () => {
  await index.upsert(
    't1',
    [
      { id: 'a', vector: v(1, 0.1, 0), metadata: { talentId: 'a', gender: 'female', ageMin: 28, ageMax: 36 } },
      { id: 'b', vector: v(1, 0, 0), metadata: { talentId: 'b', gender: 'male', ageMin: 30, ageMax: 40 } },
      { id: 'c', vector: v(0.9, 0.5, 0), metadata: { talentId: 'c', gender: 'female', ageMin: 50, ageMax: 60 } },
    ],
    'm1',
  );
  await index.upsert('t2', [{ id: 'z', vector: v(1, 0, 0), metadata: { talentId: 'z', gender: 'female' } }], 'm1');

  const hits = await index.query('t1', v(1, 0, 0), {
    topK: 5,
    model: 'm1',
    filter: { $and: [{ gender: { $eq: 'female' } }, { ageMin: { $lte: 39 } }] },
  });
  expect(hits.map((h) => h.id)).toEqual(['a']);
  expect(hits[0]!.score).toBeGreaterThan(0.99);
  const q = fake.requests.at(-1)!;
  expect(q.path).toBe('/query');
  expect(q.body).toMatchObject({
    namespace: 't1',
    topK: 5,
    includeMetadata: true,
    vector: [1, 0, 0],
    filter: { $and: [{ _model: { $eq: 'm1' } }, { $and: [{ gender: { $eq: 'female' } }, { ageMin: { $lte: 39 } }] }] },
  });
  expect((await index.query('t2', v(1, 0, 0), { topK: 5 })).map((h) => h.id)).toEqual(['z']);
});

test('an id allowlist becomes a talentId filter', async () => {
  await index.upsert(
    't1',
    ['a', 'b', 'c'].map((id, i) => ({ id, vector: v(1, i, 0), metadata: { talentId: id } })),
    'm1',
  );
  const hits = await index.query('t1', v(1, 0, 0), { topK: 3, ids: ['b', 'c'] });
  expect(hits.map((h) => h.id).sort()).toEqual(['b', 'c']);
  expect(fake.requests.at(-1)!.body.filter).toEqual({ talentId: { $in: ['b', 'c'] } });
});

test('deleteMany sends the ids (the option-object form that really deletes)', async () => {
  await index.upsert(
    't1',
    [
      { id: 'a', vector: v(1, 0), metadata: {} },
      { id: 'b', vector: v(0, 1), metadata: {} },
    ],
    'm1',
  );
  await index.delete('t1', ['a']);
  expect(fake.requests.at(-1)).toMatchObject({ path: '/vectors/delete', body: { ids: ['a'], namespace: 't1' } });
  expect([...fake.namespaces.get('t1')!.keys()]).toEqual(['b']);
});

test('large upserts are sent in batches Pinecone accepts', async () => {
  const items = Array.from({ length: 250 }, (_, i) => ({ id: `p${i}`, vector: v(i, 1), metadata: { talentId: `p${i}` } }));
  await index.upsert('t1', items, 'm1');
  expect(fake.requests.map((r) => r.body.vectors.length)).toEqual([100, 100, 50]);
  expect(fake.namespaces.get('t1')!.size).toBe(250);
});

test('refuses to mix models in a namespace', async () => {
  await index.upsert('t1', [{ id: 'a', vector: v(1, 0), metadata: {} }], 'use-lite-512');
  await expect(index.upsert('t1', [{ id: 'b', vector: v(1, 0), metadata: {} }], 'hashed-256')).rejects.toBeInstanceOf(
    VectorModelMismatchError,
  );
  await expect(index.query('t1', v(1, 0), { topK: 1, model: 'hashed-256' })).rejects.toThrow(/re-import the roster/);
});

test('Pinecone errors become a VectorIndexError that does not leak the key', async () => {
  const wrong = new PineconeVectorIndex({ apiKey: 'not-the-key', indexHost: fake.url, maxRetries: 0 });
  const err = await wrong.query('t1', v(1, 0), { topK: 1 }).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(VectorIndexError);
  expect((err as Error).message).toMatch(/Pinecone query failed/);
  expect((err as Error).message).not.toContain('not-the-key');
  fake.failNext(500);
  await expect(index.upsert('t1', [{ id: 'a', vector: v(1, 0), metadata: {} }], 'm1')).rejects.toBeInstanceOf(VectorIndexError);
});
