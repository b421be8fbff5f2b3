/**
 * Attribute fit in [0, 1]: how well a person who passed the hard filters suits what was asked —
 * a playing range centred on the asked age, a higher fluency, and (for shortlists whose
 * requirements had to be relaxed) how many of the preferred skills and languages they have.
 */
import type { Fluency, TalentProfile } from '../../../memory/records.js';
import type { TalentFilters } from '../query/filter-schema.js';
import { MAX_AGE } from '../query/age.js';
import { satisfyingSkill } from './filters.js';
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
  const count = (age ? 1 : 0) + languages.length + (skillsAsked ? 1 : 0) + (preferred.length ? 1 : 0);
  if (count === 0) return () => undefined;
  return (slot, p) => {
    let sum = 0;
    if (age) sum += ageFit(columns.playingRange(slot), age);
    for (const code of languages) {
      const level = columns.fluencyOf(slot, code);
      sum += level === undefined ? 0 : FLUENCY_SCORE[level];
    }
    if (skillsAsked) sum += 1;
    if (preferred.length) sum += preferred.filter((s) => satisfyingSkill(p, s)).length / preferred.length;
    return sum / count;
  };
}
