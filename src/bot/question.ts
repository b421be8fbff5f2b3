/** How a question the bot asks looks: the question, a hint under it, and its choices as buttons. */
import type { Question, SkillId } from './skill.js';
import { reply, type Reply } from './reply.js';

export function questionReply(skill: SkillId, { text, args, choices, hint }: Question): Reply {
  const b = reply(hint ? `${text} ${hint}` : text).section(text);
  if (hint) b.context(hint);
  if (choices?.length)
    b.buttons(choices.slice(0, 8).map((c) => ({ label: c.label, action: { skill: c.skill ?? skill, args: { ...args, ...c.args } } })));
  return b.build();
}
