/** Every skill of the product, in help order. Adding a skill is one line here and one folder. */
import type { SkillDefinition, SkillId } from './types.js';
import { searchTalentSkill } from './search-talent/index.js';
import { analyzeScriptSkill } from './analyze-script/index.js';
import { proposeShortlistSkill } from './propose-shortlist/index.js';
import { bookAuditionSkill } from './book-audition/index.js';
import { makeHelpSkill } from './help/index.js';

export function createSkillRegistry(): Map<SkillId, SkillDefinition> {
  const skills: SkillDefinition[] = [];
  const help = makeHelpSkill(() => skills);
  skills.push(
    searchTalentSkill as unknown as SkillDefinition,
    analyzeScriptSkill as unknown as SkillDefinition,
    proposeShortlistSkill as unknown as SkillDefinition,
    bookAuditionSkill as unknown as SkillDefinition,
    help as unknown as SkillDefinition,
  );
  return new Map(skills.map((s) => [s.id, s]));
}
