/**
 * Attribute fit in [0, 1]: how well a person who passed the hard filters suits what was asked —
 * a playing range centred on the asked age, a higher fluency, a height further past the asked
 * bound (or nearer the asked height), and (for shortlists whose requirements had to be relaxed)
 * how many of the preferred skills and languages they have.
 */
import type { Fluency, TalentProfile } from '../../../memory/records.js';
import type { HeightBounds, TalentFilters } from '../query/filter-schema.js';
import { MAX_AGE } from '../query/age.js';
import { heightBoundsFor, satisfyingSkill } from './filters.js';
import type { RosterColumns } from './roster-columns.js';

const FLUENCY_SCORE: Record<Fluency, number> = { native: 1, fluent: 0.85, conversational: 0.6, basic: 0.4 };

/** Wishes that do not exclude anyone but count towards fit. */
export interface Preferences {
  skills?: string[];
  languages?: { language: string; minFluency: Fluency }[];
  ageRange?: { min: number; max: number };
}

/** 1 when the person's range sits on the asked range's centre and covers it; less as it drifts. */
export function ageFit(r: readonly [number, number] | undefined, asked: { min: number; max: number }): number {
  if (!r) return 0;
  // "60+" has no real centre: aim a few years above its floor.
  const hi = asked.max >= MAX_AGE ? asked.min + 10 : asked.max;
  const centre = (asked.min + hi) / 2;
  const overlap = Math.max(0, Math.min(r[1], hi) - Math.max(r[0], asked.min) + 1);
  const coverage = Math.min(1, overlap / (hi - asked.min + 1));
  const closeness = 1 - Math.min(1, Math.abs((r[0] + r[1]) / 2 - centre) / 10);
  return 0.5 * coverage + 0.5 * closeness;
}

// Ten centimetres past the bound is as tall (or as short) as "tall" (or "short") can ask for.
const HEIGHT_SPAN_CM = 10;

/**
 * 0.5 at the bound of "tall" or "over 185 cm", rising to 1 ten centimetres past it (so the taller
 * of two tall people ranks first), and likewise downwards for "short"; for a height asked as a
 * window ("6'2"") 1 at its centre, falling off either side. 0 when no height is listed.
 */
export function heightFit(h: number | undefined, b: HeightBounds): number {
  if (h === undefined) return 0;
  const clamp = (x: number) => Math.max(0, Math.min(1, x));
  if (b.min !== undefined && b.max !== undefined) {
    const half = Math.max(1, (b.max - b.min) / 2);
    return clamp(1 - Math.abs(h - (b.min + b.max) / 2) / (2 * half));
  }
  if (b.min !== undefined) return clamp(0.5 + (h - b.min) / (2 * HEIGHT_SPAN_CM));
  if (b.max !== undefined) return clamp(0.5 + (b.max - h) / (2 * HEIGHT_SPAN_CM));
  return 0;
}

/**
 * The fit of the person in slot `slot` (profile `p`): the mean of the parts that apply, or
 * undefined when nothing asked says anything about fit. Compiled once per search: the asked
 * languages are looked up as column codes rather than compared as strings for every candidate.
 */
export function compileFit(
  columns: RosterColumns,
  f: TalentFilters,
  prefs: Preferences = {},
): (slot: number, p: TalentProfile) => number | undefined {
  const age = f.ageRange ?? prefs.ageRange;
  const languages = [...(f.languages ?? []), ...(prefs.languages ?? [])].map((l) => columns.languageCode(l.language));
  const skillsAsked = (f.skills?.length ?? 0) > 0;
  const preferred = prefs.skills ?? [];
  const height = f.height;
  const boundsByGender = new Map<string | undefined, HeightBounds>();
  const count = (age ? 1 : 0) + (height ? 1 : 0) + languages.length + (skillsAsked ? 1 : 0) + (preferred.length ? 1 : 0);
  if (count === 0) return () => undefined;
  return (slot, p) => {
    let sum = 0;
    if (age) sum += ageFit(columns.playingRange(slot), age);
    if (height) {
      let b = boundsByGender.get(p.gender);
      if (!b) boundsByGender.set(p.gender, (b = heightBoundsFor(height, p.gender)));
      sum += heightFit(p.heightCm, b);
    }
    for (const code of languages) {
      const level = columns.fluencyOf(slot, code);
      sum += level === undefined ? 0 : FLUENCY_SCORE[level];
    }
    if (skillsAsked) sum += 1;
    if (preferred.length) sum += preferred.filter((s) => satisfyingSkill(p, s)).length / preferred.length;
    return sum / count;
  };
}
