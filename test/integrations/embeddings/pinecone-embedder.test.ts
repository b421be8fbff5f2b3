import { PineconeEmbedder, PineconeEmbedderError } from '../../../src/integrations/embeddings/pinecone-embedder.js';
import { embedQueries } from '../../../src/integrations/embeddings/query-embedding.js';
import { startFakePinecone, type FakePinecone } from '../vectors/fake-pinecone.js';

let fake: FakePinecone;
beforeEach(async () => {
  fake = await startFakePinecone({ apiKey: 'pc-key' });
});
afterEach(async () => {
  await fake?.close();
});

test('embeds passages through pc.inference.embed with the hosted model', async () => {
  const e = new PineconeEmbedder({ apiKey: 'pc-key', model: 'multilingual-e5-large', controllerHostUrl: fake.url, maxRetries: 0 });
  const vs = await e.embed(['a villain with a shaved head', 'a romantic lead']);
  expect(e.model).toBe('pinecone:multilingual-e5-large');
  expect(vs.map((v) => v.length)).toEqual([1024, 1024]);
  expect(fake.requests[0]).toMatchObject({
    method: 'POST',
    path: '/embed',
    apiKey: 'pc-key',
    body: {
      model: 'multilingual-e5-large',
      inputs: [{ text: 'a villain with a shaved head' }, { text: 'a romantic lead' }],
      parameters: { input_type: 'passage', truncate: 'END' },
    },
  });
});

test('search queries are embedded as queries, in batches', async () => {
  const e = new PineconeEmbedder({
    apiKey: 'pc-key',
    model: 'multilingual-e5-large',
    controllerHostUrl: fake.url,
    batchSize: 2,
    maxRetries: 0,
  });
  const vs = await embedQueries(e, ['one', 'two', 'three']);
  expect(vs).toHaveLength(3);
  expect(fake.requests.map((r) => [r.body.inputs.length, r.body.parameters.input_type])).toEqual([
    [2, 'query'],
    [1, 'query'],
  ]);
});

test('a wrong size or a failed call is a clear error', async () => {
  const wrongDims = new PineconeEmbedder({
    apiKey: 'pc-key',
    model: 'multilingual-e5-large',
    dimensions: 384,
    controllerHostUrl: fake.url,
    maxRetries: 0,
  });
  await expect(wrongDims.embed(['x'])).rejects.toThrow(/expected 384 dense values/);
  const badKey = new PineconeEmbedder({ apiKey: 'nope', model: 'multilingual-e5-large', controllerHostUrl: fake.url, maxRetries: 0 });
  await expect(badKey.embed(['x'])).rejects.toBeInstanceOf(PineconeEmbedderError);
  expect(() => new PineconeEmbedder({ apiKey: 'k', model: 'some-new-model' })).toThrow(/pass them explicitly/);
});
