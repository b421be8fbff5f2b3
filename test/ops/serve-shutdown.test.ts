/**
 * `castmatch serve` as deployed: /readyz and /metrics answer, and a SIGTERM that arrives while a
 * turn is still waiting on Claude lets that turn finish — the user gets the answer — and exits 0.
 */
import { rm } from 'node:fs/promises';
import type { ChildProcess } from 'node:child_process';
import { listeningPort, spawnCli } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/store.js';
import { json, startFakeServer, type FakeServer } from '../fakes/http-fake.js';
import { sleep } from './support.js';

const SLOW_MS = 1_500;

/** Claude answering "help" to every routing question; from the second question on, slowly. */
function fakeClaude(): Promise<FakeServer> {
  let n = 0;
  return startFakeServer(async (req, res) => {
    const model = (req.json as { model?: string } | undefined)?.model ?? 'claude-test';
    if (++n > 1) await sleep(SLOW_MS);
    json(res, 200, {
      id: `msg_${n}`,
      type: 'message',
      role: 'assistant',
      model,
      stop_reason: 'tool_use',
      stop_sequence: null,
      content: [{ type: 'tool_use', id: `toolu_${n}`, name: 'help', input: {} }],
      usage: { input_tokens: 10, output_tokens: 5 },
    });
  });
}

async function turn(port: number, text: string): Promise<{ status: number; replies: { text: string }[] }> {
  const res = await fetch(`http://127.0.0.1:${port}/local/turn`, { method: 'POST', body: JSON.stringify({ text, channel: 'casting' }) });
  const body = (await res.json()) as { replies: { text: string }[] };
  return { status: res.status, replies: body.replies };
}

let claude: FakeServer;
let dataDir: string;
beforeAll(async () => {
  claude = await fakeClaude();
  dataDir = await tempDataDir();
});
afterAll(async () => {
  await claude?.close();
  await rm(dataDir, { recursive: true, force: true });
});

test('readiness and metrics answer, bad input gets a 400; SIGTERM during a slow turn finishes the turn and exits 0', async () => {
  const child = spawnCli(['serve', '--data-dir', dataDir], {
    PORT: '0',
    HOST: '127.0.0.1',
    LOG_LEVEL: 'info',
    ANTHROPIC_API_KEY: 'sk-test',
    ANTHROPIC_BASE_URL: claude.url,
    ANTHROPIC_TIMEOUT_MS: '10000',
  });
  let stdout = '';
  child.stdout?.on('data', (d: Buffer) => {
    stdout += d.toString();
  });
  const exited = new Promise<number | null>((r) => child.on('close', (c) => r(c)));
  try {
    const port = await listeningPort(child);

    const ready = await fetch(`http://127.0.0.1:${port}/readyz`);
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      ready: true,
      checks: { database: { ok: true, latencyMs: expect.any(Number) }, scheduler: { ok: true, latencyMs: expect.any(Number) } },
    });

    // A bad request gets a clear 400 and costs nothing.
    const notJson = await fetch(`http://127.0.0.1:${port}/local/turn`, { method: 'POST', body: 'hello' });
    expect(notJson.status).toBe(400);
    expect(await notJson.json()).toEqual({ error: expect.stringContaining('body must be JSON') });
    const empty = await fetch(`http://127.0.0.1:${port}/local/turn`, { method: 'POST', body: JSON.stringify({ text: '' }) });
    expect(await empty.json()).toEqual({ error: 'text: say something' });

    const first = await turn(port, 'what can you do?');
    expect(first.status).toBe(200);
    expect(first.replies[0]!.text).toContain('CastMatch: what I can do');
    const metrics = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    expect(metrics).toMatch(/castmatch_replies_total\{skill="help",platform="local",outcome="ok"\} 1/);
    expect(metrics).toMatch(/castmatch_reply_duration_seconds_count\{skill="help",platform="local"\} 1/);
    expect(metrics).toContain('castmatch_job_runs_total');
    expect(metrics).toContain('process_resident_memory_bytes');

    // The second turn waits on Claude; the signal arrives meanwhile.
    const slow = turn(port, 'what can you do?');
    while (claude.requests.length < 2) await sleep(20);
    child.kill('SIGTERM');
    const answered = await slow;
    expect(answered.status).toBe(200);
    expect(answered.replies[0]!.text).toContain('CastMatch: what I can do');
    expect(await exited).toBe(0);
    expect(stdout).toContain('shutting down: no new requests');
    expect(stdout).not.toContain('turns still running are abandoned');
  } finally {
    if (child.exitCode === null) child.kill('SIGKILL');
  }
}, 90_000);
