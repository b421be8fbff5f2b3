import { MemoryVectorIndex, type StoredVector } from '../../../src/integrations/vectors/memory-index.js';
import { VectorIndexError, VectorModelMismatchError } from '../../../src/integrations/vectors/vector-index.js';
import { matchesFilter } from '../../../src/integrations/vectors/metadata-filter.js';

/** Seeded pseudo-random vectors (mulberry32): the same every run. */
function rng(seed: number) {
  return () => {
    seed |= 0;
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
function randomVectors(n: number, dims: number, seed = 1): Float32Array[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => Float32Array.from({ length: dims }, () => r() * 2 - 1));
}
function bruteForce(q: Float32Array, vs: Float32Array[], k: number, keep: (i: number) => boolean = () => true) {
  const cos = (a: Float32Array, b: Float32Array) => {
    let d = 0,
      na = 0,
      nb = 0;
    for (let i = 0; i < a.length; i++) {
      d += a[i]! * b[i]!;
      na += a[i]! ** 2;
      nb += b[i]! ** 2;
    }
    return d / Math.sqrt(na * nb);
  };
  return vs
    .map((v, i) => ({ id: `v${i}`, score: cos(q, v), i }))
    .filter((x) => keep(x.i))
    .sort((a, b) => b.score - a.score)
    .slice(0, k);
}

const vectors = randomVectors(500, 32);
const meta = (i: number) => ({
  talentId: `v${i}`,
  gender: i % 2 ? 'male' : 'female',
  ageMin: 20 + (i % 40),
  ageMax: 28 + (i % 40),
  skills: i % 5 === 0 ? ['horse riding', 'singing'] : ['karate'],
});

async function filled(): Promise<MemoryVectorIndex> {
  const index = new MemoryVectorIndex();
  await index.upsert(
    't',
    vectors.map((vector, i) => ({ id: `v${i}`, vector, metadata: meta(i) })),
    'm',
  );
  return index;
}

test('returns exactly the brute-force cosine top-k', async () => {
  const index = await filled();
  for (const q of randomVectors(5, 32, 99)) {
    const got = await index.query('t', q, { topK: 10 });
    const want = bruteForce(q, vectors, 10);
    expect(got.map((g) => g.id)).toEqual(want.map((w) => w.id));
    got.forEach((g, i) => expect(g.score).toBeCloseTo(want[i]!.score, 5));
  }
});

test('the id allowlist and the metadata filter apply before similarity', async () => {
  const index = await filled();
  const [q] = randomVectors(1, 32, 7);
  const allow = new Set(['v3', 'v10', 'v15', 'v20', 'v21']);
  const byIds = await index.query('t', q!, { topK: 3, ids: [...allow, 'unknown'] });
  expect(byIds.map((h) => h.id)).toEqual(bruteForce(q!, vectors, 3, (i) => allow.has(`v${i}`)).map((w) => w.id));

  const filter = { $and: [{ gender: { $eq: 'female' } }, { skills: { $in: ['horse riding'] } }, { ageMin: { $lte: 40 } }] };
  const filtered = await index.query('t', q!, { topK: 20, filter });
  const want = bruteForce(q!, vectors, 20, (i) => matchesFilter(meta(i), filter));
  expect(filtered.map((h) => h.id)).toEqual(want.map((w) => w.id));
  expect(filtered.length).toBeGreaterThan(0);
});

test('an allowlist by positions in a reused id list matches the id allowlist, also after the index changes', async () => {
  const index = await filled();
  const [q] = randomVectors(1, 32, 11);
  // The caller's list is in its own order and holds an id the index lacks.
  const universe = ['ghost', ...vectors.map((_, i) => `v${vectors.length - 1 - i}`)];
  const picks = Int32Array.from([0, 3, 3, 40, 41, 200, 333]);
  const byPositions = () => index.query('t', q!, { topK: 4, among: { universe, picks } });
  const byIds = () => index.query('t', q!, { topK: 4, ids: [...picks].map((p) => universe[p]!) });
  expect(await byPositions()).toEqual(await byIds());
  expect((await byPositions()).length).toBe(4);

  // Removing one allowed person moves another into its slot: the position map must follow.
  const removed = universe[picks[3]!]!;
  await index.delete('t', [removed]);
  const after = await byPositions();
  expect(after.map((m) => m.id)).not.toContain(removed);
  expect(after).toEqual(await byIds());
  await index.upsert('t', [{ id: 'ghost', vector: q!, metadata: meta(0) }], 'm');
  expect((await byPositions())[0]!.id).toBe('ghost');
});

test('a roster that grows the index memory several times stays exact through growth and removals', async () => {
  const many = randomVectors(9_000, 8, 3); // the room doubles from 16 to 16384: ten growths
  const index = new MemoryVectorIndex();
  for (let i = 0; i < many.length; i += 1_000) {
    await index.upsert(
      't',
      many.slice(i, i + 1_000).map((vector, k) => ({ id: `v${i + k}`, vector, metadata: { talentId: `v${i + k}` } })),
      'm',
    );
  }
  // Remove early slots (the last vector moves into each) and a run at the end.
  const removed = new Set(['v0', 'v4095', 'v4096', ...Array.from({ length: 820 }, (_, k) => `v${8_180 + k}`)]);
  await index.delete('t', [...removed]);
  const kept = (i: number) => !removed.has(`v${i}`);
  for (const q of randomVectors(3, 8, 42)) {
    const got = await index.query('t', q, { topK: 10 });
    expect(got.map((g) => g.id)).toEqual(bruteForce(q, many, 10, kept).map((w) => w.id));
  }
  const norm = Math.hypot(...many[8_179]!);
  expect([...(await index.vectorOf('t', 'v8179'))!].map((x) => x * norm)).toEqual([...many[8_179]!].map((x) => expect.closeTo(x, 5)));
  expect(await index.vectorOf('t', 'v0')).toBeUndefined();
});

test('every dimension count is scored exactly, including the floats past the last whole group of eight', async () => {
  for (const dims of [1, 3, 4, 7, 8, 9, 15, 16, 17, 31, 256, 511, 512]) {
    const vs = randomVectors(40, dims, dims);
    const index = new MemoryVectorIndex();
    await index.upsert(
      't',
      vs.map((vector, i) => ({ id: `v${i}`, vector, metadata: {} })),
      'm',
    );
    const [q] = randomVectors(1, dims, 1000 + dims);
    const got = await index.query('t', q!, { topK: 40 });
    const want = bruteForce(q!, vs, 40);
    expect(got.map((g) => g.score)).toEqual(want.map((w) => expect.closeTo(w.score, 5)));
  }
});

test('an emptied namespace starts again with any model and dimensions', async () => {
  const index = await filled();
  await index.delete(
    't',
    vectors.map((_, i) => `v${i}`),
  );
  const wide = randomVectors(20, 300, 9);
  await index.upsert(
    't',
    wide.map((vector, i) => ({ id: `w${i}`, vector, metadata: {} })),
    'wide-model',
  );
  const got = await index.query('t', wide[3]!, { topK: 1, model: 'wide-model' });
  expect(got[0]).toEqual({ id: 'w3', score: expect.closeTo(1, 5) });
});

test('refuses vectors wider than the index holds, and keeps what it had', async () => {
  const index = await filled();
  await expect(index.upsert('t', [{ id: 'x', vector: new Float32Array(20_000), metadata: {} }], 'huge')).rejects.toThrow(
    /20000 dimensions; the in-process index holds at most 16384/,
  );
  expect((await index.query('t', vectors[7]!, { topK: 1 }))[0]!.id).toBe('v7');
});

test('a roster too big for the index memory is refused whole, with what to do instead', async () => {
  // Four pages: one for the query and 192 KiB for vectors, 4915 of 8 dimensions with their scoring room.
  const index = new MemoryVectorIndex(undefined, 4);
  const many = randomVectors(4_800, 8, 5);
  await index.upsert(
    't',
    many.map((vector, i) => ({ id: `v${i}`, vector, metadata: {} })),
    'm',
  );
  const more = randomVectors(500, 8, 6).map((vector, i) => ({ id: `w${i}`, vector, metadata: {} }));
  await expect(index.upsert('t', more, 'm')).rejects.toThrow(
    /at most 4915 vectors of 8 dimensions.*configure Pinecone for a roster of 5300/,
  );
  // Nothing of the refused batch went in; what was there still answers.
  expect(await index.vectorOf('t', 'w0')).toBeUndefined();
  const [q] = randomVectors(1, 8, 7);
  expect((await index.query('t', q!, { topK: 3 })).map((m) => m.id)).toEqual(bruteForce(q!, many, 3).map((w) => w.id));
});

test('upsert replaces, delete removes, namespaces are separate', async () => {
  const index = await filled();
  await index.upsert('t', [{ id: 'v0', vector: vectors[1]!, metadata: meta(1) }], 'm');
  const top = await index.query('t', vectors[1]!, { topK: 2 });
  expect(top.map((h) => h.id).sort()).toEqual(['v0', 'v1']);
  await index.delete('t', ['v1', 'v0']);
  expect((await index.query('t', vectors[1]!, { topK: 1 }))[0]!.id).not.toMatch(/^v[01]$/);
  expect(await index.query('other', vectors[1]!, { topK: 3 })).toEqual([]);
});

test('records the model and dimensions and refuses to mix', async () => {
  const index = await filled();
  await expect(index.upsert('t', [{ id: 'x', vector: vectors[0]!, metadata: {} }], 'other-model')).rejects.toBeInstanceOf(
    VectorModelMismatchError,
  );
  await expect(index.query('t', vectors[0]!, { topK: 1, model: 'other-model' })).rejects.toThrow(
    /holds vectors of model m but was asked to use other-model/,
  );
  await expect(index.query('t', new Float32Array(8), { topK: 1 })).rejects.toBeInstanceOf(VectorIndexError);
  await expect(index.upsert('t', [{ id: 'x', vector: new Float32Array(8), metadata: {} }], 'm')).rejects.toBeInstanceOf(VectorIndexError);
});

test('a namespace is loaded from the store on first use, once, and a failed load is retried', async () => {
  let calls = 0;
  let fail = true;
  const stored: StoredVector[] = vectors.slice(0, 50).map((vector, i) => ({ id: `v${i}`, vector, metadata: meta(i), model: 'm' }));
  const index = new MemoryVectorIndex(async () => {
    calls++;
    if (fail) {
      fail = false;
      throw new Error('database starting');
    }
    return stored;
  });
  await expect(index.query('t', vectors[3]!, { topK: 1 })).rejects.toThrow('database starting');
  const [a, b] = await Promise.all([index.query('t', vectors[3]!, { topK: 1 }), index.query('t', vectors[4]!, { topK: 1 })]);
  expect(a[0]!.id).toBe('v3');
  expect(b[0]!.id).toBe('v4');
  expect(calls).toBe(2);
});

test('stored vectors of two models are reported, not mixed', async () => {
  const index = new MemoryVectorIndex(async () => [
    { id: 'a', vector: vectors[0]!, metadata: {}, model: 'm1' },
    { id: 'b', vector: vectors[1]!, metadata: {}, model: 'm2' },
  ]);
  await expect(index.query('t', vectors[0]!, { topK: 1 })).rejects.toThrow(/several models \(m1, m2\)/);
});

describe('metadata filters', () => {
  const m = { gender: 'female', ageMin: 28, ageMax: 36, skills: ['horse riding', 'kathak'], union: 'equity' };
  test.each([
    [{ gender: 'female' }, true],
    [{ gender: { $ne: 'female' } }, false],
    [{ skills: { $in: ['kathak', 'ballet'] } }, true],
    [{ skills: { $eq: 'ballet' } }, false],
    [{ skills: { $nin: ['kathak'] } }, false],
    [{ ageMin: { $lte: 30 }, ageMax: { $gte: 35 } }, true],
    [{ ageMin: { $gt: 28 } }, false],
    [{ $or: [{ union: 'sag-aftra' }, { union: 'equity' }] }, true],
    [{ $and: [{ union: 'equity' }, { gender: 'male' }] }, false],
    [{ ethnicity: { $exists: true } }, false],
  ])('%j → %s', (filter, expected) => {
    expect(matchesFilter(m, filter as never)).toBe(expected);
  });
});
