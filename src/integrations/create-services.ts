/**
 * Builds the ports skills use from configuration: the real client where credentials are set, the
 * embedded default otherwise. Tests pass overrides (a hashed embedder, a fake clock's calendar).
 */
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Store } from '../memory/store.js';
import type { Scheduler } from '../scheduler/scheduler.js';
import type { Services } from './services.js';
import { AnthropicModel } from './llm/anthropic-model.js';

export function createServices(config: Config, deps: { store: Store; scheduler: Scheduler; log: Logger }, overrides: Partial<Services> = {}): Services {
  const llm = config.ANTHROPIC_API_KEY
    ? new AnthropicModel({
      apiKey: config.ANTHROPIC_API_KEY, model: config.ANTHROPIC_MODEL, timeoutMs: config.ANTHROPIC_TIMEOUT_MS,
      ...(config.ANTHROPIC_BASE_URL ? { baseURL: config.ANTHROPIC_BASE_URL } : {}),
    })
    : undefined;
  const notInstalled = (what: string) => () => { throw new Error(`${what} is not installed yet`); };
  return {
    config,
    ...(llm ? { llm } : {}),
    embedder: async () => notInstalled('embeddings')(),
    vectors: { kind: 'memory', upsert: notInstalled('vectors'), query: notInstalled('vectors'), delete: notInstalled('vectors') },
    calendar: { kind: 'local', freeBusy: notInstalled('calendar'), create: notInstalled('calendar'), update: notInstalled('calendar'), delete: notInstalled('calendar') },
    scheduler: deps.scheduler,
    ...overrides,
  };
}
