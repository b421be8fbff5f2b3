/**
 * `castmatch analyze` on its own keeps nothing and says so; with `--save --channel C` the script
 * becomes channel C's active project, as `/upload` in `castmatch chat --channel C` makes it, so
 * `castmatch shortlist` works from it.
 */
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { runCli } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/store.js';
import { ROSTER, SCRIPTS } from '../helpers/fixtures.js';

const ENV = { EMBEDDING_MODEL: 'hashed-256' };
const SCRIPT = path.join(SCRIPTS, 'brick_and_steel.fountain');

let dataDir: string;
beforeAll(async () => {
  dataDir = await tempDataDir();
  expect((await runCli(['import', 'talent', ROSTER, '--data-dir', dataDir], '', ENV)).code).toBe(0);
}, 60_000);
afterAll(() => rm(dataDir, { recursive: true, force: true }));

test('analyze without --save ends by saying nothing was saved and how to save it; shortlist then names both routes', async () => {
  const r = await runCli(['analyze', SCRIPT, '--data-dir', dataDir], '', ENV);
  expect(r.code).toBe(0);
  const last = r.stdout.trim().split('\n').at(-1);
  expect(last).toMatch(/^Not saved\./);
  expect(last).toContain(`castmatch analyze ${SCRIPT} --save --channel C`);
  expect(last).toContain(`/upload ${SCRIPT}`);

  const shortlist = await runCli(['shortlist', 'STEEL', '--data-dir', dataDir], '', ENV);
  expect(shortlist.code).toBe(1);
  expect(shortlist.stderr).toContain('no script has been analyzed in channel general');
  expect(shortlist.stderr).toContain('castmatch analyze FILE --save --channel general');
  expect(shortlist.stderr).toContain('/upload FILE` in `castmatch chat --channel general');
}, 60_000);

test("analyze --save --channel C prints the breakdown it saved and makes it C's script for shortlist and chat", async () => {
  const plain = await runCli(['analyze', SCRIPT, '--json', '--data-dir', dataDir], '', ENV);
  const saved = await runCli(['analyze', SCRIPT, '--save', '--channel', 'heist', '--json', '--data-dir', dataDir], '', ENV);
  expect(saved.code).toBe(0);
  expect(JSON.parse(saved.stdout)).toEqual(JSON.parse(plain.stdout));

  const shortlist = await runCli(['shortlist', 'STEEL', '--channel', 'heist', '--json', '--data-dir', dataDir], '', ENV);
  expect(shortlist.code).toBe(0);
  expect((JSON.parse(shortlist.stdout) as { results: unknown[] }).results.length).toBeGreaterThan(0);
  // The chat in that channel knows the script's roles as an upload there would have taught it.
  const chat = await runCli(['chat', '--channel', 'heist', '--json', '--data-dir', dataDir], 'shortlist for BRICK\n', ENV);
  expect((JSON.parse(chat.stdout) as { text: string }).text).toMatch(/BRICK.*BRICK & STEEL/);
}, 90_000);

test("analyze --save refuses what is not a screenplay with the bot's reason, and saves nothing", async () => {
  const r = await runCli(['analyze', ROSTER, '--save', '--channel', 'roster', '--data-dir', dataDir], '', ENV);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^castmatch: sample-roster\.csv looks like a spreadsheet/);
  const shortlist = await runCli(['shortlist', 'STEEL', '--channel', 'roster', '--data-dir', dataDir], '', ENV);
  expect(shortlist.stderr).toContain('no script has been analyzed in channel roster');
}, 60_000);

test('--channel without --save is refused rather than silently ignored', async () => {
  const r = await runCli(['analyze', SCRIPT, '--channel', 'heist', '--data-dir', dataDir], '', ENV);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^castmatch: --channel says where --save puts the script; add --save/);
}, 60_000);
