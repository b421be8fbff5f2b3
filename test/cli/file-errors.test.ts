/**
 * A file named on the command line that is missing, unreadable or a directory gets one line naming
 * it and exit code 1, never Node's errno text (`ENOENT: no such file or directory, open 'x'`).
 */
import { chmod, copyFile, mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';
import { tempDataDir, tempDir } from '../helpers/store.js';
import { SCRIPTS } from '../helpers/fixtures.js';
import { fileProblem } from '../../src/cli/local-files.js';

let dataDir: string;
let dir: string;
beforeAll(async () => {
  dataDir = await tempDataDir();
  dir = await tempDir();
});
afterAll(async () => {
  await rm(dataDir, { recursive: true, force: true });
  await rm(dir, { recursive: true, force: true });
});

const COMMANDS: [string, string[]][] = [
  ['analyze', ['analyze']],
  ['import talent', ['import', 'talent']],
];

describe.each(COMMANDS)('castmatch %s', (_name, command) => {
  test('a missing file', async () => {
    const missing = path.join(dir, 'nope.fountain');
    const r = await runCli([...command, missing, '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`castmatch: ${missing}: no such file\n`);
  }, 60_000);

  test('a directory', async () => {
    const r = await runCli([...command, dir, '--data-dir', dataDir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`castmatch: ${dir}: is a directory, not a file\n`);
  }, 60_000);

  // Root reads every file whatever its mode, so there is nothing to refuse when the suite runs as root.
  const asRoot = process.getuid?.() === 0;
  (asRoot ? test.skip : test)(
    `an unreadable file${asRoot ? ' [skipped: running as root, which can read any file]' : ''}`,
    async () => {
      const locked = path.join(dir, `locked-${command.join('-')}.csv`);
      await writeFile(locked, 'name\n');
      await chmod(locked, 0o000);
      const r = await runCli([...command, locked, '--data-dir', dataDir]);
      expect(r.code).toBe(1);
      expect(r.stderr).toBe(`castmatch: ${locked}: permission denied (not readable)\n`);
    },
    60_000,
  );
});

test('the unreadable case reads the same from any command, root or not', () => {
  const denied = Object.assign(new Error("EACCES: permission denied, open 'roster.csv'"), { code: 'EACCES', path: 'roster.csv' });
  expect(fileProblem(denied)).toBe('roster.csv: permission denied (not readable)');
  expect(fileProblem(new Error('something else'))).toBeUndefined();
});

test('/upload of a missing file in chat is answered in one line, the chat goes on, and the exit code says so', async () => {
  const missing = path.join(dir, 'script.fountain');
  const r = await runCli(['chat', '--json', '--data-dir', dataDir], `/upload ${missing}\n/upload\nhelp\n`);
  const replies = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { text: string; isError?: boolean });
  expect(replies.slice(0, 2)).toEqual([
    expect.objectContaining({ text: `castmatch: ${missing}: no such file`, isError: true }),
    expect.objectContaining({ text: expect.stringMatching(/^castmatch: \/upload needs the path of a file/), isError: true }),
  ]);
  expect(replies[2]?.text).toMatch(/CastMatch can/);
  expect(r.code).toBe(1);
}, 60_000);

test('/upload takes a path with spaces, quoted or not, and says in one line which file it cannot take and why', async () => {
  const folder = path.join(dir, 'my scripts');
  await mkdir(folder, { recursive: true });
  const script = path.join(folder, 'Brick and Steel.fountain');
  await copyFile(path.join(SCRIPTS, 'brick_and_steel.fountain'), script);
  const notes = path.join(folder, 'casting notes.md');
  await writeFile(notes, '# who we saw\n');
  const missing = path.join(folder, 'Big Fish.fountain');
  const lines = [
    `/upload ${script} what is this`,
    `/upload ${missing} analyze it`,
    `/upload "${notes}" hello there`,
    `/upload ${notes} hello`,
  ];
  const r = await runCli(['chat', '--json', '--data-dir', dataDir], `${lines.join('\n')}\n`);
  const replies = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { text: string; isError?: boolean });
  // A .md file with words after it would otherwise reach the bot as those words alone, and get its help.
  const refused = `castmatch: casting notes.md is not something I can read: share a screenplay (.fountain, .spmd, .fdx, .pdf, .txt) to analyze, or a roster (.csv, .tsv, .json, .txt) to import.`;
  expect(replies).toEqual([
    expect.objectContaining({ text: expect.stringMatching(/^BRICK & STEEL FULL RETIRED: 5 pages/) }),
    expect.objectContaining({ text: `castmatch: ${missing}: no such file`, isError: true }),
    expect.objectContaining({ text: refused, isError: true }),
    expect.objectContaining({ text: refused, isError: true }),
  ]);
  expect(r.code).toBe(1);
}, 60_000);
