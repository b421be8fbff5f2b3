/** `castmatch import talent`, `search` and `shortlist` as a casting associate runs them in a terminal. */
import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { runCli } from '../helpers/cli.js';
import { tempDataDir, tempDir } from '../helpers/store.js';
import { ROSTER } from '../helpers/fixtures.js';

// The hashed embedder keeps the spawned processes quick; the default model has its own tests.
const ENV = { EMBEDDING_MODEL: 'hashed-256' };

describe('talent from the command line', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = await tempDataDir();
  });

  test('import prints the counts, and a re-import changes nothing', async () => {
    const first = await runCli(['--data-dir', dataDir, 'import', 'talent', ROSTER], '', ENV);
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(/sample-roster\.csv: 400 new/);
    const again = await runCli(['--data-dir', dataDir, 'import', 'talent', ROSTER], '', ENV);
    expect(again.code).toBe(0);
    expect(again.stdout).toMatch(/400 unchanged/);
  }, 60_000);

  test('search --json gives one line per query with filters and people who satisfy them', async () => {
    const r = await runCli(
      ['--data-dir', dataDir, 'search', '--stdin', '--json', '--limit', '3'],
      'woman in her 30s who speaks Tamil\nsomeone who rides horses\n',
      ENV,
    );
    expect(r.code).toBe(0);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { query: string; filters: Record<string, unknown>; results: { id: string; reasons: string[] }[] });
    expect(lines.map((l) => l.query)).toEqual(['woman in her 30s who speaks Tamil', 'someone who rides horses']);
    expect(lines[0]!.filters).toMatchObject({ gender: 'female' });
    expect(lines[0]!.results.length).toBeGreaterThan(0);
    for (const hit of lines[0]!.results) expect(hit.reasons.join(' ')).toMatch(/Tamil/);
    for (const hit of lines[1]!.results) expect(hit.reasons.join(' ')).toMatch(/horse/i);
  }, 60_000);

  test('a plain search never prints contact details', async () => {
    const r = await runCli(['--data-dir', dataDir, 'search', 'Hindi-speaking man in his 40s'], '', ENV);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/Hindi/);
    expect(r.stdout).not.toMatch(/@example\.com|\+91-/);
  }, 60_000);

  test('shortlist without an analyzed script says how to get one', async () => {
    const r = await runCli(['--data-dir', dataDir, 'shortlist', 'STEEL', '--channel', 'empty'], '', ENV);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toMatch(/no script has been analyzed in channel empty/);
    expect(r.stderr).toContain('castmatch analyze FILE --save --channel empty');
  }, 60_000);

  test('a roster that fails as a whole imports nothing and exits non-zero', async () => {
    const bad = path.join(await tempDir(), 'roster.csv');
    await writeFile(bad, 'this,is,not\na,roster,file\n');
    const r = await runCli(['--data-dir', dataDir, 'import', 'talent', bad], '', ENV);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/nothing imported/);
    const after = await runCli(['--data-dir', dataDir, 'search', '--json', 'anyone'], '', ENV);
    expect(after.stdout).not.toMatch(/"id":"a"/);
  }, 60_000);

  test('a bad --limit is refused with the reason', async () => {
    const r = await runCli(['--data-dir', dataDir, 'search', 'anyone', '--limit', 'lots'], '', ENV);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/--limit must be a whole number/);
  });
});
