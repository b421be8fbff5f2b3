/** Query understanding: Claude when configured, the rules otherwise (and whenever Claude fails). */
import type { Logger } from 'pino';
import type { LanguageModel } from '../../../integrations/llm/language-model.js';
import type { TalentQuery } from './filter-schema.js';
import { parseTalentQueryWithLlm } from './llm-parser.js';
import { parseTalentQueryRules } from './rule-parser.js';
import type { TalentVocabulary } from './vocabulary.js';

export * from './filter-schema.js';
export type { TalentVocabulary } from './vocabulary.js';

export async function understandQuery(
  text: string,
  vocab: TalentVocabulary,
  deps: { llm?: LanguageModel; log: Logger },
): Promise<TalentQuery & { via: 'llm' | 'rules' }> {
  if (deps.llm) return parseTalentQueryWithLlm({ llm: deps.llm, log: deps.log }, text, vocab);
  return { ...parseTalentQueryRules(text, vocab), via: 'rules' };
}
