/**
 * A user searches the roster while Pinecone (the real client against a local fake) fails, hangs,
 * then recovers. Every search is answered — from the in-process index, with a "⚠" note saying so —
 * the breaker opens so later searches do not wait, the health monitor posts one alert once the
 * outage passes its threshold and one recovery message once searches reach Pinecone again.
 */
import { json, startFakeServer, type FakeServer } from '../fakes/http-fake.js';
import { createTestStore } from '../helpers/store.js';
import { visibleText } from '../helpers/app.js';
import { sampleBytes } from '../casting/talent/helpers.js';
import type { Store } from '../../src/memory/store.js';
import { Engine } from '../../src/bot/engine.js';
import { Outbox } from '../../src/bot/outbox.js';
import { loadConfig } from '../../src/config/config.js';
import type { Services } from '../../src/integrations/services.js';
import type { Scheduler } from '../../src/scheduler/scheduler.js';
import type { SkillDefinition, SkillId } from '../../src/bot/skill.js';
import { HashedEmbedder } from '../../src/integrations/embeddings/hashed-embedder.js';
import { MemoryVectorIndex } from '../../src/integrations/vectors/index.js';
import { PineconeVectorIndex } from '../../src/integrations/vectors/pinecone-index.js';
import { talentVectorLoader } from '../../src/casting/talent/vector-loader.js';
import { BreakerRegistry, breakerVectorIndex, VECTORS_DEGRADED_NOTE } from '../../src/integrations/resilience/index.js';
import { importRoster } from '../../src/casting/talent/import/import-roster.js';
import { searchTalentSkill } from '../../src/skills/search-talent/index.js';
import { installOps, type OpsInstallation } from '../../src/ops/index.js';
import { FakeScheduler, FixedResources, RecordingPoster, say, silent, sleep } from './support.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);
// Long enough that a loaded machine cannot let the breaker half-open before the test looks at it.
const RESET_MS = 1_500;
const SEARCH = { command: { name: '/cast', text: 'search weathered brooding detective with a dry wit' } };

let mode: 'ok' | 'fail' | 'hang' = 'ok';
const upserted: string[] = [];
let pinecone: FakeServer;
let store: Store;
let breakers: BreakerRegistry;
let bot: Engine;
let ops: OpsInstallation;
const poster = new RecordingPoster('slack');

beforeAll(async () => {
  pinecone = await startFakeServer((req, res) => {
    if (mode === 'hang') return;
    if (mode === 'fail') return json(res, 503, { error: { code: 'UNAVAILABLE', message: 'service unavailable' } });
    if (req.path.endsWith('/upsert')) {
      const records = (req.json as { vectors?: { id: string }[] }).vectors ?? [];
      upserted.push(...records.map((r) => r.id));
      return json(res, 200, { upsertedCount: records.length });
    }
    if (req.path === '/query')
      return json(res, 200, { matches: upserted.slice(0, 5).map((id, i) => ({ id, score: 0.9 - i / 10 })), namespace: '' });
    return json(res, 200, {});
  });
  store = await createTestStore();
  breakers = new BreakerRegistry();
  const embedder = new HashedEmbedder(256);
  const vectors = breakerVectorIndex(
    new PineconeVectorIndex({ apiKey: 'pc-test', indexHost: pinecone.url, maxRetries: 0 }),
    new MemoryVectorIndex(talentVectorLoader(store)),
    { registry: breakers, log: silent, timeoutMs: 300, resetMs: RESET_MS, volumeThreshold: 2, retry: { baseDelayMs: 5, maxDelayMs: 20 } },
  );
  await importRoster({ store, embedder, vectors, log: silent }, 'local:studio', sampleBytes(), 'sample-roster.csv');

  const services = { config: loadConfig({}), embedder: async () => embedder, vectors, calendar: {}, scheduler: {} } as unknown as Services;
  bot = new Engine({
    store,
    services,
    skills: new Map<SkillId, SkillDefinition>([['search-talent', searchTalentSkill as unknown as SkillDefinition]]),
    log: silent,
  });

  const outbox = new Outbox(silent);
  outbox.register(poster);
  ops = installOps(
    {
      config: { OPS_CHANNEL: 'slack:T1:C-ops', HEALTH_INTERVAL: '1 minute', MEMORY_LIMIT_MB: 1024 },
      log: silent,
      db: { store },
      scheduler: new FakeScheduler() as unknown as Scheduler,
      outbox,
      adapters: [],
      breakers,
    },
    { resources: new FixedResources(), readinessCacheMs: 0 },
  );
});
afterAll(async () => {
  await ops?.stop();
  breakers?.shutdown();
  await store?.close();
  await pinecone?.close();
});

async function search(): Promise<string> {
  const replies = await say(bot, '', SEARCH);
  expect(replies).toHaveLength(1);
  expect(replies[0]!.isError).toBeFalsy();
  return visibleText(replies[0]!);
}

test('Pinecone fails, hangs and recovers: searches are always answered, degraded and saying so; one alert, one recovery', async () => {
  expect(upserted.length).toBeGreaterThan(0);
  const healthy = await search();
  expect(healthy).toMatch(/\*1\. /);
  expect(healthy).not.toContain('⚠');
  expect((await ops.monitor.tick(at(0))).alerted).toEqual([]);

  // Pinecone answers 503: the search still comes, from the in-process index, and says so.
  mode = 'fail';
  const degraded = await search();
  expect(degraded).toMatch(/\*1\. /);
  expect(degraded).toContain(`⚠ ${VECTORS_DEGRADED_NOTE}`);
  expect(breakers.get('pinecone')!.state).toBe('open');

  // Open: answered without asking Pinecone at all.
  const asked = pinecone.requests.length;
  expect(await search()).toContain(`⚠ ${VECTORS_DEGRADED_NOTE}`);
  expect(pinecone.requests.length).toBe(asked);
  expect((await ops.readiness()).checks.pinecone).toMatchObject({ ok: false, detail: expect.stringMatching(/circuit open/) });
  expect((await ops.monitor.tick(at(1))).alerted).toEqual([]);

  // Half-open, and now Pinecone hangs: the trial times out, the user still gets the fallback.
  mode = 'hang';
  await sleep(RESET_MS + 50);
  const started = performance.now();
  expect(await search()).toContain(`⚠ ${VECTORS_DEGRADED_NOTE}`);
  expect(performance.now() - started).toBeLessThan(2_000);
  expect(breakers.get('pinecone')!.state).toBe('open');

  // Five minutes down: one alert, however many ticks follow.
  expect((await ops.monitor.tick(at(6))).alerted).toEqual(['dependency:pinecone']);
  await ops.monitor.tick(at(7));
  expect(poster.texts()).toHaveLength(1);
  expect(poster.texts()[0]).toMatch(/^ALERT pinecone is down/);

  // Pinecone is back: the next search after the reset reaches it, closes the breaker, no note.
  mode = 'ok';
  await sleep(RESET_MS + 50);
  const recovered = await search();
  expect(recovered).not.toContain('⚠');
  expect(breakers.get('pinecone')!.state).toBe('closed');
  expect((await ops.monitor.tick(at(8))).recovered).toEqual(['dependency:pinecone']);
  await ops.monitor.tick(at(9));
  expect(poster.texts()).toHaveLength(2);
  expect(poster.texts()[1]).toMatch(/^RECOVERED pinecone is back after 7 min/);

  const metrics = await ops.telemetry.metrics.text();
  expect(metrics).toContain('castmatch_breaker_state{breaker="pinecone",state="closed"} 1');
  expect(metrics).toMatch(/castmatch_breaker_events_total\{breaker="pinecone",event="open"\} [1-9]/);
});
