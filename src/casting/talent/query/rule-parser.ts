/**
 * Rule-based query understanding: "Tamil-speaking woman in her 30s who rides horses, based in
 * Chennai" → { gender: female, ageRange: 30–39, languages: [Tamil ≥ fluent], skills: [horse riding],
 * city: Chennai } with no free text left; "tall bald actor over 185 cm" → { height: 186+ and tall
 * for each gender, looks: [bald] }. Words no rule claims stay in `freeText`, which is matched
 * by meaning and keywords. Ethnicity is only ever a filter when the request asks for it in so many
 * words ("South Asian woman", "of Black heritage"); it is never inferred from language or place.
 */
import type { Fluency } from '../../../memory/records.js';
import { extractAge } from './age.js';
import { readHeight } from './height.js';
import { lookMatcher } from './looks.js';
import { resolveHeight } from './stature.js';
import { matchersFor, type QueryMatchers } from './matchers.js';
import type { PhraseMatch } from './phrase-matcher.js';
import { PERSON_NOUNS } from './synonyms.js';
import { tokenize, type Token } from './tokens.js';
import type { TalentFilters, TalentQuery } from './filter-schema.js';
import type { TalentVocabulary } from './vocabulary.js';

const FLUENCY_HINTS: Record<string, Fluency> = {
  native: 'native',
  bilingual: 'native',
  fluent: 'fluent',
  fluently: 'fluent',
  proficient: 'fluent',
  conversational: 'conversational',
  intermediate: 'conversational',
  basic: 'basic',
  some: 'basic',
  little: 'basic',
};
const LANGUAGE_CUES = new Set([
  'speaks',
  'speak',
  'speaking',
  'speaker',
  'speakers',
  'language',
  'languages',
  'fluency',
  ...Object.keys(FLUENCY_HINTS),
]);
const LANGUAGE_AFTER = new Set(['speaking', 'speaker', 'speakers', 'language', 'languages', 'fluency']);
const CONNECTORS = new Set(['and', 'or', 'in', 'a', 'plus', 'also', 'with', 'both']);
const ACCENT_WORDS = new Set(['accent', 'accents', 'dialect', 'dialects']);
const ACCENT_BEFORE = new Set([
  'a',
  'an',
  'with',
  'does',
  'do',
  'can',
  'and',
  'or',
  'like',
  'good',
  'convincing',
  'strong',
  'light',
  'thick',
]);
const UNAMBIGUOUS_ACCENTS = new Set(['rp', 'received pronunciation']);
const ETHNICITY_CUES_AFTER = new Set(['ethnicity', 'descent', 'heritage', 'background', 'origin']);
const ETHNICITY_CUES_BEFORE = new Set(['ethnicity', 'ethnically']);
/** Gender words that also say something about type ("grieving mother"): they set gender but stay in the text. */
const KEEP_GENDER_WORDS = new Set([
  'mother',
  'grandmother',
  'daughter',
  'sister',
  'wife',
  'aunt',
  'father',
  'grandfather',
  'son',
  'brother',
  'husband',
  'uncle',
]);
/** Words that carry no meaning on their own: the free text is empty when only these are left. */
const FILLER = new Set([
  'find',
  'search',
  'show',
  'me',
  'us',
  'looking',
  'look',
  'for',
  'need',
  'needs',
  'want',
  'wanted',
  'seeking',
  'get',
  'someone',
  'somebody',
  'anyone',
  'anybody',
  'person',
  'people',
  'actor',
  'actors',
  'actress',
  'actresses',
  'performer',
  'performers',
  'talent',
  'who',
  'that',
  'which',
  'with',
  'and',
  'or',
  'a',
  'an',
  'the',
  'is',
  'are',
  'can',
  'could',
  'based',
  'in',
  'of',
  'from',
  'please',
  'i',
  'we',
  'has',
  'have',
  'also',
  'to',
  'at',
  'plus',
  'both',
  'all',
  'any',
  'some',
  'our',
  'my',
  'one',
  'ones',
  'playing',
  'play',
  'plays',
  'age',
  'aged',
  'area',
  'near',
  'around',
  'member',
  'members',
  'candidates',
  'options',
  'do',
  'does',
  'knows',
  'know',
  'able',
]);

interface State {
  tokens: Token[];
  used: boolean[];
  filters: TalentFilters;
  m: QueryMatchers;
}

/** Parses a request with the tenant's vocabulary. */
export function parseTalentQueryRules(text: string, vocab: TalentVocabulary): TalentQuery {
  const tokens = tokenize(text);
  const s: State = { tokens, used: tokens.map(() => false), filters: {}, m: matchersFor(vocab) };
  // Heights first: their "over" and "under" are not an age's.
  const height = readHeight(tokens, s.used, { relative: vocab.heights.all !== undefined });
  for (const i of height?.used ?? []) s.used[i] = true;
  const pronoun = takeAge(s);
  takeGender(s, pronoun);
  // Relative words need the gender: "tall" is taller for men than for women.
  const h = height && resolveHeight(height, s.filters.gender, vocab.heights);
  if (h) s.filters.height = h;
  takeLooks(s);
  takeSkills(s);
  takeAccents(s);
  takeLanguages(s);
  takeUnion(s);
  takeLocation(s);
  takeEthnicity(s);
  return { filters: s.filters, freeText: leftover(s) };
}

function use(s: State, from: number, to: number): void {
  for (let i = from; i <= to && i < s.used.length; i++) s.used[i] = true;
}

const norm = (s: State, i: number): string => s.tokens[i]?.norm ?? '';

function takeAge(s: State): 'her' | 'his' | undefined {
  const age = extractAge(s.tokens, s.used);
  if (!age) return undefined;
  s.filters.ageRange = age.range;
  for (const i of age.used) s.used[i] = true;
  return age.pronoun;
}

function takeLooks(s: State): void {
  const looks: string[] = [];
  for (const m of lookMatcher().findAll(s.tokens, s.used)) {
    if (!looks.includes(m.value)) looks.push(m.value);
    use(s, m.start, m.start + m.length - 1);
  }
  if (looks.length) s.filters.looks = looks;
}

function takeGender(s: State, pronoun: 'her' | 'his' | undefined): void {
  const found = new Set<string>();
  for (const m of s.m.gender.findAll(s.tokens, s.used)) {
    found.add(m.value);
    if (!(m.length === 1 && KEEP_GENDER_WORDS.has(norm(s, m.start)))) use(s, m.start, m.start + m.length - 1);
  }
  // "a man or a woman" asks for neither.
  if (found.size === 1) s.filters.gender = [...found][0]!;
  else if (found.size === 0 && pronoun) {
    const g = s.m.gender.matchAt([{ text: '', norm: pronoun === 'her' ? 'woman' : 'man' }], 0);
    if (g) s.filters.gender = g.value;
  }
}

function takeSkills(s: State): void {
  const skills: string[] = [];
  for (const m of s.m.skill.findAll(s.tokens, s.used)) {
    if (!skills.includes(m.value)) skills.push(m.value);
    use(s, m.start, m.start + m.length - 1);
  }
  // "baritone singer" yields "singing (baritone)" and "singing": keep the specific one.
  const specific = skills.filter((k) => !skills.some((o) => o !== k && o.toLowerCase().startsWith(`${k.toLowerCase()} (`)));
  if (specific.length) s.filters.skills = specific;
}

/** Walks left from `i` over tokens in `allowed` (and matches of `same`), returning the indices passed. */
function walkBack(s: State, i: number, allowed: Set<string>, same: (j: number) => PhraseMatch<string> | undefined, max = 6): number[] {
  const passed: number[] = [];
  for (let j = i - 1; j >= 0 && passed.length < max; j--) {
    if (allowed.has(norm(s, j)) || same(j)) passed.push(j);
    else break;
  }
  return passed;
}

function takeLanguages(s: State): void {
  const langAt = (j: number) => s.m.language.matchAt(s.tokens, j);
  const languages: NonNullable<TalentFilters['languages']> = [];
  for (const m of s.m.language.findAll(s.tokens, s.used)) {
    const end = m.start + m.length;
    if (ACCENT_WORDS.has(norm(s, end))) continue;
    const consumed: number[] = [];
    let fluency: Fluency | undefined;
    let cue = false;
    // After: "Tamil-speaking", "Tamil speaker", "Tamil (fluent)", "Tamil mother tongue", "Tamil and Telugu speakers".
    let k = end;
    if (FLUENCY_HINTS[norm(s, k)]) {
      fluency = FLUENCY_HINTS[norm(s, k)];
      cue = true;
      consumed.push(k);
      k++;
    }
    if (norm(s, k) === 'mother' && norm(s, k + 1) === 'tongue') {
      fluency = 'native';
      cue = true;
      consumed.push(k, k + 1);
    }
    let ahead = end;
    while (CONNECTORS.has(norm(s, ahead)) || langAt(ahead)) ahead++;
    if (LANGUAGE_AFTER.has(norm(s, ahead))) {
      cue = true;
      consumed.push(ahead);
    }
    // Before: "speaks fluent Tamil", "native Tamil and basic Hindi", "fluent in Hindi and Tamil".
    for (const j of walkBack(s, m.start, new Set([...LANGUAGE_CUES, ...CONNECTORS]), langAt)) {
      const w = norm(s, j);
      if (LANGUAGE_CUES.has(w)) {
        cue = true;
        consumed.push(j);
      }
      if (!fluency && FLUENCY_HINTS[w]) fluency = FLUENCY_HINTS[w];
      if (CONNECTORS.has(w)) consumed.push(j);
    }
    if (!cue) continue;
    use(s, m.start, end - 1);
    for (const j of consumed) s.used[j] = true;
    if (!languages.some((l) => l.language === m.value)) languages.push({ language: m.value, minFluency: fluency ?? 'fluent' });
  }
  if (languages.length) s.filters.languages = languages;
}

function takeAccents(s: State): void {
  const accentAt = (j: number) => s.m.accent.matchAt(s.tokens, j);
  const accents: string[] = [];
  for (const m of s.m.accent.findAll(s.tokens, s.used)) {
    const end = m.start + m.length;
    const phrase = s.tokens
      .slice(m.start, end)
      .map((t) => t.norm)
      .join(' ');
    let ahead = end;
    while (['and', 'or'].includes(norm(s, ahead)) || accentAt(ahead)) ahead++;
    const before = walkBack(s, m.start, new Set([...ACCENT_BEFORE, ...ACCENT_WORDS]), accentAt, 4);
    const cueAhead = ACCENT_WORDS.has(norm(s, ahead));
    // An "accent" word already claimed by an earlier accent ("New York accent, New York based") is not this one's cue.
    const cueBefore = before.some((j) => ACCENT_WORDS.has(norm(s, j)) && !s.used[j]);
    const unambiguous = UNAMBIGUOUS_ACCENTS.has(phrase) && (phrase !== 'rp' || s.tokens[m.start]!.text === 'RP');
    if (!cueAhead && !cueBefore && !unambiguous) continue;
    use(s, m.start, end - 1);
    if (cueAhead) s.used[ahead] = true;
    for (const j of before) if (ACCENT_WORDS.has(norm(s, j))) s.used[j] = true;
    if (!accents.includes(m.value)) accents.push(m.value);
  }
  if (accents.length) s.filters.accents = accents;
}

function takeUnion(s: State): void {
  const [m] = s.m.union.findAll(s.tokens, s.used);
  if (!m) return;
  s.filters.union = m.value;
  let end = m.start + m.length - 1;
  while (['member', 'members', 'union', 'eligible', 'card'].includes(norm(s, end + 1))) end++;
  use(s, m.start, end);
}

function takeLocation(s: State): void {
  for (const m of s.m.city.findAll(s.tokens, s.used)) {
    const end = m.start + m.length;
    if (ACCENT_WORDS.has(norm(s, end))) continue;
    s.filters.city = m.value;
    use(s, m.start, end - 1);
    if (norm(s, end) === 'based') s.used[end] = true;
    break;
  }
  for (const m of s.m.country.findAll(s.tokens, s.used)) {
    const end = m.start + m.length;
    const before = norm(s, m.start - 1) === 'the' ? m.start - 2 : m.start - 1;
    const cued = ['in', 'from'].includes(norm(s, before)) || norm(s, end) === 'based';
    // "us" is only the country when written "US".
    if (!cued || ACCENT_WORDS.has(norm(s, end)) || (m.length === 1 && norm(s, m.start) === 'us' && s.tokens[m.start]!.text !== 'US'))
      continue;
    s.filters.country = m.value;
    use(s, m.start, end - 1);
    break;
  }
}

function takeEthnicity(s: State): void {
  for (const m of s.m.ethnicity.findAll(s.tokens, s.used)) {
    const end = m.start + m.length;
    const next = norm(s, end);
    const explicit =
      PERSON_NOUNS.has(next) ||
      ETHNICITY_CUES_AFTER.has(next) ||
      ETHNICITY_CUES_BEFORE.has(norm(s, m.start - 1)) ||
      (norm(s, m.start - 1) === 'of' && ETHNICITY_CUES_AFTER.has(next));
    if (!explicit) continue;
    s.filters.ethnicity = m.value;
    use(s, m.start, end - 1);
    if (ETHNICITY_CUES_AFTER.has(next)) s.used[end] = true;
    return;
  }
}

/** The words no rule claimed, without filler at either end; empty when only filler is left. */
function leftover(s: State): string {
  const rest = s.tokens.filter((_, i) => !s.used[i]);
  let a = 0;
  let b = rest.length;
  while (a < b && FILLER.has(rest[a]!.norm)) a++;
  while (b > a && FILLER.has(rest[b - 1]!.norm)) b--;
  return rest
    .slice(a, b)
    .map((t) => t.text)
    .join(' ');
}
