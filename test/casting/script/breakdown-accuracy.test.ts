/**
 * The breakdown against a labelled set written by reading the example screenplays
 * (test/fixtures/breakdown/labels.json): where it gives a gender it is right, it gives one for
 * nearly every character whose gender the text supports, and its age ranges overlap the labels.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { analyzeScriptFile, type CharacterBreakdown } from '../../../src/casting/script/parse/index.js';
import { SCRIPTS } from '../../helpers/fixtures.js';

interface Label {
  gender: string | null;
  age: [number, number] | null;
}
const labels = JSON.parse(readFileSync(path.resolve('test/fixtures/breakdown/labels.json'), 'utf8')) as {
  scripts: Record<string, Record<string, Label>>;
};

interface Scored {
  file: string;
  name: string;
  label: Label;
  got: CharacterBreakdown | undefined;
}
let scored: Scored[];

beforeAll(async () => {
  scored = [];
  for (const [file, characters] of Object.entries(labels.scripts)) {
    const b = await analyzeScriptFile(path.join(SCRIPTS, file), { maxBytes: 10 * 1024 * 1024 });
    for (const [name, label] of Object.entries(characters))
      scored.push({ file, name, label, got: b.characters.find((c) => c.name === name) });
  }
});

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
const overlaps = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];

test('every labelled character is in the breakdown under its cue name', () => {
  expect(scored.filter((s) => !s.got).map((s) => `${s.file}: ${s.name}`)).toEqual([]);
});

test('gender: right where given (≥ 97 %), given for ≥ 90 % of the characters the text decides', () => {
  const given = scored.filter((s) => s.got?.gender);
  const wrong = given.filter((s) => s.got!.gender !== s.label.gender);
  const decided = scored.filter((s) => s.label.gender);
  const found = decided.filter((s) => s.got?.gender === s.label.gender);
  const precision = ratio(given.length - wrong.length, given.length);
  const coverage = ratio(found.length, decided.length);
  process.stdout.write(
    `breakdown gender: precision ${precision.toFixed(3)} (${given.length} given), coverage ${coverage.toFixed(3)} (${decided.length} labelled)\n`,
  );
  expect(
    wrong.map((s) => `${s.file}: ${s.name} is ${s.label.gender ?? 'not stated'}, not ${s.got!.gender} (${s.got!.evidence.join(' | ')})`),
  ).toEqual([]);
  expect(precision).toBeGreaterThanOrEqual(0.97);
  expect(coverage).toBeGreaterThanOrEqual(0.9);
});

test('age: the range overlaps the labelled one for ≥ 85 % of the labelled ages, and no age is made up', () => {
  const labelled = scored.filter((s) => s.label.age);
  const hits = labelled.filter((s) => s.got?.ageRange && overlaps(s.got.ageRange, s.label.age!));
  const invented = scored.filter((s) => !s.label.age && s.got?.ageRange);
  const rate = ratio(hits.length, labelled.length);
  process.stdout.write(`breakdown age: overlap ${rate.toFixed(3)} (${labelled.length} labelled), ${invented.length} unsupported\n`);
  expect(rate).toBeGreaterThanOrEqual(0.85);
  expect(invented.map((s) => `${s.file}: ${s.name} ${JSON.stringify(s.got!.ageRange)}`)).toEqual([]);
});

test('every inferred value keeps the words it was read from', () => {
  const bare = scored.filter((s) => (s.got?.gender || s.got?.ageRange) && !s.got.evidence.length);
  expect(bare.map((s) => `${s.file}: ${s.name}`)).toEqual([]);
});
