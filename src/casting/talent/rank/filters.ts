/**
 * Hard filters: who may appear at all. Each filter kind is checked the same way here (in-process)
 * and in the Pinecone metadata filter built by `toMetadataFilter`.
 */
import type { Fluency, TalentProfile } from '../../../memory/records.js';
import type { MetadataFilter } from '../../../integrations/vectors/vector-index.js';
import { normTerm, skillBase, splitLocation } from '../metadata.js';
import { FLUENCY_ORDER } from '../import/fields.js';
import { skillFamily } from '../query/synonyms.js';
import type { HeightBounds, TalentFilters } from '../query/filter-schema.js';
import { lookInBio } from '../query/looks.js';

/** The profile's playing range, a single bound standing for both when only one is known. */
export function playingRange(p: TalentProfile): [number, number] | undefined {
  const lo = p.playingAgeMin ?? p.playingAgeMax;
  const hi = p.playingAgeMax ?? p.playingAgeMin;
  return lo === undefined || hi === undefined ? undefined : [lo, hi];
}

/** The profile skill that satisfies a requested one: same name, same family base, or a family member. */
export function satisfyingSkill(p: TalentProfile, wanted: string): string | undefined {
  const w = normTerm(wanted);
  return p.skills.find((s) => skillSatisfies(normTerm(s), skillBase(s), w));
}

/** Whether a skill (normalised, and its family base) satisfies the normalised wanted skill `w`. */
export function skillSatisfies(skill: string, base: string, w: string): boolean {
  return skill === w || base === w || skillFamily(w).includes(base) || base.split(' ').includes(w);
}

export function fluencyAtLeast(level: Fluency, min: Fluency): boolean {
  return FLUENCY_ORDER.indexOf(level) >= FLUENCY_ORDER.indexOf(min);
}

export function spokenLanguage(p: TalentProfile, language: string): TalentProfile['languages'][number] | undefined {
  const l = normTerm(language);
  return p.languages.find((x) => normTerm(x.language) === l);
}

/** The height bounds that apply to a person of this gender ("tall" differs by gender). */
export function heightBoundsFor(h: NonNullable<TalentFilters['height']>, gender: string | undefined): HeightBounds {
  const g = gender === undefined ? undefined : normTerm(gender);
  const own = g === undefined ? undefined : Object.entries(h.byGender ?? {}).find(([k]) => normTerm(k) === g)?.[1];
  return own ?? { ...(h.min !== undefined ? { min: h.min } : {}), ...(h.max !== undefined ? { max: h.max } : {}) };
}

/** Whether a height (undefined: not listed) is within bounds; unbounded lets everyone through. */
export function heightWithin(cm: number | undefined, b: HeightBounds): boolean {
  if (b.min === undefined && b.max === undefined) return true;
  return cm !== undefined && (b.min === undefined || cm >= b.min) && (b.max === undefined || cm <= b.max);
}

export function matchesFilters(p: TalentProfile, f: TalentFilters): boolean {
  if (f.gender && normTerm(p.gender ?? '') !== normTerm(f.gender)) return false;
  if (f.ageRange) {
    const r = playingRange(p);
    if (!r || r[0] > f.ageRange.max || r[1] < f.ageRange.min) return false;
  }
  for (const l of f.languages ?? []) {
    const spoken = spokenLanguage(p, l.language);
    if (!spoken || !fluencyAtLeast(spoken.fluency, l.minFluency)) return false;
  }
  for (const s of f.skills ?? []) if (!satisfyingSkill(p, s)) return false;
  if (f.accents?.length) {
    const have = new Set(p.accents.map(normTerm));
    if (!f.accents.every((a) => have.has(normTerm(a)))) return false;
  }
  if (f.city || f.country) {
    const loc = splitLocation(p.location);
    if (f.city && normTerm(loc.city ?? '') !== normTerm(f.city)) return false;
    if (f.country && normTerm(loc.country ?? '') !== normTerm(f.country)) return false;
  }
  if (f.union && normTerm(p.union ?? '') !== normTerm(f.union)) return false;
  if (f.ethnicity && normTerm(p.ethnicity ?? '') !== normTerm(f.ethnicity)) return false;
  if (f.height && !heightWithin(p.heightCm, heightBoundsFor(f.height, p.gender))) return false;
  for (const look of f.looks ?? []) if (!lookInBio(p.bio, look)) return false;
  return true;
}

/**
 * The same filters as index metadata conditions (metadata.ts). Skill families that the
 * metadata cannot express are left to the in-process check; results are re-checked anyway.
 * Height and looks are not in the stored metadata (vectors written before they were asked for
 * would all fail them): the ids of the people who pass them go with the query instead.
 */
export function toMetadataFilter(f: TalentFilters): MetadataFilter | undefined {
  const parts: MetadataFilter[] = [];
  if (f.gender) parts.push({ gender: { $eq: normTerm(f.gender) } });
  if (f.ageRange) parts.push({ ageMin: { $lte: f.ageRange.max } }, { ageMax: { $gte: f.ageRange.min } });
  for (const l of f.languages ?? []) {
    const ok = FLUENCY_ORDER.filter((lvl) => fluencyAtLeast(lvl, l.minFluency)).map((lvl) => `${normTerm(l.language)}:${lvl}`);
    parts.push({ languages: { $in: ok } });
  }
  for (const s of f.skills ?? []) {
    const w = normTerm(s);
    if (skillFamily(w).length === 0) parts.push({ skills: { $eq: w } });
  }
  for (const a of f.accents ?? []) parts.push({ accents: { $eq: normTerm(a) } });
  if (f.city) parts.push({ city: { $eq: normTerm(f.city) } });
  if (f.country) parts.push({ country: { $eq: normTerm(f.country) } });
  if (f.union) parts.push({ union: { $eq: normTerm(f.union) } });
  if (f.ethnicity) parts.push({ ethnicity: { $eq: normTerm(f.ethnicity) } });
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : { $and: parts };
}
