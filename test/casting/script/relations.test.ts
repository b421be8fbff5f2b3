/**
 * Family ties to someone of stated age give a likely age, and the tie's gender
 * (test/fixtures/scripts/family-ties.fountain: "WALT BRODY, 52", "Walt's daughter TESS", "MARGE, Walt's wife").
 */
import path from 'node:path';
import { analyzeScriptFile } from '../../../src/casting/script/parse/index.js';

const FILE = path.resolve('test/fixtures/scripts/family-ties.fountain');

test('a daughter and a wife of a 52-year-old get likely ages and their gender, with the words as evidence', async () => {
  const b = await analyzeScriptFile(FILE, { maxBytes: 1_000_000 });
  const role = (name: string) => b.characters.find((c) => c.name === name)!;
  expect(role('WALT')).toMatchObject({ ageRange: [52, 52], confidence: { age: 'stated' } });
  // A daughter of a 52-year-old: born when he was 18 to 45.
  expect(role('TESS')).toMatchObject({ gender: 'female', ageRange: [7, 34], confidence: { gender: 'stated', age: 'likely' } });
  expect(role('TESS').evidence).toContain("Walt's daughter");
  expect(role('MARGE')).toMatchObject({ gender: 'female', ageRange: [42, 62], confidence: { age: 'likely' } });
  expect(role('MARGE').evidence).toEqual(["Walt's wife"]);
});
