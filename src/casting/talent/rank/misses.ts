/**
 * What a person lacks of a request, and how far off they are: "plays 39–46", "no horse riding
 * listed", "Tamil only conversational", "174 cm (asked 188+ cm)". Gender and ethnicity are hard:
 * a request for a woman is never answered with a man as a near miss. Everything else is soft and
 * has a cost: about 1 for a requirement not met at all, less for one nearly met (a playing range
 * two years off, a fluency one level short), more for one far off (a range twenty years off).
 */
import type { Fluency, TalentProfile } from '../../../memory/records.js';
import { FLUENCY_ORDER } from '../import/fields.js';
import { normTerm, splitLocation } from '../metadata.js';
import { describeBounds, type HeightBounds, type TalentFilters } from '../query/filter-schema.js';
import { lookInBio } from '../query/looks.js';
import { heightBoundsFor, playingRange, satisfyingSkill, spokenLanguage } from './filters.js';

/** The part of a request no near miss may break. */
export function hardPart(f: TalentFilters): TalentFilters {
  return { ...(f.gender ? { gender: f.gender } : {}), ...(f.ethnicity ? { ethnicity: f.ethnicity } : {}) };
}

/** How many soft requirements the request makes. */
export function softCount(f: TalentFilters): number {
  return (
    (f.ageRange ? 1 : 0) +
    (f.height ? 1 : 0) +
    (f.languages?.length ?? 0) +
    (f.skills?.length ?? 0) +
    (f.accents?.length ?? 0) +
    (f.looks?.length ?? 0) +
    (f.city || f.country ? 1 : 0) +
    (f.union ? 1 : 0)
  );
}

/**
 * What missing a requirement entirely costs. What a production can fix costs less: a skill can be
 * learned for the part (the shortlist's ladder relaxes skills first for the same reason), an
 * accent coached, hair and beards changed; a language, an age or a place cannot.
 */
export const MISSED = { skill: 0.6, accent: 0.8, look: 0.8, language: 1, age: 1, height: 1, place: 1, union: 1 } as const;
const FLUENCY_STEP = 0.35;
// A couple of years or centimetres off is nearly met; six or more is as good as not met, and the
// cost keeps growing so that a range ten years off ranks below one three years off.
const offBy = (gap: number) => 0.25 + gap / 8;

/** The cost of a playing range (undefined: none listed) against the asked ages. */
export function ageCost(r: readonly [number, number] | undefined, asked: { min: number; max: number }): number {
  if (!r) return MISSED.age;
  const gap = Math.max(asked.min - r[1], r[0] - asked.max, 0);
  return gap > 0 ? offBy(gap) : 0;
}

/** The cost of a height (undefined: none listed) against its bounds. */
export function heightCost(h: number | undefined, b: HeightBounds): number {
  if (h === undefined) return MISSED.height;
  const gap = Math.max((b.min ?? h) - h, h - (b.max ?? h), 0);
  return gap > 0 ? offBy(gap) : 0;
}

/** The cost of speaking a language at `level` (undefined: not at all) when `least` was asked. */
export function fluencyCost(level: Fluency | undefined, least: Fluency): number {
  if (level === undefined) return MISSED.language;
  const short = FLUENCY_ORDER.indexOf(least) - FLUENCY_ORDER.indexOf(level);
  return short > 0 ? Math.min(MISSED.language, short * FLUENCY_STEP) : 0;
}

/** The cost of missing everything asked. */
function missingAll(f: TalentFilters): number {
  return (
    (f.ageRange ? MISSED.age : 0) +
    (f.height ? MISSED.height : 0) +
    (f.languages?.length ?? 0) * MISSED.language +
    (f.skills?.length ?? 0) * MISSED.skill +
    (f.accents?.length ?? 0) * MISSED.accent +
    (f.looks?.length ?? 0) * MISSED.look +
    (f.city || f.country ? MISSED.place : 0) +
    (f.union ? MISSED.union : 0)
  );
}

/**
 * The highest total cost that still counts as close: about one requirement missed out of two, one
 * and a half out of three, and always less than missing everything (when one thing was asked, only
 * someone nearly meeting it is close).
 */
export function closeEnough(f: TalentFilters): number {
  return Math.min(Math.max(1, softCount(f) / 2), missingAll(f) - 0.01);
}

type Miss = (cost: number, words: () => string) => void;
type Check = (p: TalentProfile, f: TalentFilters, miss: Miss) => void;

/**
 * One per kind of requirement, cheapest first: a count stops as soon as it is over its budget.
 * miss-columns.ts computes the same costs from the roster's columns, in the same order.
 */
const CHECKS: Check[] = [
  (p, f, miss) => {
    if (!f.ageRange) return;
    const r = playingRange(p);
    const cost = ageCost(r, f.ageRange);
    if (cost > 0) miss(cost, () => (!r ? 'no playing age listed' : r[0] === r[1] ? `plays ${r[0]}` : `plays ${r[0]}–${r[1]}`));
  },
  (p, f, miss) => {
    if (!f.height) return;
    const b = heightBoundsFor(f.height, p.gender);
    const cost = heightCost(p.heightCm, b);
    if (cost > 0) miss(cost, () => (p.heightCm === undefined ? 'no height listed' : `${p.heightCm} cm (asked ${describeBounds(b)})`));
  },
  (p, f, miss) => {
    for (const l of f.languages ?? []) {
      const spoken = spokenLanguage(p, l.language);
      const cost = fluencyCost(spoken?.fluency, l.minFluency);
      if (cost > 0) miss(cost, () => (spoken ? `${spoken.language} only ${spoken.fluency}` : `no ${l.language} listed`));
    }
  },
  (p, f, miss) => {
    if (!f.city && !f.country) return;
    const loc = splitLocation(p.location);
    const wrongCity = f.city !== undefined && normTerm(loc.city ?? '') !== normTerm(f.city);
    const wrongCountry = f.country !== undefined && normTerm(loc.country ?? '') !== normTerm(f.country);
    // One line and one cost for both: "based in Toronto, Canada" is one place, not two misses.
    if (wrongCity || wrongCountry) miss(MISSED.place, () => (p.location ? `based in ${p.location}` : 'no location listed'));
  },
  (p, f, miss) => {
    if (f.union && normTerm(p.union ?? '') !== normTerm(f.union))
      miss(MISSED.union, () => (p.union ? `${p.union}, not ${f.union}` : 'no union listed'));
  },
  (p, f, miss) => {
    for (const s of f.skills ?? []) if (!satisfyingSkill(p, s)) miss(MISSED.skill, () => `no ${s} listed`);
  },
  (p, f, miss) => {
    if (!f.accents?.length) return;
    const have = new Set(p.accents.map(normTerm));
    for (const a of f.accents) if (!have.has(normTerm(a))) miss(MISSED.accent, () => `no ${a} accent listed`);
  },
  (p, f, miss) => {
    for (const look of f.looks ?? []) if (!lookInBio(p.bio, look)) miss(MISSED.look, () => `bio doesn't mention ${look}`);
  },
];

/**
 * The total cost of what `p` misses of `f` (0 when it meets every soft requirement); each miss's
 * words are appended to `out` when given. Hard requirements are not looked at. Once the cost is
 * over `budget` the rest is not looked at either, and the cost returned is only known to be over it.
 */
export function missCost(p: TalentProfile, f: TalentFilters, out?: string[], budget = Infinity): number {
  let cost = 0;
  const miss: Miss = (c, words) => {
    cost += c;
    out?.push(words());
  };
  for (const check of CHECKS) {
    check(p, f, miss);
    if (cost > budget) break;
  }
  return cost;
}
