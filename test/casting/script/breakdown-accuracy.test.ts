/**
 * The breakdown against a labelled set written by reading the example screenplays
 * (test/fixtures/breakdown/labels.json): where it gives a gender it is right, it gives one for
 * nearly every character whose gender the text supports, and its age ranges overlap the labels.
 * The scoring is shared with `npm run bench` (bench/breakdown-score.ts).
 */
import { scoreBreakdowns, type BreakdownScore } from '../../../bench/breakdown-score.js';

let score: BreakdownScore;
beforeAll(async () => {
  score = await scoreBreakdowns();
});

test('every labelled character is in the breakdown under its cue name', () => {
  expect(score.scored.filter((s) => !s.got).map((s) => `${s.file}: ${s.name}`)).toEqual([]);
});

test('gender: right where given (≥ 97 %), given for ≥ 90 % of the characters the text decides', () => {
  process.stdout.write(
    `breakdown gender: precision ${score.genderPrecision.toFixed(3)}, coverage ${score.genderCoverage.toFixed(3)} (${score.scored.length} labelled characters)\n`,
  );
  expect(
    score.wrongGender.map(
      (s) => `${s.file}: ${s.name} is ${s.label.gender ?? 'not stated'}, not ${s.got!.gender} (${s.got!.evidence.join(' | ')})`,
    ),
  ).toEqual([]);
  expect(score.genderPrecision).toBeGreaterThanOrEqual(0.97);
  expect(score.genderCoverage).toBeGreaterThanOrEqual(0.9);
});

test('age: the range overlaps the labelled one for ≥ 85 % of the labelled ages, and no age is made up', () => {
  process.stdout.write(`breakdown age: overlap ${score.ageOverlap.toFixed(3)}, ${score.inventedAge.length} unsupported\n`);
  expect(score.ageOverlap).toBeGreaterThanOrEqual(0.85);
  expect(score.inventedAge.map((s) => `${s.file}: ${s.name} ${JSON.stringify(s.got!.ageRange)}`)).toEqual([]);
});

test('every inferred value keeps the words it was read from', () => {
  const bare = score.scored.filter((s) => (s.got?.gender || s.got?.ageRange) && !s.got.evidence.length);
  expect(bare.map((s) => `${s.file}: ${s.name}`)).toEqual([]);
});

test('every value says how sure it is: stated beside the name, or likely from a name, pronouns or a vague word', () => {
  const unsure = score.scored.filter((s) => (s.got?.gender && !s.got.confidence.gender) || (s.got?.ageRange && !s.got.confidence.age));
  expect(unsure.map((s) => `${s.file}: ${s.name}`)).toEqual([]);
  const find = (file: string, name: string) => score.scored.find((s) => s.file === file && s.name === name)?.got;
  // "MINNA and INA, two girls in their early twenties": both stated.
  expect(find('silent_as_murderers.fountain', 'INA')?.confidence).toEqual({ gender: 'stated', age: 'stated' });
  // "BRICK BRADDOCK, retired police detective": a man's name and "retired", both likely.
  expect(find('brick_and_steel.fountain', 'BRICK')?.confidence).toEqual({ gender: 'likely', age: 'likely' });
});
