/** `castmatch serve` (what `npm start` runs) answers /healthz and stops cleanly on SIGTERM. */
import { rm } from 'node:fs/promises';
import { listeningPort, spawnCli } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/store.js';

test('serve answers /healthz on its port and exits 0 on SIGTERM', async () => {
  const dataDir = await tempDataDir();
  const child = spawnCli(['serve', '--data-dir', dataDir], { PORT: '0', HOST: '127.0.0.1', LOG_LEVEL: 'info' });
  const port = await listeningPort(child);
  const res = await fetch(`http://127.0.0.1:${port}/healthz`);
  expect(res.status).toBe(200);
  expect(await res.json()).toMatchObject({ status: 'ok' });
  expect((await fetch(`http://127.0.0.1:${port}/nope`)).status).toBe(404);

  child.kill('SIGTERM');
  const code = await new Promise<number | null>((r) => child.on('close', (c) => r(c)));
  expect(code).toBe(0);
  await rm(dataDir, { recursive: true, force: true });
}, 90_000);
