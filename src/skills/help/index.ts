/**
 * Help, generated from the skill definitions themselves so it never drifts from what the bot does.
 */
import { z } from 'zod';
import { defineSkill, type SkillDefinition } from '../../bot/skill.js';
import { reply, type Reply } from '../../bot/reply.js';

const SLASH: Record<string, string> = {
  'search-talent': '/cast search QUERY',
  'analyze-script': '/cast analyze (with a screenplay attached, or upload one into the channel)',
  'propose-shortlist': '/cast shortlist ROLE',
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
    args: z.object({ topic: z.string().optional(), unknownCommand: z.string().optional() }),
    sideEffects: false,
    run: async (_ctx, args) =>
      helpReply(all(), args.unknownCommand ? `I don't know the command "${args.unknownCommand}". Here is what I can do:` : undefined),
  });
}
