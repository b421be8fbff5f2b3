/**
 * The channel's active project as the skills use it: the analyzed script with the team's
 * corrections to its roles in force (src/casting/script/corrections.ts).
 */
import type { SkillContext } from '../bot/skill.js';
import type { ProjectRecord } from '../memory/records.js';
import { correctedProject, loadCorrections, type CorrectionHistory } from '../casting/script/corrections.js';

export async function activeProject(ctx: SkillContext): Promise<ProjectRecord | undefined> {
  const id = await ctx.memory.activeProjectId();
  const project = id ? await ctx.store.projects.get(id) : undefined;
  return project && correctedProject(ctx.store.channels, ctx.memory.key, project);
}

/** Every role's corrections for the script of this title in this channel. */
export function roleCorrections(ctx: SkillContext, title: string): Promise<Record<string, CorrectionHistory>> {
  return loadCorrections(ctx.store.channels, ctx.memory.key, title);
}
