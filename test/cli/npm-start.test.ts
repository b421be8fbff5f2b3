/**
 * `npm start` as a container runtime or process manager stops it: SIGTERM to npm. The bot must get
 * the signal, shut down and free its port, not be left running as an orphan while npm exits.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { listeningPort } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/store.js';

const ROOT = path.resolve(import.meta.dirname ?? '.', '../..');

/** Every process below `pid`, while they are still attached to it. */
async function descendants(pid: number): Promise<number[]> {
  const { stdout } = await promisify(execFile)('ps', ['-A', '-o', 'pid=,ppid=']);
  const children = new Map<number, number[]>();
  for (const [child, parent] of stdout
    .trim()
    .split('\n')
    .map((l) => l.trim().split(/\s+/).map(Number) as [number, number])) {
    children.set(parent, [...(children.get(parent) ?? []), child]);
  }
  const found: number[] = [];
  for (let queue = [pid]; queue.length;) {
    const next = children.get(queue.shift()!) ?? [];
    found.push(...next);
    queue.push(...next);
  }
  return found;
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

// 'exit', not 'close': a bot left behind would hold npm's stdout open, and 'close' would never come.
const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));

test('SIGTERM to `npm start` stops the bot and frees its port', async () => {
  const dataDir = await tempDataDir();
  // --ignore-scripts skips only the prestart build (jest's global setup has built dist/); npm still
  // runs the start script itself, through its shell, and handles the signal as it would in production.
  const npm = spawn('npm', ['start', '--ignore-scripts'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info', CASTMATCH_DATA_DIR: dataDir },
  });
  let below: number[] = [];
  try {
    const port = await listeningPort(npm);
    expect((await fetch(`http://127.0.0.1:${port}/healthz`)).status).toBe(200);
    below = await descendants(npm.pid!);
    expect(below.length).toBeGreaterThan(0);

    npm.kill('SIGTERM');
    // npm waits for its script to end before it exits, so once it has, nothing may be left.
    const code = await exited(npm);
    expect(below.filter(alive)).toEqual([]);
    await expect(fetch(`http://127.0.0.1:${port}/healthz`)).rejects.toThrow();
    // The bot's clean shutdown (exit 0) is what npm reports, so a supervisor sees a clean stop.
    expect(code).toBe(0);
  } finally {
    for (const pid of below.filter(alive)) process.kill(pid, 'SIGKILL');
    if (npm.exitCode === null && npm.signalCode === null) npm.kill('SIGKILL');
    await rm(dataDir, { recursive: true, force: true });
  }
}, 90_000);
