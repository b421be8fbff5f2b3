/**
 * The metadata stored beside each talent vector, in both indexes, so that hard filters can run
 * inside the index (Pinecone) as well as before it (in-process). Values are lower-cased; languages
 * are `language:fluency` tokens so that "fluency at least X" is an `$in` over the levels ≥ X.
 * Private contact fields are never part of it.
 */
import type { TalentProfile } from '../../memory/records.js';
import type { VectorMetadata } from '../../integrations/vectors/vector-index.js';

/** Lower-cased, trimmed, single-spaced. */
export function normTerm(s: string): string {
  return s.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** "singing (baritone)" → "singing": the family a specialised skill belongs to. */
export function skillBase(skill: string): string {
  return normTerm(skill.replace(/\([^)]*\)/g, ' '));
}

/** City and country of a "City, Country" location. */
export function splitLocation(location: string | undefined): { city?: string; country?: string } {
  if (!location) return {};
  const parts = location
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) return {};
  return { city: parts[0]!, ...(parts.length > 1 ? { country: parts[parts.length - 1]! } : {}) };
}

/**
 * One string per distinct metadata value. A roster repeats a few hundred values (genders, cities,
 * languages, skills) across every person; without this, each of 100k people's metadata carried its
 * own copies. Bounded, so a stream of odd values cannot grow it without end.
 */
const shared = new Map<string, string>();
const SHARED_MAX = 20_000;

function share(s: string): string {
  const known = shared.get(s);
  if (known !== undefined) return known;
  if (shared.size < SHARED_MAX) shared.set(s, s);
  return s;
}

const term = (s: string) => share(normTerm(s));

export function talentMetadata(p: TalentProfile): VectorMetadata {
  const meta: VectorMetadata = { talentId: p.id };
  if (p.gender) meta.gender = term(p.gender);
  const lo = p.playingAgeMin ?? p.playingAgeMax;
  const hi = p.playingAgeMax ?? p.playingAgeMin;
  if (lo !== undefined && hi !== undefined) {
    meta.ageMin = lo;
    meta.ageMax = hi;
  }
  const { city, country } = splitLocation(p.location);
  if (city) meta.city = term(city);
  if (country) meta.country = term(country);
  if (p.union) meta.union = term(p.union);
  if (p.ethnicity) meta.ethnicity = term(p.ethnicity);
  const languages = p.languages.map((l) => share(`${normTerm(l.language)}:${l.fluency}`));
  if (languages.length) meta.languages = languages;
  const skills = [...new Set(p.skills.flatMap((s) => [term(s), share(skillBase(s))]))].filter(Boolean);
  if (skills.length) meta.skills = skills;
  const accents = p.accents.map(term);
  if (accents.length) meta.accents = accents;
  return meta;
}
