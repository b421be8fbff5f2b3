/**
 * What a role asks for, read from the script breakdown (`gender`, `ageRange`, and Claude's
 * `description`, `skills`, `languages`, `physical`) and from what the user said about it, or from a
 * description in words alone. The introduction's words are scene text ("The SCREEN DOOR slides
 * open…"), not requirements, so they never become search terms.
 * Gender and age are hard requirements; skills and languages start hard and may be relaxed when
 * too few people meet them all (see shortlist.ts). Ethnicity only when the role states one.
 */
import type { RoleRecord } from '../../../memory/records.js';
import { normalizeGender } from '../import/fields.js';
import type { TalentFilters, TalentQuery } from '../query/filter-schema.js';
import { matchersFor } from '../query/matchers.js';
import { parseTalentQueryRules } from '../query/rule-parser.js';
import { tokenize } from '../query/tokens.js';
import type { TalentVocabulary } from '../query/vocabulary.js';
import { normTerm } from '../metadata.js';

export interface RoleCriteria {
  role: string;
  filters: TalentFilters;
  /** What the role is like, matched against bios by meaning and keywords. */
  description: string;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v.trim() : undefined;
}

function ageRangeOf(v: unknown): { min: number; max: number } | undefined {
  if (Array.isArray(v) && typeof v[0] === 'number' && typeof v[1] === 'number' && v[0] <= v[1]) return { min: v[0], max: v[1] };
  if (v && typeof v === 'object') {
    const o = v as { min?: unknown; max?: unknown };
    if (typeof o.min === 'number' && typeof o.max === 'number' && o.min <= o.max) return { min: o.min, max: o.max };
  }
  return undefined;
}

/** Maps free-form requirement words onto the roster's skills and languages; the rest is description. */
function canonicalRequirements(words: string[], vocab: TalentVocabulary): { skills: string[]; languages: string[]; rest: string[] } {
  const m = matchersFor(vocab);
  const out = { skills: [] as string[], languages: [] as string[], rest: [] as string[] };
  for (const w of words) {
    const tokens = tokenize(w);
    const language = vocab.languages.find((l) => normTerm(l) === normTerm(w)) ?? m.language.findAll(tokens)[0]?.value;
    const skill = m.skill.findAll(tokens)[0]?.value;
    if (skill) out.skills.push(skill);
    else if (language) out.languages.push(language);
    else out.rest.push(w);
  }
  return out;
}

/**
 * The parse of a role's words without height and looks, which stay words of the description
 * (matched by meaning and keywords): a breakdown's "tall, bald" is colour, not a requirement, and
 * the relaxation ladder (shortlist.ts) has no step that would relax them.
 */
function parseRoleWords(text: string, vocab: TalentVocabulary): TalentQuery {
  const parsed = parseTalentQueryRules(text, vocab);
  const { height, looks, ...filters } = parsed.filters;
  return height || looks ? { filters, freeText: text } : parsed;
}

/** Criteria of a role from the breakdown; the user's own words about it (`said`) win over the script's. */
export function criteriaFromRole(role: RoleRecord, vocab: TalentVocabulary, said?: string): RoleCriteria {
  const d = role.details;
  const filters: TalentFilters = {};
  const gender = str(d.gender);
  if (gender) {
    const g = normalizeGender(gender);
    if (vocab.genders.some((x) => normTerm(x) === g)) filters.gender = g;
  }
  const age = ageRangeOf(d.ageRange);
  if (age) filters.ageRange = age;

  const skillWords = Array.isArray(d.skills) ? d.skills.filter((s): s is string => typeof s === 'string') : [];
  const languageWords = Array.isArray(d.languages)
    ? d.languages.map((l) => (typeof l === 'string' ? l : str((l as { language?: unknown })?.language))).filter((l): l is string => !!l)
    : [];
  const req = canonicalRequirements([...skillWords, ...languageWords], vocab);
  if (req.skills.length) filters.skills = [...new Set(req.skills)];
  if (req.languages.length)
    filters.languages = [...new Set(req.languages)].map((language) => ({ language, minFluency: 'fluent' as const }));
  const ethnicity = str(d.ethnicity);
  if (ethnicity) {
    const e = vocab.ethnicities.find((x) => normTerm(x) === normTerm(ethnicity));
    if (e) filters.ethnicity = e;
  }

  const text = [str(d.description), str(d.physical), ...req.rest].filter(Boolean).join(' ');
  // A description may state what the structured fields lack ("a Tamil-speaking detective who rides").
  const parsed = parseRoleWords(text, vocab);
  for (const [k, v] of Object.entries(parsed.filters) as [keyof TalentFilters, never][]) {
    if (filters[k] === undefined && k !== 'city' && k !== 'country' && k !== 'union') filters[k] = v;
  }
  if (said) {
    const told = parseRoleWords(said, vocab);
    return { role: role.name, filters: { ...filters, ...told.filters }, description: [told.freeText, text].filter(Boolean).join(' ') };
  }
  return { role: role.name, filters, description: text };
}

/** Nothing to rank by: no gender, age, skill or language, and no words about the part. */
export function saysNothing(c: RoleCriteria): boolean {
  return Object.keys(c.filters).length === 0 && !c.description.trim();
}

/** Criteria of a role described in words ("a tough cop in his 50s who boxes"). */
export function criteriaFromDescription(role: string, description: string, vocab: TalentVocabulary): RoleCriteria {
  const parsed = parseRoleWords(description, vocab);
  return { role, filters: parsed.filters, description: parsed.freeText || description };
}
