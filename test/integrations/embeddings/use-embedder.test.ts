import { UseEmbedder } from '../../../src/integrations/embeddings/use-embedder.js';

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

const embedder = new UseEmbedder(2);

test('Universal Sentence Encoder lite ranks by meaning', async () => {
  const [q, match, other] = await embedder.embed([
    'tall actor in his forties with a deep voice',
    '40-something male performer, baritone',
    'teenage girl gymnast',
  ]);
  expect(embedder.model).toBe('use-lite-512');
  expect(q).toHaveLength(512);
  expect(cos(q!, match!)).toBeGreaterThan(cos(q!, other!) + 0.1);
});

test('batches keep input order, empty text is allowed, and the model loads once', async () => {
  const texts = ['a villain', '', 'a romantic lead', 'a villain'];
  const vs = await embedder.embed(texts);
  expect(vs).toHaveLength(4);
  expect(cos(vs[0]!, vs[3]!)).toBeCloseTo(1, 5);
  expect(cos(vs[0]!, vs[2]!)).toBeLessThan(0.99);
  const [first, second] = await Promise.all([embedder.load(), embedder.load()]);
  expect(first).toBe(second);
  expect(await embedder.embed([])).toEqual([]);
});
