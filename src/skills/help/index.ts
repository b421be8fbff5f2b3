/**
 * Help, generated from the skill definitions themselves so it never drifts from what the bot does.
 */
import { z } from 'zod';
import { defineSkill, type SkillContext, type SkillDefinition, type SkillId } from '../../bot/skill.js';
import { SKILL_IDS } from '../../bot/router/route.js';
import { argsFor } from '../../bot/router/extract-args.js';
import { reply, type Reply } from '../../bot/reply.js';

const SLASH: Record<string, string> = {
  'search-talent': '/cast search QUERY',
  'analyze-script': '/cast analyze (with a screenplay attached, or upload one into the channel)',
  'propose-shortlist': '/cast shortlist ROLE',
  'correct-role': '/cast role ROLE male 55-65 skills: boxing · /cast role ROLE undo',
  'book-audition': '/cast book PERSON for ROLE WHEN · /cast auditions this week',
  status: '/cast status',
};

export function helpReply(skills: SkillDefinition[], note?: string): Reply {
  const r = reply('CastMatch can search talent, analyze scripts, propose shortlists and book auditions. Try "/cast help".');
  r.heading('CastMatch: what I can do');
  if (note) r.section(note);
  for (const s of skills.filter((k) => k.id !== 'help')) {
    r.fields([
      { label: s.id, value: s.description },
      { label: 'Command', value: SLASH[s.id] ?? `/cast ${s.id}` },
      {
        label: 'Or say',
        value: s.examples
          .slice(0, 2)
          .map((e) => `"${e}"`)
          .join(' · '),
      },
    ]);
  }
  r.context(
    'Upload a screenplay (Fountain, Final Draft .fdx, PDF, text) to get its casting breakdown; upload a roster CSV to import talent.',
  );
  return r.build();
}

/** The help skill needs the list of all skills, so it is made by the registry. */
export function makeHelpSkill(all: () => SkillDefinition[]) {
  return defineSkill({
    id: 'help',
    description: 'Explain what CastMatch can do, with examples.',
    examples: ['help', 'what can you do?'],
    args: z.object({
      topic: z.string().optional(),
      unknownCommand: z.string().optional(),
      unrecognized: z.string().optional().describe('free text no skill took'),
      clarify: z.array(z.enum(SKILL_IDS)).max(3).optional().describe('skills the request could mean, nearly equally'),
      text: z.string().max(2000).optional().describe('the request being clarified'),
      dropped: z.boolean().optional().describe('the user let go of the question they were asked'),
    }),
    sideEffects: false,
    run: async (ctx, args) => {
      if (args.dropped) return reply("OK, I've let that go.").section("OK, I've let that go.").build();
      if (args.clarify?.length && args.text) return askWhichSkill(ctx, args.clarify, args.text);
      if (args.unrecognized !== undefined) return notUnderstood(ctx, args.unrecognized);
      return helpReply(
        all(),
        args.unknownCommand ? `I don't know the command "${args.unknownCommand}". Here is what I can do:` : undefined,
      );
    },
  });
}

const WHAT_IT_DOES: Record<SkillId, string> = {
  'search-talent': 'Search the roster',
  'propose-shortlist': 'Shortlist for a role',
  'book-audition': 'Book or change an audition',
  'analyze-script': 'Break down the script',
  'correct-role': 'Set what a role asks for',
  status: 'Check that I am working',
  help: 'See what I can do',
};

/** Two skills about equally likely: ask, with the request read both ways, rather than guess. */
function askWhichSkill(ctx: SkillContext, skills: SkillId[], text: string): Promise<Reply> {
  return ctx.ask({
    text: `Do you want me to ${skills.map((s) => WHAT_IT_DOES[s].toLowerCase()).join(' or ')}?`,
    slot: 'skill',
    args: {},
    choices: skills.map((skill) => ({ label: WHAT_IT_DOES[skill], skill, args: argsFor(skill, text, ctx.now()) })),
  });
}

const YES_OR_NO = /^\s*(?:yes|yep|yeah|no|nope|ok(?:ay)?|sure|confirm(?:ed)?|go ahead|do it|cancel)\s*[.!]*\s*$/i;

/**
 * Anything the bot could not place gets one line and up to three next steps that fit where the
 * channel is (no roster yet, no script yet, a shortlist on screen), never the whole help.
 */
async function notUnderstood(ctx: SkillContext, said: string): Promise<Reply> {
  if (YES_OR_NO.test(said))
    return reply("There's nothing waiting for a yes or no right now.")
      .section("There's nothing waiting for a yes or no right now.")
      .build();
  const hints: string[] = [];
  if ((await ctx.store.talent.count(ctx.tenant)) === 0) hints.push('Upload a roster (CSV or JSON) to search your talent.');
  if (!(await ctx.memory.activeProjectId())) hints.push('Upload a screenplay (Fountain, .fdx, PDF) for its casting breakdown.');
  else hints.push('“shortlist for ROLE” proposes people for a role of the script.');
  if (await ctx.memory.lastShortlistId()) hints.push('“book the first one Thursday 3pm” books from the last list.');
  hints.push('“find a tall actor in his forties” searches the roster.');
  const text = "I didn't catch that.";
  return reply(`${text} ${hints.slice(0, 3).join(' ')}`)
    .section(text)
    .context(hints.slice(0, 3).join('\n'))
    .buttons([{ label: 'What can you do?', action: { skill: 'help', args: {} } }])
    .build();
}
