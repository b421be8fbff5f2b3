/**
 * Attribute fit in [0, 1]: how well a person who passed the hard filters suits what was asked —
 * a playing range centred on the asked age, a higher fluency, and (for shortlists whose
 * requirements had to be relaxed) how many of the preferred skills and languages they have.
 */
import type { Fluency, TalentProfile } from '../../../memory/records.js';
import type { TalentFilters } from '../query/filter-schema.js';
import { MAX_AGE } from '../query/age.js';
import { playingRange, satisfyingSkill, spokenLanguage } from './filters.js';

const FLUENCY_SCORE: Record<Fluency, number> = { native: 1, fluent: 0.85, conversational: 0.6, basic: 0.4 };

/** Wishes that do not exclude anyone but count towards fit. */
export interface Preferences {
  skills?: string[];
  languages?: { language: string; minFluency: Fluency }[];
  ageRange?: { min: number; max: number };
}

/** 1 when the person's range sits on the asked range's centre and covers it; less as it drifts. */
export function ageFit(p: TalentProfile, asked: { min: number; max: number }): number {
  const r = playingRange(p);
  if (!r) return 0;
  // "60+" has no real centre: aim a few years above its floor.
  const hi = asked.max >= MAX_AGE ? asked.min + 10 : asked.max;
  const centre = (asked.min + hi) / 2;
  const overlap = Math.max(0, Math.min(r[1], hi) - Math.max(r[0], asked.min) + 1);
  const coverage = Math.min(1, overlap / (hi - asked.min + 1));
  const closeness = 1 - Math.min(1, Math.abs((r[0] + r[1]) / 2 - centre) / 10);
  return 0.5 * coverage + 0.5 * closeness;
}

/** Mean of the parts that apply; undefined when nothing asked says anything about fit. */
export function fitScore(p: TalentProfile, f: TalentFilters, prefs: Preferences = {}): number | undefined {
  const parts: number[] = [];
  const age = f.ageRange ?? prefs.ageRange;
  if (age) parts.push(ageFit(p, age));
  for (const l of [...(f.languages ?? []), ...(prefs.languages ?? [])]) {
    const spoken = spokenLanguage(p, l.language);
    parts.push(spoken ? FLUENCY_SCORE[spoken.fluency] : 0);
  }
  if (f.skills?.length) parts.push(1);
  if (prefs.skills?.length) parts.push(prefs.skills.filter((s) => satisfyingSkill(p, s)).length / prefs.skills.length);
  if (parts.length === 0) return undefined;
  return parts.reduce((a, b) => a + b, 0) / parts.length;
}
