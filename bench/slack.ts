/**
 * The Slack adapter on loopback: acknowledgement latency of correctly signed `/cast` commands (200,
 * 50 at a time) through real Bolt on the bot's HTTP server, with the turns running the real engine
 * and replying to a fake Slack API; and the Block Kit rendering time of a huge reply. Slack's side,
 * the sender of the commands and the Web API the replies go to, runs in processes of its own.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import readline from 'node:readline';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/log/logger.js';
import { createSlackAdapter } from '../src/bot/adapters/slack/index.js';
import { renderMessage } from '../src/bot/adapters/slack/render.js';
import { startHttpServer } from '../src/bot/http/server.js';
import { reply } from '../src/bot/reply.js';
import { FAKE_BOT_ID, FAKE_BOT_TOKEN, FAKE_BOT_USER } from '../test/fakes/slack-api.js';
import type { FakeApiAddress } from './slack-api-process.js';
import type { LoadPlan, LoadResult } from './slack-load.js';
import { summarize, type BenchRow } from './stats.js';

const SECRET = 'bench-signing-secret';
const COMMANDS = 200;
const CONCURRENCY = 50;

const LOAD_SCRIPT = fileURLToPath(new URL('./slack-load.ts', import.meta.url));
const API_SCRIPT = fileURLToPath(new URL('./slack-api-process.ts', import.meta.url));

/** The fake Slack Web API, running in a process of its own (see slack-api-process.ts). */
interface ApiProcess extends FakeApiAddress {
  /** Calls of a Web API method so far. */
  count(method: string): Promise<number>;
  close(): Promise<void>;
}

async function startApiProcess(): Promise<ApiProcess> {
  const child = spawn(process.execPath, [...process.execArgv, API_SCRIPT], { stdio: ['pipe', 'pipe', 'inherit'] });
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`fake Slack API process exited (${code})`))),
  );
  exited.catch(() => undefined);
  const lines = readline.createInterface({ input: child.stdout })[Symbol.asyncIterator]();
  const nextLine = async () => {
    const line = await Promise.race([lines.next(), exited]);
    if (line.done) throw new Error('fake Slack API process closed its output');
    return line.value;
  };
  const address = JSON.parse(await nextLine()) as FakeApiAddress;
  return {
    ...address,
    count: async (method) => {
      child.stdin.write(`${method}\n`);
      return Number(await nextLine());
    },
    close: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.stdin.end();
      }),
  };
}

/** Sends the plan's commands from a separate process (as Slack would, from elsewhere); resolves with the ack times. */
function runLoadProcess(plan: LoadPlan): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...process.execArgv, LOAD_SCRIPT, JSON.stringify(plan)], (err, stdout, stderr) => {
      if (!err) process.stderr.write(stderr);
      if (err) reject(new Error(`load generator failed: ${stderr || err.message}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '{}') as LoadResult);
    });
  });
}

async function ackLatency(): Promise<{ samples: number[]; answered: number; allDoneMs: number }> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'castmatch-bench-slack-'));
  const api = await startApiProcess();
  const log = createLogger('silent');
  const app = await createApp({ config: loadConfig({ CASTMATCH_DATA_DIR: dataDir }), log });
  const adapter = createSlackAdapter({
    config: { ...app.config, SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: api.apiUrl },
    handler: app.engine,
    store: app.db.store,
    log,
    botId: FAKE_BOT_ID,
    botUserId: FAKE_BOT_USER,
    retryConfig: { retries: 0 },
  });
  const server = await startHttpServer(adapter.routes, { port: 0, host: '127.0.0.1', log });
  const plan = { url: server.url('/slack/commands'), secret: SECRET, responseUrl: api.responseUrl, concurrency: CONCURRENCY };
  // Warm-up: the code paths, and one burst's keep-alive connections.
  await runLoadProcess({ ...plan, warmup: CONCURRENCY, settleMs: 0, commands: 0 });
  await adapter.settled();
  const before = await api.count('chat.postMessage');
  const { samples, firstSentAt } = await runLoadProcess({ ...plan, warmup: CONCURRENCY, settleMs: 1_000, commands: COMMANDS });
  await adapter.settled();
  const allDoneMs = Date.now() - firstSentAt;
  // The measured run's own warm-up burst is answered too: its replies are not counted.
  const answered = (await api.count('chat.postMessage')) - before - CONCURRENCY;
  await server.close(1_000);
  await adapter.stop();
  await app.close();
  await api.close();
  await rm(dataDir, { recursive: true, force: true });
  return { samples, answered, allDoneMs };
}

function renderHuge(): number {
  const b = reply('A very long answer.').heading('Breakdown');
  for (let i = 0; i < 120; i++) b.section(`*Role ${i}* — ${'a line of description '.repeat(20)}`);
  b.fields(Array.from({ length: 40 }, (_, i) => ({ label: `Field ${i}`, value: 'value '.repeat(50) })));
  b.table(
    ['Name', 'Age', 'Agency'],
    Array.from({ length: 300 }, (_, i) => [`Person ${i}`, String(20 + (i % 50)), 'Agency Ltd']),
  );
  b.buttons(
    Array.from({ length: 30 }, (_, i) => ({
      label: `Shortlist ROLE ${i}`,
      action: { skill: 'propose-shortlist', args: { role: `ROLE ${i}` } },
    })),
  );
  const huge = b.build();
  for (let i = 0; i < 20; i++) renderMessage(huge);
  const runs = 200;
  const t = performance.now();
  for (let i = 0; i < runs; i++) renderMessage(huge);
  return (performance.now() - t) / runs;
}

export async function benchSlack(): Promise<BenchRow[]> {
  const { samples, answered, allDoneMs } = await ackLatency();
  const s = summarize(samples);
  return [
    { name: 'slack: slash ack p50 (200 cmds, 50 at a time)', value: s.p50, unit: 'ms' },
    { name: 'slack: slash ack p99 (200 cmds, 50 at a time)', value: s.p99, unit: 'ms', goal: '< 50 ms (Slack allows 3000)' },
    { name: 'slack: answers posted of 200', value: answered, unit: 'msgs', goal: '= 200' },
    { name: 'slack: 200 commands acked and answered', value: allDoneMs, unit: 'ms' },
    { name: 'slack: Block Kit render of a huge reply', value: renderHuge(), unit: 'ms', goal: '< 5 ms' },
  ];
}
