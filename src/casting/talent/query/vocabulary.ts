/**
 * The tenant's own vocabulary, read from its roster: which languages, skills, accents, cities,
 * countries, unions, ethnicities and genders occur, and how tall its people are. Query understanding matches against these, so
 * it follows each agency's roster rather than a list written for the sample file.
 */
import type { TalentProfile } from '../../../memory/records.js';
import { normTerm, skillBase, splitLocation } from '../metadata.js';
import { heightNorms, type HeightNorms } from './stature.js';

export interface TalentVocabulary {
  genders: string[];
  languages: string[];
  skills: string[];
  /** Skill families present: bases of specialised skills ("singing" from "singing (tenor)"). */
  skillBases: string[];
  accents: string[];
  cities: string[];
  countries: string[];
  unions: string[];
  ethnicities: string[];
  /** What "tall" and "short" mean on this roster, per gender. */
  heights: HeightNorms;
}

/** Distinct values, most frequent first, each in its most common spelling. */
function distinct(values: Iterable<string>): string[] {
  const byKey = new Map<string, { n: number; spellings: Map<string, number> }>();
  for (const v of values) {
    const t = v.trim();
    if (!t) continue;
    const key = normTerm(t);
    const e = byKey.get(key) ?? { n: 0, spellings: new Map() };
    e.n++;
    e.spellings.set(t, (e.spellings.get(t) ?? 0) + 1);
    byKey.set(key, e);
  }
  return [...byKey.values()].sort((a, b) => b.n - a.n).map((e) => [...e.spellings].sort((a, b) => b[1] - a[1])[0]![0]);
}

export function buildVocabulary(profiles: TalentProfile[]): TalentVocabulary {
  const locations = profiles.map((p) => splitLocation(p.location));
  const skills = distinct(profiles.flatMap((p) => p.skills));
  return {
    genders: distinct(profiles.flatMap((p) => (p.gender ? [p.gender] : []))),
    languages: distinct(profiles.flatMap((p) => p.languages.map((l) => l.language))),
    skills,
    skillBases: distinct(skills.map(skillBase)),
    accents: distinct(profiles.flatMap((p) => p.accents)),
    cities: distinct(locations.flatMap((l) => (l.city ? [l.city] : []))),
    countries: distinct(locations.flatMap((l) => (l.country ? [l.country] : []))),
    unions: distinct(profiles.flatMap((p) => (p.union ? [p.union] : []))),
    ethnicities: distinct(profiles.flatMap((p) => (p.ethnicity ? [p.ethnicity] : []))),
    heights: heightNorms(profiles),
  };
}
