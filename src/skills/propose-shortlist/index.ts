/**
 * The propose-shortlist skill: top N people for a role of the channel's active project (or a role
 * described in words), with reasons, saved as the channel's shortlist. Each card has Book, Remove
 * and More like this. Nothing is booked here: "Book" hands over to book-audition, which asks first.
 */
import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { defineSkill, type SkillContext } from '../../bot/skill.js';
import { errorReply, reply, type Button, type Reply } from '../../bot/reply.js';
import type { ProjectRecord, ShortlistRecord } from '../../memory/records.js';
import { talentDepsFrom } from '../deps.js';
import { activeProject } from '../project.js';
import { loadRoster } from '../../casting/talent/roster-cache.js';
import { addTalentCard, cardLine } from '../render/talent-cards.js';
import { describeFilters } from '../../casting/talent/query/filter-schema.js';
import { DEFAULT_SHORTLIST_SIZE, saysNothing, shortlistRole, type ShortlistRoleResult } from '../../casting/talent/shortlist/index.js';

export const proposeShortlistArgs = z.object({
  role: z.string().trim().min(1).optional().describe('the role; asked for when missing'),
  limit: z.number().int().min(1).max(20).optional(),
  description: z.string().trim().max(1000).optional().describe('the role in words, when it is not a role of the analyzed script'),
  exclude: z.array(z.string()).max(200).optional().describe('talent ids to leave out'),
  include: z.array(z.string()).max(20).optional().describe('talent ids to put on the list'),
  at: z.string().optional().describe('ISO 8601 date-time of a planned audition: people already booked then are left out'),
  anyone: z.boolean().optional().describe('rank the whole roster although the role states no gender, age or skill'),
});

type Args = z.infer<typeof proposeShortlistArgs>;

function roleButtons(project: ProjectRecord, roles = project.roles): Button[] {
  return roles.slice(0, 5).map((r) => ({ label: `Shortlist ${r.name}`, action: { skill: 'propose-shortlist', args: { role: r.name } } }));
}

function failureReply(result: Extract<ShortlistRoleResult, { ok: false }>): Reply {
  const r = result.resolution;
  switch (r.kind) {
    case 'unknown-role': {
      const names = r.project.roles.map((x) => x.name);
      const text = names.length
        ? `${r.project.title} has no role “${r.role}”. Its roles: ${names.join(', ')}.`
        : `${r.project.title} has no roles yet. Describe the role instead, e.g. “shortlist a tough cop in his 50s”.`;
      return { ...reply(text).section(text).buttons(roleButtons(r.project)).build(), isError: true };
    }
    case 'ambiguous': {
      const text = `“${r.role}” could be ${r.matches.map((m) => m.name).join(' or ')}: which one?`;
      return reply(text).section(text).buttons(roleButtons(r.project, r.matches)).build();
    }
    case 'nothing-to-go-on':
      return errorReply(
        `I don't know the role “${r.role}”: no script has been analyzed in this channel. Upload a script and ask me to analyze it, or describe the role, e.g. “shortlist a tough cop in his 50s who boxes”.`,
      );
  }
}

/** A role the script says nothing about: ask who to look for rather than rank the whole roster. */
function askForCriteria(ctx: SkillContext, role: string, args: Args): Promise<Reply> {
  return ctx.ask({
    text: `The script says nothing about who ${role} is (no gender, age or description). Who should I look for?`,
    hint: `Describe them, e.g. “a woman in her 30s”, or choose.`,
    slot: 'criteria',
    args: { ...args, role },
    choices: [
      { label: 'A man', args: { description: 'a man' } },
      { label: 'A woman', args: { description: 'a woman' } },
      { label: 'Anyone', args: { anyone: true } },
    ],
  });
}

/** "shortlist" with no role: ask which, offering the script's roles, the one last discussed first. */
async function askForRole(ctx: SkillContext, args: Args, project: ProjectRecord | undefined): Promise<Reply> {
  const names = project?.roles.map((r) => r.name) ?? [];
  return ctx.ask({
    text: 'Which role should I shortlist for?',
    hint: names.length
      ? 'Pick one, or describe the part.'
      : 'Name a role of the analyzed script, or describe the part, e.g. “a tough cop in his 50s who boxes”.',
    slot: 'role',
    args: { ...args },
    choices: names.slice(0, 8).map((name) => ({ label: name, args: { role: name } })),
  });
}

function parseAt(at: string | undefined): Date | undefined | 'invalid' {
  if (at === undefined) return undefined;
  const d = new Date(at);
  return Number.isNaN(d.getTime()) ? 'invalid' : d;
}

export const proposeShortlistSkill = defineSkill({
  id: 'propose-shortlist',
  description: 'Propose a ranked, explained shortlist of talent for a role of the analyzed script, or for a role described in words.',
  examples: ['shortlist for MARIA', 'who could play EDWARD?', 'top 3 candidates for JENNY', 'shortlist a tough cop in his 50s who boxes'],
  args: proposeShortlistArgs,
  sideEffects: false,
  async run(ctx, args: Args) {
    const at = parseAt(args.at);
    if (at === 'invalid') return errorReply(`“${args.at}” is not a date and time I can read; use e.g. 2026-03-14T15:00:00Z.`);
    const project = await activeProject(ctx);
    const limit = args.limit ?? DEFAULT_SHORTLIST_SIZE;
    // "shortlist a tough cop in his 50s": the description is the role.
    const role = args.role ?? (args.description ? args.description : undefined);
    if (!role) return askForRole(ctx, args, project);
    const result = await shortlistRole(talentDepsFrom(ctx), {
      tenant: ctx.tenant,
      role,
      limit,
      ...(project ? { project } : {}),
      ...(args.description && args.role ? { description: args.description } : {}),
      ...(args.exclude ? { exclude: args.exclude } : {}),
      ...(args.include ? { include: args.include } : {}),
      ...(at ? { at, auditionMinutes: ctx.services.config.AUDITION_MINUTES } : {}),
    });
    if (!result.ok) return failureReply(result);

    const { criteria, outcome } = result;
    if (saysNothing(criteria) && !args.anyone) return askForCriteria(ctx, criteria.role, args);
    const roster = await loadRoster(ctx.store, ctx.tenant);
    const wants = describeFilters(outcome.applied);
    if (outcome.entries.length === 0) {
      const text =
        roster.profiles.length === 0
          ? 'The roster is empty: upload a roster CSV or JSON here (the columns are in docs/roster-format.md).'
          : `No one on the roster fits ${criteria.role}${wants ? ` (${wants})` : ''}.`;
      return reply(text).section(text).build();
    }

    const record: ShortlistRecord = {
      id: randomUUID(),
      channel: ctx.memory.key,
      role: criteria.role,
      createdAt: ctx.now(),
      ...(result.resolution.kind === 'role' ? { projectId: result.resolution.project.id } : {}),
      entries: outcome.entries.map((e) => ({ talentId: e.id, name: e.name, score: e.score, reasons: e.reasons })),
    };
    await ctx.store.shortlists.save(record);
    await ctx.memory.setLastShortlist(record.id);
    await ctx.memory.setLastRole(criteria.role);
    await ctx.memory.setLastListed({
      ids: record.entries.map((e) => e.talentId),
      names: record.entries.map((e) => e.name),
      source: 'shortlist',
      role: criteria.role,
    });

    const title = result.resolution.kind === 'role' ? `${criteria.role} — ${result.resolution.project.title}` : criteria.role;
    const lines = outcome.entries.map((h, i) => cardLine(i + 1, roster.byId.get(h.id), h));
    const b = reply(`Shortlist for ${title}:\n${lines.join('\n')}`).heading(`Shortlist: ${title}`);
    if (wants) b.context(`Wants: ${wants}`);
    const excluded = args.exclude ?? [];
    outcome.entries.forEach((hit, i) => {
      addTalentCard(b, i + 1, roster.byId.get(hit.id), hit, [
        { label: 'Book', style: 'primary', action: { skill: 'book-audition', args: { person: hit.id, role: criteria.role } } },
        {
          label: 'Remove',
          action: {
            skill: 'propose-shortlist',
            args: {
              role: criteria.role,
              limit,
              exclude: [...excluded, hit.id],
              ...(args.description && args.role ? { description: args.description } : {}),
              ...(args.at ? { at: args.at } : {}),
            },
          },
        },
        { label: 'More like this', action: { skill: 'search-talent', args: { query: `like ${hit.id}` } } },
      ]);
    });
    for (const note of outcome.notes) b.context(note);
    if (outcome.skippedBusy.length) b.context(`Left out ${outcome.skippedBusy.length} already booked for an audition at that time.`);
    if (outcome.skippedDuplicates.length) b.context(`Skipped ${outcome.skippedDuplicates.length} near-duplicate profile(s).`);
    return b.build();
  },
});
