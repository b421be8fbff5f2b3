/**
 * Picks the embedder from configuration. Model ids: `use-lite-512` (default, Universal Sentence
 * Encoder lite, loaded lazily), `hashed-<dims>` (deterministic, for tests and benchmarks) and
 * `pinecone:<hosted model>` (needs PINECONE_API_KEY).
 */
import type { Embedder } from './embedder.js';
import { HashedEmbedder } from './hashed-embedder.js';
import { sharedUseEmbedder, USE_MODEL_ID } from './use-embedder.js';
import { CastMatchError } from '../../errors/castmatch-error.js';

export type { Embedder } from './embedder.js';
export { HashedEmbedder } from './hashed-embedder.js';
export { UseEmbedder } from './use-embedder.js';

export const DEFAULT_EMBEDDING_MODEL = USE_MODEL_ID;

export interface EmbedderConfig {
  /** `use-lite-512` (default), `hashed-256`, `pinecone:multilingual-e5-large`… */
  EMBEDDING_MODEL?: string;
  PINECONE_API_KEY?: string;
  PINECONE_CONTROLLER_URL?: string;
}

export class EmbedderConfigError extends CastMatchError<'embedder_config_invalid'> {
  constructor(message: string) {
    super('embedder_config_invalid', message);
  }
}

/**
 * Builds the configured embedder; throws EmbedderConfigError naming what to set when it cannot.
 * Pinecone's client is loaded only when a Pinecone model is configured.
 */
export async function createEmbedder(config: EmbedderConfig = {}): Promise<Embedder> {
  const id = (config.EMBEDDING_MODEL ?? DEFAULT_EMBEDDING_MODEL).trim();
  if (id === USE_MODEL_ID || id === 'use') return sharedUseEmbedder();
  const hashed = id.match(/^hashed-(\d+)$/);
  if (hashed) return new HashedEmbedder(Number(hashed[1]));
  if (id.startsWith('pinecone:')) {
    if (!config.PINECONE_API_KEY) throw new EmbedderConfigError(`EMBEDDING_MODEL=${id} needs PINECONE_API_KEY`);
    const { PineconeEmbedder } = await import('./pinecone-embedder.js');
    return new PineconeEmbedder({
      apiKey: config.PINECONE_API_KEY,
      model: id.slice('pinecone:'.length),
      ...(config.PINECONE_CONTROLLER_URL ? { controllerHostUrl: config.PINECONE_CONTROLLER_URL } : {}),
    });
  }
  throw new EmbedderConfigError(`EMBEDDING_MODEL: unknown model "${id}"; use ${USE_MODEL_ID}, hashed-<dimensions> or pinecone:<model>`);
}
