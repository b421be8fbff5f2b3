/**
 * `castmatch serve` as `npm start` runs it, from the build, with no chat platform configured: the
 * chat page is at / (read from the sources, which the build does not copy) and answers a message
 * in the terminal's workspace, the one `castmatch demo` loads.
 */
import { rm } from 'node:fs/promises';
import type { ChildProcess } from 'node:child_process';
import { listeningPort, spawnCli } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/store.js';

let child: ChildProcess | undefined;
let dataDir: string;
afterAll(async () => {
  if (child && child.exitCode === null) {
    child.kill('SIGTERM');
    await new Promise((r) => child!.on('close', r));
  }
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

test('serve has the chat page at / and answers what it sends', async () => {
  dataDir = await tempDataDir();
  child = spawnCli(['serve', '--data-dir', dataDir], { PORT: '0', HOST: '0.0.0.0', LOG_LEVEL: 'info', ROUTER_ENCODER: 'off' });
  const port = await listeningPort(child);

  const page = await fetch(`http://127.0.0.1:${port}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<title>CastMatch</title>');

  const res = await fetch(`http://127.0.0.1:${port}/chat/messages`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ user: 'web-serve', channel: 'casting', text: '/cast help' }),
  });
  expect(res.status).toBe(200);
  const lines = (await res.text()).trim().split('\n');
  expect(lines.at(-1)).toBe('{"type":"done"}');
  expect(lines.join('\n')).toContain('CastMatch: what I can do');
}, 90_000);
