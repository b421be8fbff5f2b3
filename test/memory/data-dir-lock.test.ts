/**
 * One data folder, one owner: a second process is refused with a message naming the holder; a
 * lock left by a process that died is taken over; a release frees the folder.
 */
import { spawn } from 'node:child_process';
import { readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataDirLockedError, LOCK_FILE, lockDataDir } from '../../src/memory/data-dir-lock.js';
import { jsonLines, runCli, spawnCli } from '../helpers/cli.js';
import { tempDir } from '../helpers/store.js';
import { ROSTER } from '../helpers/fixtures.js';

let dir: string;
beforeEach(async () => {
  dir = await tempDir();
});
afterEach(() => rm(dir, { recursive: true, force: true }));

test('a second taker is refused with who holds it; after the release the folder is free', async () => {
  const release = await lockDataDir(dir, 'castmatch serve');
  const refused = await lockDataDir(dir, 'castmatch import talent').catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(DataDirLockedError);
  expect((refused as Error).message).toContain(`in use by \`castmatch serve\` (pid ${process.pid} on ${os.hostname()}`);
  await release();
  await (
    await lockDataDir(dir, 'castmatch import talent')
  )();
});

test('a lock left by a process that has died is taken over', async () => {
  const child = spawn(process.execPath, ['-e', '0']);
  const pid = child.pid!;
  await new Promise((r) => child.once('exit', r));
  await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid, host: os.hostname(), command: 'castmatch serve', startedAt: 'then' }));
  const release = await lockDataDir(dir, 'castmatch chat');
  expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, command: 'castmatch chat' });
  await release();
});

test('while castmatch chat has the folder, castmatch import talent is refused and changes nothing; afterwards it runs', async () => {
  const env = { EMBEDDING_MODEL: 'hashed-64' };
  const chat = spawnCli(['chat', '--json', '--data-dir', dir], env);
  chat.stdin?.write('help\n');
  await jsonLines(chat, 1);
  const refused = await runCli(['import', 'talent', ROSTER, '--data-dir', dir], '', env);
  expect(refused.code).toBe(1);
  expect(refused.stderr).toMatch(/The data folder .* is in use by `castmatch chat` \(pid \d+/);
  expect(refused.stderr).toContain('upload');
  chat.stdin?.end();
  await new Promise((r) => chat.once('close', r));
  const imported = await runCli(['import', 'talent', ROSTER, '--data-dir', dir], '', env);
  expect(imported.code).toBe(0);
  expect(imported.stdout).toMatch(/400 new/);
}, 120_000);
