/**
 * Phrase matchers built from a tenant's vocabulary plus the general synonyms, built once per
 * vocabulary. Every value a matcher yields is a term the roster actually uses (or a skill family
 * that some roster skill belongs to).
 */
import { normTerm, skillBase } from '../metadata.js';
import { PhraseMatcher } from './phrase-matcher.js';
import {
  ACCENT_SYNONYMS,
  COUNTRY_SYNONYMS,
  ETHNICITY_SYNONYMS,
  GENDER_WORDS,
  SKILL_FAMILIES,
  SKILL_SYNONYMS,
  skillFamily,
  UNION_SYNONYMS,
} from './synonyms.js';
import type { TalentVocabulary } from './vocabulary.js';

export interface QueryMatchers {
  gender: PhraseMatcher<string>;
  language: PhraseMatcher<string>;
  accent: PhraseMatcher<string>;
  skill: PhraseMatcher<string>;
  city: PhraseMatcher<string>;
  country: PhraseMatcher<string>;
  union: PhraseMatcher<string>;
  ethnicity: PhraseMatcher<string>;
}

const cache = new WeakMap<TalentVocabulary, QueryMatchers>();

/** Adds each term and the synonyms of terms the vocabulary has (synonym keys are lower case). */
function fromVocabulary(terms: string[], synonyms: Record<string, string[]> = {}): PhraseMatcher<string> {
  const m = new PhraseMatcher<string>();
  const byNorm = new Map(terms.map((t) => [normTerm(t), t]));
  for (const t of terms) {
    m.add(t, t);
    // "Middle Eastern/North African" is also asked for by either half.
    if (t.includes('/')) for (const part of t.split('/')) m.add(part, t);
  }
  for (const [key, phrases] of Object.entries(synonyms)) {
    const target = byNorm.get(key);
    if (target) for (const p of phrases) m.add(p, target);
  }
  return m;
}

/** A skill name the roster can satisfy: a roster skill, a family base, or a family with members present. */
function availableSkill(name: string, vocab: TalentVocabulary): string | undefined {
  const n = normTerm(name);
  const exact = vocab.skills.find((s) => normTerm(s) === n);
  if (exact) return exact;
  const bases = vocab.skillBases.map(normTerm);
  if (bases.includes(n)) return n;
  if (skillFamily(n).some((member) => bases.includes(member))) return n;
  if (bases.some((b) => b.split(' ').includes(n))) return n;
  return undefined;
}

export function matchersFor(vocab: TalentVocabulary): QueryMatchers {
  const hit = cache.get(vocab);
  if (hit) return hit;

  const gender = new PhraseMatcher<string>();
  const genders = new Map(vocab.genders.map((g) => [normTerm(g), g]));
  for (const [g, words] of Object.entries(GENDER_WORDS)) {
    const target = genders.get(g);
    if (target) for (const w of words) gender.add(w, target);
  }

  const skill = new PhraseMatcher<string>();
  for (const s of vocab.skills) {
    skill.add(s, s);
    // "singing (baritone)" is also asked for as "baritone" or "baritone singing".
    const qualifier = s.match(/\(([^)]+)\)/)?.[1]?.trim();
    if (qualifier) {
      skill.add(`${qualifier} ${skillBase(s)}`, s);
      skill.add(qualifier, s);
    }
  }
  for (const b of vocab.skillBases) skill.add(b, b);
  for (const [canonical, phrases] of Object.entries(SKILL_SYNONYMS)) {
    const target = availableSkill(canonical, vocab);
    if (!target) continue;
    skill.add(canonical, target);
    for (const p of phrases) skill.add(p, target);
  }
  for (const family of Object.keys(SKILL_FAMILIES)) {
    const target = availableSkill(family, vocab);
    if (target) skill.add(family, target);
  }

  const matchers: QueryMatchers = {
    gender,
    language: fromVocabulary(vocab.languages),
    accent: fromVocabulary(vocab.accents, ACCENT_SYNONYMS),
    skill,
    city: fromVocabulary(vocab.cities),
    country: fromVocabulary(vocab.countries, COUNTRY_SYNONYMS),
    union: fromVocabulary(vocab.unions, UNION_SYNONYMS),
    ethnicity: fromVocabulary(vocab.ethnicities, ETHNICITY_SYNONYMS),
  };
  cache.set(vocab, matchers);
  return matchers;
}
