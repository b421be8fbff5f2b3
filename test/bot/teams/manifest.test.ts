/**
 * The Teams app manifest against the schema bundled in @microsoft/app-manifest, its icons, and the
 * package. The validator runs in a child process (`npm run package:teams`'s script under tsx):
 * the library is CommonJS requiring an ES module, which jest's module loader cannot do on Node 20.
 */
import { execFile } from 'node:child_process';
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import AdmZip from 'adm-zip';
import { pngHeader } from '../../../scripts/package-teams.js';
import { tempDir } from '../../helpers/store.js';

const DIR = path.resolve(process.cwd(), 'manifests/teams');
const TSX = path.resolve(process.cwd(), 'node_modules/tsx/dist/cli.mjs');
const run = promisify(execFile);

interface Bot {
  botId: string;
  scopes: string[];
  supportsFiles: boolean;
  commandLists: { commands: { title: string }[] }[];
}
interface Manifest {
  manifestVersion: string;
  $schema: string;
  bots: Bot[];
  validDomains: string[];
}
const manifest = async () => JSON.parse(await readFile(path.join(DIR, 'manifest.json'), 'utf8')) as Manifest;

/** Runs scripts/package-teams.ts; resolves with its exit code and output. */
async function packageTeams(args: string[]): Promise<{ code: number; out: string }> {
  try {
    const { stdout, stderr } = await run(process.execPath, [TSX, 'scripts/package-teams.ts', ...args], { cwd: process.cwd() });
    return { code: 0, out: stdout + stderr };
  } catch (err) {
    const e = err as { code: number; stdout: string; stderr: string };
    return { code: e.code, out: e.stdout + e.stderr };
  }
}

test('the bot works in all three scopes, takes files, lists the five commands, on a current schema', async () => {
  const m = await manifest();
  expect(Number(m.manifestVersion.split('.')[1])).toBeGreaterThanOrEqual(17);
  expect(m.$schema).toContain(`/teams/v${m.manifestVersion}/MicrosoftTeams.schema.json`);
  const [bot] = m.bots;
  expect([...bot!.scopes].sort()).toEqual(['groupChat', 'personal', 'team']);
  expect(bot!.supportsFiles).toBe(true);
  expect(bot!.commandLists.flatMap((l) => l.commands.map((c) => c.title))).toEqual(['search', 'analyze', 'shortlist', 'book', 'help']);
  expect(m.validDomains.length).toBeGreaterThan(0);
});

test('icons: colour 192×192, outline 32×32 with transparency', async () => {
  expect(pngHeader(await readFile(path.join(DIR, 'color.png')))).toMatchObject({ width: 192, height: 192 });
  expect(pngHeader(await readFile(path.join(DIR, 'outline.png')))).toEqual({ width: 32, height: 32, hasAlpha: true });
  expect(() => pngHeader(new TextEncoder().encode('GIF89a, not a PNG at all'))).toThrow('not a PNG file');
});

test('package:teams validates the manifest and writes a zip with it (bot id and domain filled in) and both icons', async () => {
  const dir = await tempDir();
  try {
    const out = path.join(dir, 'castmatch-teams.zip');
    const ok = await packageTeams([
      '--out',
      out,
      '--bot-id',
      '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d',
      '--domain',
      'bot.castmatch.example.org',
    ]);
    expect(ok).toEqual({ code: 0, out: `wrote ${out}\n` });
    const zip = new AdmZip(out);
    expect(
      zip
        .getEntries()
        .map((e) => e.entryName)
        .sort(),
    ).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const packed = JSON.parse(zip.readAsText('manifest.json')) as Manifest;
    expect(packed.bots[0]!.botId).toBe('9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d');
    expect(packed.validDomains).toContain('bot.castmatch.example.org');

    // The schema check is real: a malformed bot id is caught and nothing is written.
    const bad = await packageTeams(['--out', path.join(dir, 'bad.zip'), '--bot-id', 'not-a-guid']);
    expect(bad.code).toBe(1);
    expect(bad.out).toMatch(/not written[\s\S]*\/bots\/0\/botId must match pattern/);
    await expect(readFile(path.join(dir, 'bad.zip'))).rejects.toThrow(/ENOENT/);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 20_000);
