/**
 * Router and memory through the chat path on the embedded store: turns per second through
 * `castmatch chat` (a real process reading piped lines) and per-turn latency percentiles
 * (the same TerminalChat in-process, so each turn can be timed).
 */
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/log/logger.js';
import { TerminalChat } from '../src/bot/adapters/terminal/terminal-chat.js';
import { summarize, type BenchRow } from './stats.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Requests of every kind that the router and memory handle without the roster or a script. */
const MIX = ['help', 'shortlist for MARIA', 'who could play her?', 'auditions this week', '/cast shortlist EDWARD 3', 'what can you do?'];

async function inProcess(turns: number): Promise<number[]> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'castmatch-bench-'));
  const app = await createApp({ config: loadConfig({ CASTMATCH_DATA_DIR: dataDir }), log: createLogger('silent') });
  const chat = new TerminalChat(app.engine, { channel: 'bench', user: 'bench', filesDir: path.join(dataDir, 'files') });
  for (let i = 0; i < 20; i++) await chat.say(MIX[i % MIX.length] ?? 'help'); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < turns; i++) {
    const t = performance.now();
    await chat.say(MIX[i % MIX.length] ?? 'help');
    samples.push(performance.now() - t);
  }
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
  return samples;
}

/** Turns per second of the real command, counted from its first reply so start-up is excluded. */
async function throughCli(turns: number): Promise<number> {
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'castmatch-bench-'));
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'src/cli/main.ts'), 'chat', '--json', '--data-dir', dataDir], {
    cwd: ROOT,
    env: { ...process.env, LOG_LEVEL: 'silent' },
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  let lines = 0;
  let first = 0;
  const done = new Promise<number>((resolve) => {
    let buf = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      const n = buf.split('\n').length - 1;
      buf = buf.slice(buf.lastIndexOf('\n') + 1);
      if (lines === 0 && n > 0) first = performance.now();
      lines += n;
      if (lines >= turns + 1) resolve(performance.now());
    });
  });
  child.stdin.write('help\n');
  for (let i = 0; i < turns; i++) child.stdin.write(`${MIX[i % MIX.length]}\n`);
  child.stdin.end();
  const end = await done;
  await new Promise((r) => child.on('close', r));
  await rm(dataDir, { recursive: true, force: true });
  return turns / ((end - first) / 1000);
}

export async function benchCore(): Promise<BenchRow[]> {
  const lat = summarize(await inProcess(600));
  const tps = await throughCli(600);
  return [
    { name: 'chat: turns per second (castmatch chat, PGlite)', value: tps, unit: 'turns/s' },
    { name: 'chat: turn latency p50', value: lat.p50, unit: 'ms' },
    { name: 'chat: turn latency p95', value: lat.p95, unit: 'ms' },
    { name: 'chat: turn latency p99', value: lat.p99, unit: 'ms' },
  ];
}
