/**
 * Puts a breaker in front of every port that reaches outside this machine, leaving the embedded
 * ones (in-process index, database calendar, local embedders) as they are: they have nothing to
 * time out on. Called once by the composition root on the services createServices built.
 */
import type { Logger } from 'pino';
import type { Services } from '../services.js';
import type { Embedder } from '../embeddings/embedder.js';
import type { VectorIndex } from '../vectors/vector-index.js';
import type { CalendarPort } from '../calendar/calendar.js';
import type { BreakerRegistry } from './breaker.js';
import type { PortBreakerOptions } from './guard.js';
import { breakerLanguageModel } from './language-model.js';
import { breakerVectorIndex } from './vector-index.js';
import { breakerEmbedder } from './embedder.js';
import { breakerCalendar } from './calendar.js';

export type BreakerName = 'anthropic' | 'pinecone' | 'embeddings' | 'google-calendar';

export interface ResilienceOptions {
  breakers: BreakerRegistry;
  log: Logger;
  /** The embedded defaults the remote ports fall back to. */
  fallbacks?: { vectors?: VectorIndex; calendar?: CalendarPort; embedder?: Embedder };
  /** Per-breaker settings (timeouts, thresholds, retry); tests shorten them. */
  tuning?: Partial<Record<BreakerName, Omit<PortBreakerOptions, 'registry' | 'log' | 'name'>>>;
}

/** Embedders whose model runs elsewhere (`pinecone:<model>`); the others run in this process. */
const isRemoteEmbedder = (e: Embedder) => e.model.startsWith('pinecone:');

export function resilientServices(services: Services, opts: ResilienceOptions): Services {
  const { breakers, log, fallbacks = {}, tuning = {} } = opts;
  const common = (name: BreakerName) => ({ registry: breakers, log, ...tuning[name] });
  breakers.subscribe((b, event) => {
    if (event === 'open')
      log.warn({ breaker: b.name, lastError: b.snapshot().lastFailure?.message }, 'circuit opened: calls fail fast and use fallbacks');
    else if (event === 'close') log.info({ breaker: b.name }, 'circuit closed: service answering again');
  });

  const { config } = services;
  const llm =
    services.llm && breakerLanguageModel(services.llm, { timeoutMs: config.ANTHROPIC_TIMEOUT_MS + 1_000, ...common('anthropic') });
  const vectors =
    services.vectors.kind === 'pinecone' ? breakerVectorIndex(services.vectors, fallbacks.vectors, common('pinecone')) : services.vectors;
  const primaryCalendar = services.calendar;
  const calendar =
    primaryCalendar.kind === 'google'
      ? breakerCalendar(primaryCalendar, fallbacks.calendar, {
          // One minute of the team calendar's free/busy: cheap, idempotent, proves Google answers.
          probe: () => primaryCalendar.freeBusy([config.GOOGLE_CALENDAR_ID], new Date(), new Date(Date.now() + 60_000)),
          ...common('google-calendar'),
        })
      : primaryCalendar;

  let embedder: Promise<Embedder> | undefined;
  const loadEmbedder = async (): Promise<Embedder> => {
    const e = await services.embedder();
    if (!isRemoteEmbedder(e)) return e;
    return breakerEmbedder(e, fallbacks.embedder, { probe: () => e.embed(['health probe']), ...common('embeddings') });
  };

  return {
    ...services,
    ...(llm ? { llm } : {}),
    vectors,
    calendar,
    embedder: () => {
      if (!embedder) {
        const loading = loadEmbedder();
        // A failed load (model files, credentials) must not stick: the next call tries again.
        loading.catch(() => {
          if (embedder === loading) embedder = undefined;
        });
        embedder = loading;
      }
      return embedder;
    },
  };
}
