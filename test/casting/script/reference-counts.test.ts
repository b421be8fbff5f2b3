import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeScriptFile } from '../../../src/casting/script/parse/index.js';
import { referenceFdx, referenceFountain } from './reference-reading.js';
import { BIG_FISH_FILES, SCRIPTS } from '../../helpers/fixtures.js';

const files = [
  ...(await readdir(SCRIPTS)).filter((f) => f.endsWith('.fountain') || f.endsWith('.fdx')).map((f) => path.join(SCRIPTS, f)),
  ...BIG_FISH_FILES,
].sort();

describe('every Fountain and FDX script agrees with the independent reading', () => {
  test('the script folder holds the expected files', () => {
    expect(files.length).toBeGreaterThanOrEqual(7);
  });

  test.each(files.map((f) => [path.basename(f), f]))('%s: speeches per cue name and scene count', async (_name, full) => {
    const text = await readFile(full, 'utf8');
    const expected = full.endsWith('.fdx') ? referenceFdx(text) : referenceFountain(text);
    const b = await analyzeScriptFile(full, { maxBytes: 50 * 1024 * 1024 });
    expect(b.cueCounts).toEqual(expected.cues);
    expect(b.scenes).toHaveLength(expected.scenes);
    expect(Object.keys(expected.cues).length).toBeGreaterThan(0);
  });
});
