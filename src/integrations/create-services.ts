/**
 * Builds the ports skills use from configuration: the real client where credentials are set, the
 * embedded default otherwise. Tests pass overrides (a hashed embedder, a fake clock's calendar).
 * A real client's library is loaded only when it is configured: most installations never need
 * some of them, and every command line start would pay for loading them all.
 */
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Store } from '../memory/store.js';
import type { NamespaceLoader } from './vectors/memory-index.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { Services } from './services.js';
import type { Embedder } from './embeddings/embedder.js';
import { createEmbedder } from './embeddings/index.js';
import { createVectorIndex } from './vectors/index.js';
import { createCalendar } from './calendar/index.js';

export async function createServices(
  config: Config,
  deps: { store: Store; scheduler: Scheduler; log: Logger; talentVectors: NamespaceLoader },
  overrides: Partial<Services> = {},
): Promise<Services> {
  const llm = config.ANTHROPIC_API_KEY
    ? new (await import('./llm/anthropic-model.js')).AnthropicModel({
        apiKey: config.ANTHROPIC_API_KEY,
        model: config.ANTHROPIC_MODEL,
        timeoutMs: config.ANTHROPIC_TIMEOUT_MS,
        ...(config.ANTHROPIC_BASE_URL ? { baseURL: config.ANTHROPIC_BASE_URL } : {}),
      })
    : undefined;
  return {
    config,
    ...(llm ? { llm } : {}),
    embedder: lazyEmbedder(config, deps.log),
    vectors: overrides.vectors ?? (await createVectorIndex(config, deps.talentVectors)),
    calendar: overrides.calendar ?? (await createCalendar(config, { store: deps.store, log: deps.log })),
    scheduler: deps.scheduler,
    ...overrides,
  };
}

/**
 * The default model takes a moment and hundreds of MB: load it on the first query that needs it,
 * once. A load that fails is not kept: the next query tries again (a missing file can be restored,
 * a configuration fixed) instead of every search failing until a restart.
 */
export function lazyEmbedder(config: Config, log: Logger, create: typeof createEmbedder = createEmbedder): () => Promise<Embedder> {
  let loading: Promise<Embedder> | undefined;
  return () => {
    loading ??= Promise.resolve().then(async () => {
      const embedder = await create(config);
      log.info({ model: embedder.model, dimensions: embedder.dimensions }, 'embedder ready');
      return embedder;
    });
    loading.catch((err: unknown) => {
      log.warn({ err: (err as Error).message }, 'embedder did not load; the next query tries again');
      loading = undefined;
    });
    return loading;
  };
}
