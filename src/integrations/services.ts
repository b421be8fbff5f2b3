/**
 * The outside world as skills see it: ports only, each backed by a real client when configured
 * and by an embedded default otherwise (src/integrations/README.md).
 */
import type { Embedder } from './embeddings/embedder.js';
import type { VectorIndex } from './vectors/vector-index.js';
import type { CalendarPort } from './calendar/calendar.js';
import type { LanguageModel } from './llm/language-model.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { Config } from '../config/config.js';

export interface Services {
  config: Config;
  /** Present only when ANTHROPIC_API_KEY is set. */
  llm?: LanguageModel;
  /** Loaded on first use: the default model takes a moment and hundreds of MB. */
  embedder(): Promise<Embedder>;
  vectors: VectorIndex;
  calendar: CalendarPort;
  scheduler: Scheduler;
}
