/**
 * `/cast status`: the skill answers with the same picture the monitor reads — dependencies with
 * state and latency, memory, reply figures — and a provider that fails still gets the user an answer.
 */
import { createTestStore } from '../helpers/store.js';
import { visibleText } from '../helpers/app.js';
import type { Store } from '../../src/memory/store.js';
import { ChannelMemory } from '../../src/memory/channel-memory.js';
import { Outbox } from '../../src/bot/outbox.js';
import type { Scheduler } from '../../src/scheduler/scheduler.js';
import type { SkillContext } from '../../src/bot/skill.js';
import { BreakerRegistry } from '../../src/integrations/resilience/index.js';
import { installOps } from '../../src/ops/index.js';
import { makeStatusSkill, STATUS_SKILL_ID } from '../../src/skills/status/index.js';
import { FakeScheduler, FixedResources, silent } from './support.js';

let store: Store;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.close());

const context = (): SkillContext => ({
  message: {
    address: { platform: 'local', workspace: 'studio', channel: 'casting' },
    user: { id: 'ana' },
    text: '/cast status',
    addressed: true,
    receivedAt: new Date(),
  },
  memory: new ChannelMemory('local:studio:casting', store.channels),
  tenant: 'local:studio',
  store,
  services: {} as SkillContext['services'],
  log: silent,
  now: () => new Date(),
  progress: async () => undefined,
  propose: async () => {
    throw new Error('status never proposes');
  },
  ask: async () => {
    throw new Error('status never asks');
  },
});

test('status shows every dependency with its state and latency, memory, and where alerts go', async () => {
  const breakers = new BreakerRegistry();
  const google = breakers.create('google-calendar', { volumeThreshold: 1, resetMs: 60_000 });
  await google.run(() => Promise.reject(new Error('503 backend error'))).catch(() => undefined);
  const resources = new FixedResources();
  resources.set(412);
  const ops = installOps(
    {
      config: { OPS_CHANNEL: 'teams:tenant-1:19:ops@thread.tacv2', HEALTH_INTERVAL: '1 minute', MEMORY_LIMIT_MB: 1024 },
      log: silent,
      db: { store },
      scheduler: new FakeScheduler() as unknown as Scheduler,
      outbox: new Outbox(silent),
      adapters: [],
      breakers,
    },
    { resources },
  );
  try {
    const skill = makeStatusSkill(ops.status);
    expect(skill.id).toBe(STATUS_SKILL_ID);
    expect(skill.sideEffects).toBe(false);
    const r = await skill.run(context(), {});
    const text = visibleText(r);
    expect(r.isError).toBeFalsy();
    expect(text).toContain('Working, degraded: google-calendar unavailable (fallbacks in use)');
    expect(text).toMatch(/database \| up \| \d+ ms/);
    expect(text).toMatch(/scheduler \| up \| \d+ ms/);
    expect(text).toMatch(/google-calendar \| DOWN \| \d+ ms \| circuit open since .*503 backend error/);
    expect(text).toContain('Memory: 412 MB of 1024 MB (40 %)');
    expect(text).toContain('Replies (last 5 min): none');
    expect(text).toContain('Alerts go to teams:tenant-1:19:ops@thread.tacv2.');
  } finally {
    await ops.stop();
    breakers.shutdown();
  }
});

test('when the picture cannot be read, the user is told so, not left without an answer', async () => {
  const skill = makeStatusSkill(() => Promise.reject(new Error('connection terminated')));
  const r = await skill.run(context(), {});
  expect(r.isError).toBe(true);
  expect(visibleText(r)).toContain('I could not read my own health right now');
});
