import { HashedEmbedder } from '../../../src/integrations/embeddings/hashed-embedder.js';

const cos = (a: Float32Array, b: Float32Array) => a.reduce((s, x, i) => s + x * b[i]!, 0);

test('is deterministic across instances and unit length', async () => {
  const [a] = await new HashedEmbedder(128).embed(['tall actor with a deep voice']);
  const [b] = await new HashedEmbedder(128).embed(['tall actor with a deep voice']);
  expect(Array.from(a!)).toEqual(Array.from(b!));
  expect(cos(a!, a!)).toBeCloseTo(1, 5);
  expect(new HashedEmbedder(128).model).toBe('hashed-128');
  expect(a).toHaveLength(128);
});

test('texts sharing words are closer than texts that do not', async () => {
  const e = new HashedEmbedder(256);
  const [q, near, far] = await e.embed([
    'shaved head villain',
    'an actor with a shaved head, often cast as a villain',
    'warm brown eyes, romantic lead',
  ]);
  expect(cos(q!, near!)).toBeGreaterThan(cos(q!, far!) + 0.3);
  // Plurals meet their singulars.
  const [h1, h2] = await e.embed(['horses', 'horse']);
  expect(cos(h1!, h2!)).toBeCloseTo(1, 5);
});

test('empty text embeds as the zero vector', async () => {
  const [z] = await new HashedEmbedder(64).embed(['  ']);
  expect(Array.from(z!).every((x) => x === 0)).toBe(true);
});
