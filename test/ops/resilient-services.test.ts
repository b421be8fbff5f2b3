/**
 * resilientServices puts a breaker in front of each port that leaves the machine (Claude, Pinecone,
 * Google Calendar) and leaves the embedded ones alone: the breakers are what /readyz, /metrics and
 * the monitor list, so a local-only installation shows no outside dependencies at all.
 */
import { createTestStore } from '../helpers/store.js';
import type { Store } from '../../src/memory/store.js';
import { loadConfig } from '../../src/config/config.js';
import type { Services } from '../../src/integrations/services.js';
import type { CalendarPort } from '../../src/integrations/calendar/calendar.js';
import type { LanguageModel } from '../../src/integrations/llm/language-model.js';
import type { Scheduler } from '../../src/scheduler/scheduler.js';
import { LocalCalendar } from '../../src/integrations/calendar/local-calendar.js';
import { HashedEmbedder } from '../../src/integrations/embeddings/hashed-embedder.js';
import { MemoryVectorIndex } from '../../src/integrations/vectors/index.js';
import { PineconeVectorIndex } from '../../src/integrations/vectors/pinecone-index.js';
import { talentVectorLoader } from '../../src/casting/talent/vector-loader.js';
import { BreakerRegistry, resilientServices } from '../../src/integrations/resilience/index.js';
import { silent } from './support.js';

let store: Store;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.close());

function base(overrides: Partial<Services> = {}): Services {
  const embedder = new HashedEmbedder(64);
  return {
    config: loadConfig({}),
    embedder: async () => embedder,
    vectors: new MemoryVectorIndex(talentVectorLoader(store)),
    calendar: new LocalCalendar({ store }),
    scheduler: {} as Scheduler,
    ...overrides,
  };
}

test('an installation with only embedded services gets no breakers: nothing outside to watch', async () => {
  const services = base();
  const breakers = new BreakerRegistry();
  const wrapped = resilientServices(services, { breakers, log: silent });
  expect(wrapped.vectors).toBe(services.vectors);
  expect(wrapped.calendar).toBe(services.calendar);
  expect((await wrapped.embedder()).model).toBe('hashed-64');
  expect(breakers.list()).toEqual([]);
  breakers.shutdown();
});

test('Claude, Pinecone and Google each get a named breaker, listed for readiness and metrics', async () => {
  const llm: LanguageModel = { model: 'claude-test', callTool: async () => null };
  const google = { ...new LocalCalendar({ store }), kind: 'google' } as unknown as CalendarPort;
  const services = base({
    llm,
    vectors: new PineconeVectorIndex({ apiKey: 'pc-test', indexHost: 'http://127.0.0.1:9', maxRetries: 0 }),
    calendar: google,
  });
  const breakers = new BreakerRegistry();
  const wrapped = resilientServices(services, {
    breakers,
    log: silent,
    fallbacks: { vectors: new MemoryVectorIndex(talentVectorLoader(store)), calendar: new LocalCalendar({ store }) },
  });
  try {
    expect(
      breakers
        .list()
        .map((b) => b.name)
        .sort(),
    ).toEqual(['anthropic', 'google-calendar', 'pinecone']);
    expect(breakers.list().every((b) => b.state === 'closed')).toBe(true);
    expect(wrapped.vectors.kind).toBe('pinecone');
    expect(wrapped.calendar.kind).toBe('google');
    expect(await wrapped.llm!.callTool({ system: 's', user: 'u', tools: [] })).toBeNull();
    expect(breakers.get('anthropic')!.snapshot().counts.success).toBe(1);
  } finally {
    breakers.shutdown();
  }
});
