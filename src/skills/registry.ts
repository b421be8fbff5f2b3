/** Every skill of the product, in help order. Adding a skill is one line here and one folder. */
import type { SkillDefinition, SkillId } from '../bot/skill.js';
import { searchTalentSkill } from './search-talent/index.js';
import { analyzeScriptSkill } from './analyze-script/index.js';
import { proposeShortlistSkill } from './propose-shortlist/index.js';
import { correctRoleSkill } from './correct-role/index.js';
import { bookAuditionSkill } from './book-audition/index.js';
import { makeStatusSkill, type StatusProvider } from './status/index.js';
import { makeHelpSkill } from './help/index.js';

export interface SkillRegistryOptions {
  /** The operations part's health picture; without it `/cast status` is not offered. */
  status?: StatusProvider;
}

export function createSkillRegistry(opts: SkillRegistryOptions = {}): Map<SkillId, SkillDefinition> {
  const skills: SkillDefinition[] = [];
  const help = makeHelpSkill(() => skills);
  skills.push(
    searchTalentSkill as unknown as SkillDefinition,
    analyzeScriptSkill as unknown as SkillDefinition,
    correctRoleSkill as unknown as SkillDefinition,
    proposeShortlistSkill as unknown as SkillDefinition,
    bookAuditionSkill as unknown as SkillDefinition,
  );
  if (opts.status) skills.push(makeStatusSkill(opts.status) as unknown as SkillDefinition);
  skills.push(help as unknown as SkillDefinition);
  return new Map(skills.map((s) => [s.id, s]));
}
