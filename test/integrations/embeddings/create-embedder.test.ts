import {
  createEmbedder,
  EmbedderConfigError,
  HashedEmbedder,
  PineconeEmbedder,
  UseEmbedder,
} from '../../../src/integrations/embeddings/index.js';

test('picks the embedder from the model id', () => {
  expect(createEmbedder()).toBeInstanceOf(UseEmbedder);
  expect(createEmbedder({ EMBEDDING_MODEL: 'use-lite-512' }).model).toBe('use-lite-512');
  const hashed = createEmbedder({ EMBEDDING_MODEL: 'hashed-64' });
  expect(hashed).toBeInstanceOf(HashedEmbedder);
  expect(hashed.dimensions).toBe(64);
  const pc = createEmbedder({
    EMBEDDING_MODEL: 'pinecone:llama-text-embed-v2',
    PINECONE_API_KEY: 'k',
    PINECONE_CONTROLLER_URL: 'http://127.0.0.1:9',
  });
  expect(pc).toBeInstanceOf(PineconeEmbedder);
  expect(pc.model).toBe('pinecone:llama-text-embed-v2');
});

test('names the variable to fix when it cannot', () => {
  expect(() => createEmbedder({ EMBEDDING_MODEL: 'pinecone:multilingual-e5-large' })).toThrow(/needs PINECONE_API_KEY/);
  expect(() => createEmbedder({ EMBEDDING_MODEL: 'word2vec' })).toThrow(EmbedderConfigError);
});
