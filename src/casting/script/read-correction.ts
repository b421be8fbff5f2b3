/**
 * Reads what the team says a role is — "a man, 55–65, boxes", "male 55-65 skills: boxing",
 * "a woman in her 40s who speaks Tamil" — with the talent search's own vocabulary, so what is
 * set is exactly what a shortlist can filter on.
 */
import { parseTalentQueryRules } from '../talent/query/rule-parser.js';
import type { TalentVocabulary } from '../talent/query/vocabulary.js';
import { normalizeGender } from '../talent/import/fields.js';
import type { RoleCorrection } from './corrections.js';

type Said = Omit<RoleCorrection, 'setBy' | 'setAt'>;

/** Words that only join the parts of a correction; what is left over is the team's description. */
const JOINERS =
  /\b(?:is|are|was|should|be|a|an|the|who|and|with|aged?|years?|old|plays?|playing|age|range|skills?|between|in|his|her|their|s)\b/gi;

export function readCorrection(text: string, vocab: TalentVocabulary): Said | undefined {
  const listed = /\bskills?\s*:\s*(.+)$/i.exec(text);
  const body = listed ? text.slice(0, listed.index) : text;
  const parsed = parseTalentQueryRules(body.replace(/(\d{1,3})\s*(?:-|–|—|to)\s*(\d{1,3})/g, 'aged $1-$2'), vocab);
  const f = parsed.filters;
  const out: Said = {};
  const gender = f.gender ?? genderWord(body);
  if (gender) out.gender = gender;
  if (f.ageRange) out.ageRange = { min: f.ageRange.min, max: Math.min(f.ageRange.max, 120) };
  const skills = [...(f.skills ?? []), ...verbSkills(body, vocab), ...(listed?.[1]?.split(/\s*[,;]\s*|\s+and\s+/) ?? [])]
    .map((s) => s.trim())
    .filter(Boolean);
  if (skills.length) out.skills = [...new Set(skills)];
  if (f.languages?.length) out.languages = f.languages.map((l) => l.language);
  const rest = (parsed.freeText ?? '')
    .replace(JOINERS, ' ')
    .replace(/[^\p{L}\p{N}' -]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  // More than gender, age and skills was said: keep the team's own words, whole.
  if (rest.split(' ').filter((w) => w.length > 2).length >= 2) out.description = body.replace(/^[\s,:;-]+|[\s,.;:-]+$/g, '');
  return Object.keys(out).length ? out : undefined;
}

function genderWord(text: string): string | undefined {
  const word = /\b(male|female|non-binary|man|woman|boy|girl)\b/i.exec(text)?.[1];
  return word ? normalizeGender(word) : undefined;
}

/** "boxes", "rides", "sings": the roster's skill for what someone does ("boxing", "riding", "singing"). */
function verbSkills(text: string, vocab: TalentVocabulary): string[] {
  const known = new Map(vocab.skills.map((s) => [s.toLowerCase(), s]));
  const found: string[] = [];
  for (const word of text.toLowerCase().match(/\b[a-z]{3,}(?:es|s)\b/g) ?? []) {
    const stems = [word.replace(/es$/, ''), word.replace(/s$/, '')];
    const candidates = stems.flatMap((s) => [`${s}ing`, `${s.replace(/e$/, '')}ing`, `${s}${s.at(-1)}ing`]);
    const skill = candidates.map((c) => known.get(c)).find(Boolean);
    if (skill) found.push(skill);
  }
  return found;
}
