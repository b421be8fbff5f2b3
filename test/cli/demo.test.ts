/** `castmatch demo`: one command from an empty data folder to a roster and a script to shortlist from. */
import { rm } from 'node:fs/promises';
import { runCli } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/store.js';

// The hashed embedder keeps the 400-person import quick; the default model has its own tests.
const ENV = { EMBEDDING_MODEL: 'hashed-256' };

let dataDir: string;
beforeAll(async () => {
  dataDir = await tempDataDir();
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

test('demo loads the samples, says what to try, and shortlist STEEL then answers in channel casting', async () => {
  const demo = await runCli(['demo', '--data-dir', dataDir], '', ENV);
  expect(demo.code).toBe(0);
  expect(demo.stdout).toMatch(/sample-roster\.csv: 400 new/);
  expect(demo.stdout).toMatch(/brick_and_steel\.fountain: .*now the active project of channel casting/);
  expect(demo.stdout).toContain(`castmatch chat --channel casting --data-dir ${dataDir}`);
  expect(demo.stdout).toContain('> shortlist for STEEL');

  const r = await runCli(['shortlist', 'STEEL', '--channel', 'casting', '--json', '--data-dir', dataDir], '', ENV);
  expect(r.code).toBe(0);
  const { role, results } = JSON.parse(r.stdout) as { role: string; results: { name: string; reasons: string[] }[] };
  expect(role).toBe('STEEL');
  expect(results.length).toBeGreaterThan(0);
  for (const hit of results) expect(hit.reasons.length).toBeGreaterThan(0);
}, 90_000);

test('running demo again changes nothing and says so', async () => {
  const again = await runCli(['demo', '--data-dir', dataDir], '', ENV);
  expect(again.code).toBe(0);
  expect(again.stdout).toMatch(/sample-roster\.csv: 0 new, 0 updated, 400 unchanged/);
  expect(again.stdout).toMatch(/brick_and_steel\.fountain: unchanged, already the active project of channel casting/);
}, 90_000);
