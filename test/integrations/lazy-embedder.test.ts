/** The talent embedder loads on first use, once; a load that fails is tried again by the next query. */
import { lazyEmbedder } from '../../src/integrations/create-services.js';
import { HashedEmbedder } from '../../src/integrations/embeddings/hashed-embedder.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';

test('a failed load is not kept: the next call loads again, and a good load is shared', async () => {
  let calls = 0;
  const get = lazyEmbedder(loadConfig({}), createLogger('silent'), async () => {
    calls++;
    if (calls === 1) throw new Error('model files missing');
    return new HashedEmbedder(8);
  });
  await expect(get()).rejects.toThrow('model files missing');
  const [a, b] = await Promise.all([get(), get()]);
  expect(a).toBe(b);
  expect(a.model).toBe('hashed-8');
  expect(calls).toBe(2);
});
