import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeScriptFile } from '../../../src/skills/analyze-script/parse/index.js';
import { referenceFdx, referenceFountain } from './reference-reading.js';

const SCRIPTS = path.resolve('../shared/data/scripts');
const files = (await readdir(SCRIPTS)).filter((f) => f.endsWith('.fountain') || f.endsWith('.fdx')).sort();

describe('every Fountain and FDX script agrees with the independent reading', () => {
  test('the script folder holds the expected files', () => {
    expect(files.length).toBeGreaterThanOrEqual(9);
  });

  test.each(files)('%s: speeches per cue name and scene count', async (file) => {
    const full = path.join(SCRIPTS, file);
    const text = await readFile(full, 'utf8');
    const expected = file.endsWith('.fdx') ? referenceFdx(text) : referenceFountain(text);
    const b = await analyzeScriptFile(full, { maxBytes: 50 * 1024 * 1024 });
    expect(b.cueCounts).toEqual(expected.cues);
    expect(b.scenes).toHaveLength(expected.scenes);
    expect(Object.keys(expected.cues).length).toBeGreaterThan(0);
  });
});
