/**
 * Claude behind its breaker, end to end through the engine: the real Anthropic SDK against a local
 * fake that fails, hangs, then recovers. The user always gets an answer; while Claude is out the
 * answer says so, and once the breaker opens no request waits on Claude at all.
 */
import { startFakeAnthropic, type Decision } from '../fakes/anthropic.js';
import type { FakeServer } from '../fakes/http-fake.js';
import { createTestStore } from '../helpers/store.js';
import type { Store } from '../../src/memory/store.js';
import type { Engine } from '../../src/bot/engine.js';
import { AnthropicModel } from '../../src/integrations/llm/anthropic-model.js';
import { BreakerRegistry, breakerLanguageModel, LLM_DEGRADED_NOTE } from '../../src/integrations/resilience/index.js';
import { LlmError } from '../../src/integrations/llm/language-model.js';
import { collectNotices } from '../../src/integrations/degradation.js';
import { createTelemetry } from '../../src/ops/index.js';
import { helpBot, say, shown, sleep } from './support.js';

let fake: FakeServer;
let decision: Decision = { status: 500 };
let store: Store;
let bot: Engine;
const breakers = new BreakerRegistry();
const telemetry = createTelemetry({ defaultMetrics: false });
// Long enough that a loaded machine cannot let the breaker half-open before the test looks at it.
const RESET_MS = 1_500;

beforeAll(async () => {
  fake = await startFakeAnthropic(() => decision);
  const llm = breakerLanguageModel(
    new AnthropicModel({ apiKey: 'sk-test', model: 'claude-test', baseURL: fake.url, timeoutMs: 5_000, maxRetries: 0 }),
    { registry: breakers, timeoutMs: 300, resetMs: RESET_MS, volumeThreshold: 2 },
  );
  store = await createTestStore();
  bot = helpBot({ store, llm, observer: telemetry });
});
afterAll(async () => {
  breakers?.shutdown();
  await store?.close();
  await fake?.close();
});

test('failures open the breaker; every reply still comes, and once open no request waits on Claude', async () => {
  const anthropic = breakers.get('anthropic')!;

  // Claude answers 500: the rules route the request and the user gets the answer.
  for (let i = 0; i < 2; i++) {
    const replies = await say(bot, 'what can you do?');
    expect(replies).toHaveLength(1);
    expect(shown(replies[0]!)).toContain('CastMatch: what I can do');
  }
  expect(fake.requests).toHaveLength(2);
  expect(anthropic.state).toBe('open');

  // Open: answered without calling Claude, and quickly.
  const started = performance.now();
  const fast = await say(bot, 'what can you do?');
  expect(performance.now() - started).toBeLessThan(250);
  expect(shown(fast[0]!)).toContain('CastMatch: what I can do');
  expect(fake.requests).toHaveLength(2);

  // Half-open after the reset period; Claude now hangs: the trial times out, the reply still comes.
  decision = { hang: true };
  await sleep(RESET_MS + 50);
  expect(anthropic.state).toBe('half-open');
  const hung = await say(bot, 'what can you do?');
  expect(shown(hung[0]!)).toContain('CastMatch: what I can do');
  expect(fake.requests).toHaveLength(3);
  expect(anthropic.state).toBe('open');
  expect(anthropic.snapshot().lastFailure?.message).toMatch(/did not answer within 300 ms/);

  // Claude recovers: the next trial succeeds and the breaker closes.
  decision = { tool: 'help', input: {} };
  await sleep(RESET_MS + 50);
  const ok = await say(bot, 'what can you do?');
  expect(shown(ok[0]!)).toContain('CastMatch: what I can do');
  expect(fake.requests).toHaveLength(4);
  expect(anthropic.state).toBe('closed');

  // Every turn was counted, none as an error: degraded is not failed.
  expect(telemetry.turns.stats(Date.now())).toMatchObject({ count: 5, errors: 0 });
});

test('the port notes the degradation for the reply and throws the LlmError callers fall back on', async () => {
  const registry = new BreakerRegistry();
  const llm = breakerLanguageModel(
    new AnthropicModel({ apiKey: 'sk-test', model: 'claude-test', baseURL: fake.url, timeoutMs: 5_000, maxRetries: 0 }),
    { registry, timeoutMs: 200, resetMs: 10_000, volumeThreshold: 1 },
  );
  const req = {
    system: 'route',
    user: 'what can you do?',
    tools: [{ name: 'help', description: 'help', inputSchema: { type: 'object' } }],
  };
  try {
    decision = { hang: true };
    const timedOut = await collectNotices(() => llm.callTool(req).catch((e: unknown) => e));
    expect(timedOut.result).toBeInstanceOf(LlmError);
    expect((timedOut.result as LlmError).reason).toBe('timeout');
    expect(timedOut.notices).toEqual([LLM_DEGRADED_NOTE]);

    const before = fake.requests.length;
    const open = await collectNotices(() => llm.callTool(req).catch((e: unknown) => e));
    expect((open.result as LlmError).reason).toBe('unavailable');
    expect(open.notices).toEqual([LLM_DEGRADED_NOTE]);
    expect(fake.requests.length).toBe(before);
  } finally {
    registry.shutdown();
  }
});
