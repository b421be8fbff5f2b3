/**
 * Pinecone's hosted inference (`pc.inference.embed`) through the real `@pinecone-database/pinecone`
 * 8.x client. Profiles are embedded as passages, search queries as queries. Used when the
 * configured embedding model is `pinecone:<model>` and PINECONE_API_KEY is set.
 */
import { Pinecone } from '@pinecone-database/pinecone';
import type { QueryAwareEmbedder } from './query-embedding.js';
import { CastMatchError } from '../../errors/castmatch-error.js';

/** Dimensions of Pinecone's hosted dense models at their defaults. */
export const PINECONE_MODEL_DIMENSIONS: Record<string, number> = {
  'multilingual-e5-large': 1024,
  'llama-text-embed-v2': 1024,
};

export interface PineconeEmbedderOptions {
  apiKey: string;
  /** Pinecone's hosted model name, e.g. `multilingual-e5-large`. */
  model: string;
  /** Needed for models not in PINECONE_MODEL_DIMENSIONS. */
  dimensions?: number;
  /** The control-plane URL (tests point it at a local fake). */
  controllerHostUrl?: string;
  /** Inputs per request: Pinecone caps e5-large at 96. */
  batchSize?: number;
  maxRetries?: number;
  /** An already configured client, shared with the vector index. */
  client?: Pinecone;
}

export class PineconeEmbedderError extends CastMatchError<'pinecone_embedder_failed'> {
  constructor(message: string, options?: { cause?: unknown }) {
    super('pinecone_embedder_failed', message, options);
  }
}

export class PineconeEmbedder implements QueryAwareEmbedder {
  readonly model: string;
  readonly dimensions: number;
  private readonly client: Pinecone;
  private readonly batchSize: number;

  constructor(private readonly opts: PineconeEmbedderOptions) {
    const dims = opts.dimensions ?? PINECONE_MODEL_DIMENSIONS[opts.model];
    if (!dims) throw new PineconeEmbedderError(`Unknown dimensions for Pinecone model ${opts.model}: pass them explicitly`);
    this.dimensions = dims;
    this.model = `pinecone:${opts.model}`;
    this.batchSize = opts.batchSize ?? 96;
    this.client =
      opts.client ??
      new Pinecone({
        apiKey: opts.apiKey,
        ...(opts.controllerHostUrl ? { controllerHostUrl: opts.controllerHostUrl } : {}),
        maxRetries: opts.maxRetries ?? 2,
      });
  }

  embed(texts: string[]): Promise<Float32Array[]> {
    return this.run(texts, 'passage');
  }

  embedQueries(texts: string[]): Promise<Float32Array[]> {
    return this.run(texts, 'query');
  }

  private async run(texts: string[], inputType: 'passage' | 'query'): Promise<Float32Array[]> {
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      const inputs = texts.slice(i, i + this.batchSize).map((t) => (t.trim() ? t : ' '));
      let response;
      try {
        response = await this.client.inference.embed({ model: this.opts.model, inputs, parameters: { inputType, truncate: 'END' } });
      } catch (err) {
        throw new PineconeEmbedderError(`Pinecone embedding failed: ${(err as Error).message}`, { cause: err });
      }
      if (response.data.length !== inputs.length) {
        throw new PineconeEmbedderError(`Pinecone returned ${response.data.length} embeddings for ${inputs.length} inputs`);
      }
      for (const e of response.data) {
        if (e.vectorType !== 'dense' || e.values.length !== this.dimensions) {
          throw new PineconeEmbedderError(
            `Pinecone returned a ${e.vectorType} embedding of unexpected size; expected ${this.dimensions} dense values`,
          );
        }
        out.push(Float32Array.from(e.values));
      }
    }
    return out;
  }
}
