/**
 * The breakdown scored against the labelled set written by reading the example screenplays
 * (test/fixtures/breakdown/labels.json). Shared by the accuracy test, which fails below the goals,
 * and `npm run bench`, which prints the figures.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { analyzeScriptFile, type CharacterBreakdown } from '../src/casting/script/parse/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

interface Label {
  gender: string | null;
  age: [number, number] | null;
}

export interface Scored {
  file: string;
  name: string;
  label: Label;
  got: CharacterBreakdown | undefined;
}

export interface BreakdownScore {
  scored: Scored[];
  /** Of the genders given, the share that are right. */
  genderPrecision: number;
  /** Of the characters whose gender the text decides, the share given it rightly. */
  genderCoverage: number;
  /** Of the labelled ages, the share the breakdown's range overlaps. */
  ageOverlap: number;
  wrongGender: Scored[];
  /** Ages given where the text supports none. */
  inventedAge: Scored[];
}

const ratio = (n: number, d: number) => (d === 0 ? 1 : n / d);
const overlaps = (a: [number, number], b: [number, number]) => a[0] <= b[1] && b[0] <= a[1];

export async function scoreBreakdowns(): Promise<BreakdownScore> {
  const labels = JSON.parse(readFileSync(path.join(ROOT, 'test/fixtures/breakdown/labels.json'), 'utf8')) as {
    scripts: Record<string, Record<string, Label>>;
  };
  const scored: Scored[] = [];
  for (const [file, characters] of Object.entries(labels.scripts)) {
    const b = await analyzeScriptFile(path.join(ROOT, 'examples/scripts', file), { maxBytes: 10 * 1024 * 1024 });
    for (const [name, label] of Object.entries(characters))
      scored.push({ file, name, label, got: b.characters.find((c) => c.name === name) });
  }
  const given = scored.filter((s) => s.got?.gender);
  const wrongGender = given.filter((s) => s.got!.gender !== s.label.gender);
  const decided = scored.filter((s) => s.label.gender);
  const labelledAges = scored.filter((s) => s.label.age);
  return {
    scored,
    genderPrecision: ratio(given.length - wrongGender.length, given.length),
    genderCoverage: ratio(decided.filter((s) => s.got?.gender === s.label.gender).length, decided.length),
    ageOverlap: ratio(labelledAges.filter((s) => s.got?.ageRange && overlaps(s.got.ageRange, s.label.age!)).length, labelledAges.length),
    wrongGender,
    inventedAge: scored.filter((s) => !s.label.age && s.got?.ageRange),
  };
}
