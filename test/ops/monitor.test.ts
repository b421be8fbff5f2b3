/**
 * The health monitor driven by a fake clock: one alert per incident after its threshold, one
 * recovery message, no repeats, incident state kept in the store across a restart, and the
 * Claude breaker (real SDK against a local fake that fails, then recovers) seen as a dependency.
 */
import { SWEEP_JOB } from '../../src/ops/store-sweep.js';
import { pino } from 'pino';
import { Writable } from 'node:stream';
import { createTestStore } from '../helpers/store.js';
import { startFakeAnthropic, type Decision } from '../fakes/anthropic.js';
import type { Store } from '../../src/memory/store.js';
import { Outbox } from '../../src/bot/outbox.js';
import type { ChatAdapter } from '../../src/bot/adapters/adapter.js';
import type { Scheduler } from '../../src/scheduler/scheduler.js';
import { AnthropicModel } from '../../src/integrations/llm/anthropic-model.js';
import { BreakerRegistry, breakerLanguageModel } from '../../src/integrations/resilience/index.js';
import {
  installOps,
  createTelemetry,
  HEALTH_JOB,
  HEALTH_JOB_KEY,
  type AlertSettings,
  type OpsApp,
  type InstallOpsOptions,
} from '../../src/ops/index.js';
import { renderText } from '../../src/bot/render/text.js';
import { FakeScheduler, FixedResources, RecordingPoster, helpBot, say, silent, sleep } from './support.js';

const T0 = Date.parse('2026-03-02T10:00:00Z');
const at = (minutes: number) => new Date(T0 + minutes * 60_000);

let store: Store;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.close());
afterEach(async () => {
  for (const field of Object.keys(await store.channels.all('ops'))) await store.channels.delete('ops', field);
});

function fakeSlack(): ChatAdapter & { up: boolean } {
  return {
    name: 'slack',
    routes: [],
    poster: new RecordingPoster('slack'),
    up: true,
    start: async () => undefined,
    stop: async () => undefined,
    async check() {
      return this.up ? { ok: true } : { ok: false, detail: 'auth.test: invalid_auth' };
    },
  };
}

function setup(
  opts: {
    channel?: string;
    log?: OpsApp['log'];
    breakers?: BreakerRegistry;
    ops?: InstallOpsOptions;
    settings?: Partial<AlertSettings>;
  } = {},
) {
  const poster = new RecordingPoster('slack');
  const outbox = new Outbox(silent);
  outbox.register(poster);
  const slack = fakeSlack();
  const scheduler = new FakeScheduler();
  const resources = new FixedResources();
  const app: OpsApp = {
    config: { OPS_CHANNEL: opts.channel ?? 'slack:T1:C-ops', HEALTH_INTERVAL: '1 minute', MEMORY_LIMIT_MB: 1024, ...opts.settings },
    log: opts.log ?? silent,
    db: { store },
    scheduler: scheduler as unknown as Scheduler,
    outbox,
    adapters: [slack],
    ...(opts.breakers ? { breakers: opts.breakers } : {}),
  };
  const ops = installOps(app, { resources, ...opts.ops });
  return { ops, poster, slack, scheduler, resources };
}

test('a dependency down five minutes gets one alert in the ops channel, then one recovery message', async () => {
  const { ops, poster, slack } = setup();
  slack.up = false;
  for (const m of [0, 1, 4]) expect((await ops.monitor.tick(at(m))).alerted).toEqual([]);
  expect(poster.posts).toHaveLength(0);

  expect((await ops.monitor.tick(at(5))).alerted).toEqual(['dependency:slack']);
  for (const m of [6, 7, 20]) await ops.monitor.tick(at(m));
  expect(poster.posts).toHaveLength(1);
  expect(poster.posts[0]!.address).toMatchObject({ platform: 'slack', workspace: 'T1', channel: 'C-ops' });
  const alert = renderText(poster.posts[0]!.reply);
  expect(alert).toContain('CastMatch alert: slack is down');
  expect(alert).toContain('invalid_auth');
  expect(alert).toContain('2026-03-02T10:00:00.000Z (5 min)');

  slack.up = true;
  expect((await ops.monitor.tick(at(21))).recovered).toEqual(['dependency:slack']);
  for (const m of [22, 30]) await ops.monitor.tick(at(m));
  expect(poster.texts()).toHaveLength(2);
  expect(poster.texts()[1]).toMatch(/^RECOVERED slack is back after 21 min/);
});

test('a blip shorter than the threshold alerts nobody, and the next outage starts its own clock', async () => {
  const { ops, poster, slack } = setup();
  slack.up = false;
  await ops.monitor.tick(at(0));
  await ops.monitor.tick(at(3));
  slack.up = true;
  await ops.monitor.tick(at(4));
  slack.up = false;
  await ops.monitor.tick(at(6));
  expect((await ops.monitor.tick(at(10))).alerted).toEqual([]);
  expect((await ops.monitor.tick(at(11))).alerted).toEqual(['dependency:slack']);
  expect(poster.posts).toHaveLength(1);
});

test('a restart neither alerts again nor forgets to post the recovery', async () => {
  const first = setup();
  first.slack.up = false;
  await first.ops.monitor.tick(at(0));
  await first.ops.monitor.tick(at(5));
  expect(first.poster.posts).toHaveLength(1);

  // A new process (or the other replica) on the same database.
  const second = setup();
  second.slack.up = false;
  await second.ops.monitor.tick(at(6));
  await second.ops.monitor.tick(at(30));
  expect(second.poster.posts).toHaveLength(0);
  second.slack.up = true;
  expect((await second.ops.monitor.tick(at(31))).recovered).toEqual(['dependency:slack']);
  expect(second.poster.texts()[0]).toMatch(/^RECOVERED slack is back after 31 min/);
});

test('high memory alerts at once; slow replies and errors only with enough replies in the window', async () => {
  let now = T0;
  const telemetry = createTelemetry({ now: () => now, defaultMetrics: false });
  const { ops, poster, resources } = setup({ ops: { telemetry, thresholds: { minSamples: 20 } } });

  resources.set(900);
  expect((await ops.monitor.tick(at(0))).alerted).toEqual(['memory']);
  expect(poster.texts()[0]).toMatch(/memory use is high: resident memory 900 MB of the 1024 MB limit \(87.9 %/);
  resources.set(500);
  expect((await ops.monitor.tick(at(1))).recovered).toEqual(['memory']);

  // 19 slow, failing replies: not enough to judge.
  for (let i = 0; i < 19; i++) telemetry.turnFinished({ skill: 'search-talent', ok: i % 5 !== 0, ms: 3_000, platform: 'slack' });
  expect((await ops.monitor.tick(at(2))).alerted).toEqual([]);
  telemetry.turnFinished({ skill: 'search-talent', ok: true, ms: 3_000, platform: 'slack' });
  expect((await ops.monitor.tick(at(2))).alerted.sort()).toEqual(['errors', 'latency']);
  expect(poster.texts().slice(2).join('\n')).toMatch(/replies are slow: reply p95 3000 ms.*\n.*many replies fail: 4 of 20 replies failed/);

  // The window empties: too little data says nothing, so neither incident is declared over.
  now = at(10).getTime();
  const quiet = await ops.monitor.tick(at(10));
  expect(quiet.recovered).toEqual([]);
  // Fast, good replies again: both recover, once.
  for (let i = 0; i < 20; i++) telemetry.turnFinished({ skill: 'help', ok: true, ms: 40, platform: 'slack' });
  expect((await ops.monitor.tick(at(11))).recovered.sort()).toEqual(['errors', 'latency']);
  await ops.monitor.tick(at(12));
  expect(poster.posts).toHaveLength(6);
});

test('configured ALERT_* thresholds replace the defaults', async () => {
  const telemetry = createTelemetry({ now: () => T0, defaultMetrics: false });
  const { ops, poster, slack, resources } = setup({
    ops: { telemetry },
    settings: {
      ALERT_DEPENDENCY_DOWN_MINUTES: 2,
      ALERT_MEMORY_PERCENT: 50,
      ALERT_REPLY_P95_MS: 500,
      ALERT_ERROR_RATE_PERCENT: 50,
      ALERT_MIN_REPLIES: 3,
    },
  });
  expect(ops.monitor.thresholds).toEqual({ dependencyDownMs: 120_000, memoryRatio: 0.5, replyP95Ms: 500, errorRate: 0.5, minSamples: 3 });
  slack.up = false;
  resources.set(600);
  for (let i = 0; i < 3; i++) telemetry.turnFinished({ skill: 'help', ok: i > 0, ms: 800, platform: 'slack' });
  await ops.monitor.tick(at(0));
  expect((await ops.monitor.tick(at(2))).alerted).toEqual(['dependency:slack']);
  // One failure in three is 33 %: under the configured 50 %.
  expect(poster.texts().map((t) => t.split(':')[0])).toEqual(['ALERT memory use is high', 'ALERT replies are slow', 'ALERT slack is down']);
});

test('an alert that cannot be posted is tried again on the next tick, and posted once', async () => {
  const { ops, poster, slack } = setup();
  slack.up = false;
  poster.failing = true;
  await ops.monitor.tick(at(0));
  expect((await ops.monitor.tick(at(5))).alerted).toEqual([]);
  poster.failing = false;
  expect((await ops.monitor.tick(at(6))).alerted).toEqual(['dependency:slack']);
  await ops.monitor.tick(at(7));
  expect(poster.posts).toHaveLength(1);
  expect(renderText(poster.posts[0]!.reply)).toContain('(6 min)');
});

test('an invalid OPS_CHANNEL is reported at start, and alerts then go to the log', async () => {
  const lines: string[] = [];
  const log = pino(
    { level: 'info' },
    new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    }),
  );
  const { ops, poster, resources } = setup({ channel: 'nonsense', log });
  expect(lines.join('')).toContain('OPS_CHANNEL must look like platform:workspace:channel');
  resources.set(1000);
  await ops.monitor.tick(at(0));
  expect(poster.posts).toHaveLength(0);
  const alert = lines.map((l) => JSON.parse(l) as { msg: string; text?: string }).find((l) => l.msg === 'ops alert');
  expect(alert?.text).toContain('memory use is high');
});

test('the jobs are defined and scheduled under their keys; /cast status shows the same picture', async () => {
  const { ops, scheduler, slack, resources } = setup();
  expect([...scheduler.jobs.keys()]).toEqual([HEALTH_JOB, SWEEP_JOB]);
  await ops.start();
  await ops.stop();
  expect(scheduler.recurring).toEqual([
    { interval: '1 minute', name: HEALTH_JOB, key: HEALTH_JOB_KEY },
    { interval: '1 hour', name: SWEEP_JOB, key: SWEEP_JOB },
  ]);

  slack.up = false;
  resources.set(300);
  const text = renderText(await ops.status());
  expect(text).toContain('CastMatch status');
  expect(text).toMatch(/Working, degraded: slack unavailable/);
  expect(text).toMatch(/slack\s+DOWN/);
  expect(text).toMatch(/database\s+up/);
  expect(text).toContain('Memory: 300 MB of 1024 MB (29 %)');
  expect(text).toContain('Alerts go to slack:T1:C-ops.');

  // The Agenda job runs the same tick.
  await scheduler.jobs.get(HEALTH_JOB)!({ key: HEALTH_JOB_KEY });
  expect(ops.monitor.openIncidents().map((i) => i.rule)).toEqual(['dependency:slack']);
});

test('Claude failing opens its breaker: ready stays true, one alert after five minutes, one recovery once Claude answers', async () => {
  let decision: Decision = { status: 529 };
  const fake = await startFakeAnthropic(() => decision);
  const breakers = new BreakerRegistry();
  try {
    const llm = breakerLanguageModel(
      new AnthropicModel({ apiKey: 'sk-test', model: 'claude-test', baseURL: fake.url, timeoutMs: 2_000, maxRetries: 0 }),
      { registry: breakers, volumeThreshold: 2, resetMs: 1_500 },
    );
    const bot = helpBot({ store, llm });
    const { ops, poster } = setup({ breakers });
    for (let i = 0; i < 2; i++) expect(await say(bot, 'what can you do?')).toHaveLength(1);

    const readiness = await ops.readiness();
    expect(readiness.ready).toBe(true);
    expect(readiness.checks.anthropic).toMatchObject({ ok: false, detail: expect.stringMatching(/circuit open since .*overloaded/) });

    await ops.monitor.tick(at(0));
    expect((await ops.monitor.tick(at(5))).alerted).toEqual(['dependency:anthropic']);
    expect(poster.texts()[0]).toContain('anthropic is down');

    decision = { tool: 'help', input: {} };
    await sleep(1_550);
    await ops.monitor.tick(at(6)); // half-open, nobody has asked yet: still down, nothing posted
    expect(poster.posts).toHaveLength(1);
    await say(bot, 'what can you do?');
    expect((await ops.monitor.tick(at(7))).recovered).toEqual(['dependency:anthropic']);
    await ops.monitor.tick(at(8));
    expect(poster.texts()).toHaveLength(2);
    expect(poster.texts()[1]).toMatch(/^RECOVERED anthropic is back/);
  } finally {
    breakers.shutdown();
    await fake.close();
  }
});
