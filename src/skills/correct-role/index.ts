/**
 * correct-role: the team says what a role is ("STEEL is a man, 55–65, boxes", `/cast role STEEL
 * male 55-65 skills: boxing`), over what the analyzer inferred; "undo" takes the last change back.
 * Kept per script title in the channel, so it survives a restart and a re-analysis of a revised
 * draft. Changes only this conversation's own project and is undone in one word, so it is not
 * proposed for confirmation first.
 */
import { z } from 'zod';
import { defineSkill, type SkillContext } from '../../bot/skill.js';
import { errorReply, reply, type Reply } from '../../bot/reply.js';
import type { ProjectRecord } from '../../memory/records.js';
import { resolveRole } from '../../casting/talent/shortlist/resolve-role.js';
import { correctionsKey, describeCorrection, type CorrectionHistory, type RoleCorrection } from '../../casting/script/corrections.js';
import { readCorrection } from '../../casting/script/read-correction.js';
import { loadRoster } from '../../casting/talent/roster-cache.js';

/** Enough history to undo a morning's changes, not a record of every keystroke. */
const HISTORY = 20;

export const correctRoleArgs = z.object({
  role: z.string().trim().min(1).max(200).optional().describe('the role of the analyzed script'),
  text: z.string().trim().max(1000).optional().describe('what the role is: gender, age range, skills ("a man, 55-65, boxes")'),
  undo: z.boolean().optional().describe('take back the last change to the role'),
});
type Args = z.infer<typeof correctRoleArgs>;

export const correctRoleSkill = defineSkill({
  id: 'correct-role',
  description:
    'Set what a role of the analyzed script asks for (gender, age range, skills) over what was inferred, or undo the last change.',
  examples: ['STEEL is a man, 55-65, boxes', '/cast role STEEL male 55-65 skills: boxing', 'undo the change to STEEL'],
  args: correctRoleArgs,
  sideEffects: false,
  async run(ctx, args: Args) {
    const id = await ctx.memory.activeProjectId();
    const project = id ? await ctx.store.projects.get(id) : undefined;
    if (!project) return errorReply('No script has been analyzed in this conversation yet: upload one, then tell me about its roles.');
    const roleName = args.role ?? (args.undo ? await lastCorrected(ctx) : undefined);
    if (!roleName) return errorReply('Which role? e.g. “STEEL is a man, 55–65, boxes”, or “undo the change to STEEL”.');
    const found = resolveRole(project, roleName);
    if (found.kind === 'ambiguous')
      return errorReply(`“${roleName}” could be ${found.matches.map((m) => m.name).join(' or ')}: which one?`);
    if (found.kind !== 'role')
      return errorReply(`${project.title} has no role “${roleName}”. Its roles: ${project.roles.map((r) => r.name).join(', ')}.`);
    const role = found.role.name;
    const key = correctionsKey(ctx.memory.key, project.title);
    const history = (await ctx.store.channels.get<CorrectionHistory>(key, role)) ?? [];
    return args.undo ? undo(ctx, project, role, history) : set(ctx, project, role, history, args.text ?? '');
  },
});

async function set(ctx: SkillContext, project: ProjectRecord, role: string, history: CorrectionHistory, text: string): Promise<Reply> {
  const vocab = (await loadRoster(ctx.store, ctx.tenant)).vocabulary;
  const said = readCorrection(text, vocab);
  if (!said) {
    ctx.log.info({ role }, 'correction not understood');
    return errorReply(`I couldn't tell what ${role} should be from “${text}”. Say e.g. “${role} is a man, 55–65, boxes”.`);
  }
  const now = ctx.now();
  // A correction adds to the one in force: "STEEL is 55–65" after "STEEL is a man" keeps the man.
  const current = history.at(-1);
  const next: RoleCorrection = {
    ...(current
      ? {
          gender: current.gender,
          ageRange: current.ageRange,
          skills: current.skills,
          languages: current.languages,
          description: current.description,
        }
      : {}),
    ...said,
    setBy: ctx.message.user.name ?? ctx.message.user.id,
    setAt: now.toISOString(),
  };
  const clean = Object.fromEntries(Object.entries(next).filter(([, v]) => v !== undefined)) as unknown as RoleCorrection;
  await ctx.store.channels.set(correctionsKey(ctx.memory.key, project.title), role, [...history, clean].slice(-HISTORY));
  await ctx.memory.set(LAST_CORRECTED, role);
  ctx.log.info({ role, project: project.id }, 'role corrected');
  return confirmation(project, role, clean, `${role} now asks for: ${describeCorrection(clean)}.`);
}

async function undo(ctx: SkillContext, project: ProjectRecord, role: string, history: CorrectionHistory): Promise<Reply> {
  if (history.length === 0) return errorReply(`Nothing has been set for ${role}: it is as the script reads.`);
  const rest = history.slice(0, -1);
  const key = correctionsKey(ctx.memory.key, project.title);
  if (rest.length) await ctx.store.channels.set(key, role, rest);
  else await ctx.store.channels.delete(key, role);
  ctx.log.info({ role, project: project.id }, 'role correction undone');
  const before = rest.at(-1);
  if (before) return confirmation(project, role, before, `Undone. ${role} asks for: ${describeCorrection(before)}.`);
  const text = `Undone. ${role} is back to what the script says: ${inferredText(project, role)}.`;
  return reply(text)
    .section(text)
    .buttons([shortlistButton(role)])
    .build();
}

const LAST_CORRECTED = 'correct-role:last';

async function lastCorrected(ctx: SkillContext): Promise<string | undefined> {
  return (await ctx.memory.get<string>(LAST_CORRECTED)) ?? (await ctx.memory.lastRole());
}

function confirmation(project: ProjectRecord, role: string, c: RoleCorrection, text: string): Reply {
  const was = `The script says: ${inferredText(project, role)}.`;
  return reply(`${text} ${was}`)
    .section(text)
    .context(`${was} Set by ${c.setBy}; shortlists use it from now on.`)
    .buttons([shortlistButton(role), { label: 'Undo', action: { skill: 'correct-role', args: { role, undo: true } } }])
    .build();
}

function shortlistButton(role: string) {
  return { label: `Shortlist ${role}`, action: { skill: 'propose-shortlist' as const, args: { role } } };
}

function inferredText(project: ProjectRecord, role: string): string {
  const d = project.roles.find((r) => r.name === role)?.details ?? {};
  const age = Array.isArray(d.ageRange) ? `${d.ageRange[0]}–${d.ageRange[1]}` : undefined;
  return [typeof d.gender === 'string' ? d.gender : undefined, age].filter(Boolean).join(', ') || 'no gender or age';
}
