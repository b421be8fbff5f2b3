/** What the talent functions need, whether called from a skill, the CLI or a benchmark. */
import type { Logger } from 'pino';
import type { Store } from '../../memory/store.js';
import type { Embedder } from '../../integrations/embeddings/embedder.js';
import type { VectorIndex } from '../../integrations/vectors/vector-index.js';
import type { LanguageModel } from '../../integrations/llm/language-model.js';

export interface TalentDeps {
  store: Store;
  /** The embedder, or a loader for it: the default model is only loaded when a query has free text. */
  embedder: Embedder | (() => Promise<Embedder>);
  vectors: VectorIndex;
  log: Logger;
  /** Claude, when configured: query understanding goes through it first. */
  llm?: LanguageModel;
}
