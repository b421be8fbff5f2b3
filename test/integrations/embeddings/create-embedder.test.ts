import { createEmbedder, EmbedderConfigError, HashedEmbedder, UseEmbedder } from '../../../src/integrations/embeddings/index.js';
import { PineconeEmbedder } from '../../../src/integrations/embeddings/pinecone-embedder.js';

test('picks the embedder from the model id', async () => {
  expect(await createEmbedder()).toBeInstanceOf(UseEmbedder);
  expect((await createEmbedder({ EMBEDDING_MODEL: 'use-lite-512' })).model).toBe('use-lite-512');
  const hashed = await createEmbedder({ EMBEDDING_MODEL: 'hashed-64' });
  expect(hashed).toBeInstanceOf(HashedEmbedder);
  expect(hashed.dimensions).toBe(64);
  const pc = await createEmbedder({
    EMBEDDING_MODEL: 'pinecone:llama-text-embed-v2',
    PINECONE_API_KEY: 'k',
    PINECONE_CONTROLLER_URL: 'http://127.0.0.1:9',
  });
  expect(pc).toBeInstanceOf(PineconeEmbedder);
  expect(pc.model).toBe('pinecone:llama-text-embed-v2');
});

test('names the variable to fix when it cannot', async () => {
  await expect(createEmbedder({ EMBEDDING_MODEL: 'pinecone:multilingual-e5-large' })).rejects.toThrow(/needs PINECONE_API_KEY/);
  await expect(createEmbedder({ EMBEDDING_MODEL: 'word2vec' })).rejects.toThrow(EmbedderConfigError);
});
