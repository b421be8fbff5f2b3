/**
 * The compiled filter columns must let through exactly the people the profile-level filter does:
 * searches use the columns, shortlists and Pinecone re-checks use the profiles. And the top-n
 * selection the ranker keeps its hits in.
 */
import { matchesFilters } from '../../../src/casting/talent/rank/filters.js';
import { RosterColumns } from '../../../src/casting/talent/rank/roster-columns.js';
import { BestOf } from '../../../src/casting/talent/rank/best-of.js';
import type { TalentFilters } from '../../../src/casting/talent/query/filter-schema.js';
import { compileMissCost } from '../../../src/casting/talent/rank/miss-columns.js';
import { missCost } from '../../../src/casting/talent/rank/misses.js';
import { sampleProfiles, sampleRoster } from './roster-fixture.js';

const profiles = sampleProfiles();
const columns = new RosterColumns(profiles);

/** Filters built from what the roster really holds, in several spellings, plus values nobody has. */
function filterCases(): TalentFilters[] {
  const p = profiles;
  const cases: TalentFilters[] = [
    {},
    { gender: 'female' },
    { gender: 'MALE' },
    { gender: 'non-binary' },
    { gender: 'robot' },
    { ageRange: { min: 30, max: 39 } },
    { ageRange: { min: 60, max: 120 } },
    { ageRange: { min: 0, max: 5 } },
    { languages: [{ language: 'tamil', minFluency: 'fluent' }] },
    { languages: [{ language: 'Hindi', minFluency: 'basic' }] },
    {
      languages: [
        { language: 'Hindi', minFluency: 'native' },
        { language: 'english', minFluency: 'fluent' },
      ],
    },
    { languages: [{ language: 'Klingon', minFluency: 'basic' }] },
    { skills: ['singing'] },
    { skills: ['horse riding'] },
    { skills: ['riding'] },
    { skills: ['dance'] },
    { skills: ['constructor'] },
    { city: 'mumbai' },
    { city: ' Chennai ' },
    { country: 'India' },
    { union: 'sag-aftra' },
    { ethnicity: 'nobody-has-this' },
    { gender: 'female', ageRange: { min: 25, max: 40 }, languages: [{ language: 'Hindi', minFluency: 'fluent' }] },
    { height: { min: 186 } },
    { height: { max: 160 } },
    { height: { min: 170, max: 180 } },
    { height: {} },
    { gender: 'male', height: { word: 'tall', min: 188 } },
    // "tall" with no gender asked: each gender its own floor, the roster-wide one for the rest.
    { height: { word: 'tall', min: 178, byGender: { female: { min: 171 }, MALE: { min: 188 } } } },
    { looks: ['bald'] },
    { looks: ['burly', 'athletic'] },
    { looks: ['red hair'] },
    { gender: 'female', looks: ['slim'], height: { word: 'petite', max: 157 } },
  ];
  // Every attribute value of a handful of real profiles, one filter kind at a time.
  for (const x of p.filter((_, i) => i % 7 === 0).slice(0, 12)) {
    if (x.gender) cases.push({ gender: x.gender.toUpperCase() });
    if (x.location) cases.push({ city: x.location.split(',')[0]!, country: x.location.split(',').pop()!.trim() });
    if (x.union) cases.push({ union: x.union });
    if (x.ethnicity) cases.push({ ethnicity: x.ethnicity });
    for (const l of x.languages) cases.push({ languages: [{ language: l.language, minFluency: l.fluency }] });
    for (const s of x.skills) cases.push({ skills: [s] });
    if (x.accents.length) cases.push({ accents: x.accents.slice(0, 2) });
  }
  return cases;
}

test('the columns select exactly the people matchesFilters accepts, for every kind of filter', () => {
  const cases = filterCases();
  expect(cases.length).toBeGreaterThan(40);
  let nonEmpty = 0;
  for (const f of cases) {
    const expected = profiles.flatMap((p, slot) => (matchesFilters(p, f) ? [slot] : []));
    const got = [...columns.select(f)];
    expect({ f, got }).toEqual({ f, got: expected });
    if (expected.length > 0 && expected.length < profiles.length) nonEmpty++;
  }
  // The comparison means something only if filters really split the roster.
  expect(nonEmpty).toBeGreaterThan(25);
});

test('near misses are costed from the columns exactly as from the profiles, which also word them', () => {
  const roster = sampleRoster();
  let graded = 0;
  const disagree: unknown[] = [];
  for (const f of [
    ...filterCases(),
    { ageRange: { min: 30, max: 39 }, languages: [{ language: 'Tamil', minFluency: 'native' as const }] },
  ]) {
    const costOf = compileMissCost(roster, f);
    profiles.forEach((p, slot) => {
      const words: string[] = [];
      const cost = missCost(p, f, words);
      if (costOf(slot, Infinity) !== cost || words.length > 0 !== cost > 0) disagree.push({ f, id: p.id, cost, words });
      if (cost > 0 && cost !== Math.round(cost * 5) / 5) graded++;
    });
  }
  expect(disagree).toEqual([]);
  // Partly met requirements (a few years off, a level short) were among those compared.
  expect(graded).toBeGreaterThan(100);
});

test('excluded people are left out of the selection', () => {
  const all = columns.select({});
  const some = columns.select({}, (slot) => slot % 2 === 0);
  expect(some.length).toBe(Math.floor(all.length / 2));
  expect([...some].every((s) => s % 2 === 1)).toBe(true);
});

test('BestOf keeps the n best in order, ties in arrival order', () => {
  const best = new BestOf<{ k: string; v: number }>(3, (a, b) => b.v - a.v);
  for (const [k, v] of [
    ['a', 1],
    ['b', 5],
    ['c', 3],
    ['d', 5],
    ['e', 4],
    ['f', 0],
  ] as const)
    best.offer({ k, v });
  expect(best.sorted().map((x) => x.k)).toEqual(['b', 'd', 'e']);
  const none = new BestOf<number>(0, (a, b) => a - b);
  none.offer(1);
  expect(none.sorted()).toEqual([]);
});
