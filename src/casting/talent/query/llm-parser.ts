/**
 * Query understanding through Claude: one forced `talent_query` tool call whose JSON schema is
 * generated from the same zod schema the rule parser fills. The answer is validated, mapped onto
 * the roster's own terms (anything the roster does not know goes back to the free text, as the
 * rules would leave it), and an ethnicity the user did not write is dropped. Any failure — an
 * LlmError, no tool call, invalid input — falls back to the rules.
 */
import { z } from 'zod';
import type { Logger } from 'pino';
import type { LanguageModel } from '../../../integrations/llm/language-model.js';
import { normTerm } from '../metadata.js';
import { talentQuerySchema, type TalentFilters, type TalentQuery } from './filter-schema.js';
import { lookMatcher } from './looks.js';
import { matchersFor } from './matchers.js';
import { parseTalentQueryRules } from './rule-parser.js';
import { resolveHeight } from './stature.js';
import { tokenize } from './tokens.js';
import type { PhraseMatcher } from './phrase-matcher.js';
import type { TalentVocabulary } from './vocabulary.js';

export const TALENT_QUERY_TOOL = 'talent_query';

/** The tool's input schema, from the zod schema (zod 4's own JSON Schema generator). */
export function talentQueryToolSchema(): Record<string, unknown> {
  const { $schema: _ignored, ...schema } = z.toJSONSchema(talentQuerySchema) as Record<string, unknown>;
  return schema;
}

function systemPrompt(v: TalentVocabulary): string {
  const list = (xs: string[]) => xs.slice(0, 80).join(', ') || '(none)';
  return [
    "You turn a casting director's talent search into filters for a roster search. Call the talent_query tool once.",
    'Put a requirement in a filter only when the request states it; everything else (look, type, experience, manner) goes to freeText.',
    'Playing age: "in her 30s" is 30-39, "mid-20s" 23-26, "around 40" 37-43, "teen" 13-19, "60+" 60-120, "kid" 5-12, "young" 18-30, "middle-aged" 40-60, "older" 50-120, "senior" 60-120, "elderly" 65-120.',
    'Height: explicit heights in whole cm ("over 185 cm" min 186, "under 5\'6" max 167, "6\'2" 186-190); for tall, short or petite set only height.word.',
    'Build and look words the bio should show (bald, burly, stocky, slim, athletic, red hair, beard…) go to looks.',
    '"speaks X" or "X-speaking" means minFluency fluent unless a level is given.',
    'Never infer an ethnicity from a name, language, place or accent: set ethnicity only when the request explicitly asks for one.',
    "Use the roster's own terms where they fit:",
    `languages: ${list(v.languages)}`,
    `skills: ${list(v.skills)}`,
    `accents: ${list(v.accents)}`,
    `cities: ${list(v.cities)}; countries: ${list(v.countries)}`,
    `unions: ${list(v.unions)}; genders: ${list(v.genders)}`,
  ].join('\n');
}

/** Maps a term onto the roster's vocabulary through the same matcher the rules use; undefined when unknown. */
function canonical(term: string, matcher: PhraseMatcher<string>, vocabTerms: string[]): string | undefined {
  const exact = vocabTerms.find((t) => normTerm(t) === normTerm(term));
  if (exact) return exact;
  const tokens = tokenize(term);
  const m = matcher.matchAt(tokens, 0);
  return m && m.length === tokens.length ? m.value : undefined;
}

/** Keeps what the roster knows; returns the rest as words for the free text. */
export function normalizeLlmQuery(q: TalentQuery, request: string, vocab: TalentVocabulary): TalentQuery {
  const m = matchersFor(vocab);
  const rest: string[] = [];
  const f: TalentFilters = {};
  const keep = (term: string | undefined, matcher: PhraseMatcher<string>, terms: string[]): string | undefined => {
    if (term === undefined) return undefined;
    const c = canonical(term, matcher, terms);
    if (!c) rest.push(term);
    return c;
  };
  const given = q.filters;
  if (given.gender) {
    const g = vocab.genders.find((x) => normTerm(x) === normTerm(given.gender!)) ?? m.gender.matchAt(tokenize(given.gender), 0)?.value;
    if (g) f.gender = g;
  }
  if (given.ageRange) f.ageRange = given.ageRange;
  const languages = (given.languages ?? []).flatMap((l) => {
    const c = keep(l.language, m.language, vocab.languages);
    return c ? [{ language: c, minFluency: l.minFluency }] : [];
  });
  if (languages.length) f.languages = languages;
  const skills = (given.skills ?? []).map((s) => keep(s, m.skill, vocab.skills)).filter((s): s is string => !!s);
  if (skills.length) f.skills = [...new Set(skills)];
  const accents = (given.accents ?? []).map((a) => keep(a, m.accent, vocab.accents)).filter((a): a is string => !!a);
  if (accents.length) f.accents = [...new Set(accents)];
  const city = keep(given.city, m.city, vocab.cities);
  if (city) f.city = city;
  const country = keep(given.country, m.country, vocab.countries);
  if (country) f.country = country;
  const union = keep(given.union, m.union, vocab.unions);
  if (union) f.union = union;
  if (given.ethnicity) {
    const e = canonical(given.ethnicity, m.ethnicity, vocab.ethnicities);
    // Only what the user wrote: a model that guessed an ethnicity is overruled.
    if (e && normTerm(request).includes(normTerm(given.ethnicity))) f.ethnicity = e;
  }
  if (given.height) {
    // The model gives the word; what it means on this roster is ours to say, per gender.
    const { byGender: _theirs, ...asked } = given.height;
    const h = resolveHeight(asked, f.gender, vocab.heights);
    if (h) f.height = h;
    else if (asked.word) rest.push(asked.word);
  }
  const looks = (given.looks ?? []).map((l) => keep(l, lookMatcher(), [])).filter((l): l is string => !!l);
  if (looks.length) f.looks = [...new Set(looks)];
  const freeText = [q.freeText.trim(), ...rest].filter(Boolean).join(' ');
  return { filters: f, freeText };
}

export interface LlmParseDeps {
  llm: LanguageModel;
  log: Logger;
}

/** Claude's reading of the request, or the rules' when Claude fails or answers something invalid. */
export async function parseTalentQueryWithLlm(
  deps: LlmParseDeps,
  text: string,
  vocab: TalentVocabulary,
): Promise<TalentQuery & { via: 'llm' | 'rules' }> {
  try {
    const call = await deps.llm.callTool({
      system: systemPrompt(vocab),
      user: text,
      tools: [{ name: TALENT_QUERY_TOOL, description: 'Filters and free text of a talent search.', inputSchema: talentQueryToolSchema() }],
      forceTool: TALENT_QUERY_TOOL,
      maxTokens: 600,
    });
    if (!call || call.tool !== TALENT_QUERY_TOOL) {
      deps.log.warn({ tool: call?.tool }, 'talent query: no talent_query tool call; using rules');
    } else {
      const parsed = talentQuerySchema.safeParse(call.input);
      if (parsed.success) return { ...normalizeLlmQuery(parsed.data, text, vocab), via: 'llm' };
      deps.log.warn(
        { issues: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`) },
        'talent query: invalid tool input; using rules',
      );
    }
  } catch (err) {
    deps.log.warn(
      { err: (err as Error).message, reason: (err as { reason?: string }).reason },
      'talent query: language model failed; using rules',
    );
  }
  return { ...parseTalentQueryRules(text, vocab), via: 'rules' };
}
