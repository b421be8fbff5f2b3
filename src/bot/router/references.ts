/**
 * Resolves references to what the channel last talked about: "shortlist for her" is the role last
 * discussed, "book the second one" the second person last listed. Unresolvable references are left
 * as written so the skill can say what it could not find.
 */
import type { ChannelMemory } from '../../memory/channel-memory.js';
import type { SkillId } from '../skill.js';
import { ordinalReference } from './rules.js';

const PRONOUNS = /^(her|him|them|it|this role|that role|the role|this one|that one)$/i;

export async function resolveReferences(
  skill: SkillId,
  args: Record<string, unknown>,
  memory: ChannelMemory,
): Promise<Record<string, unknown>> {
  const out = { ...args };
  if (
    (skill === 'propose-shortlist' || skill === 'book-audition') &&
    (out.role === undefined || (typeof out.role === 'string' && PRONOUNS.test(out.role)))
  ) {
    const last = await memory.lastRole();
    if (last) out.role = last;
    else if (skill === 'book-audition' && typeof out.role === 'string' && PRONOUNS.test(out.role)) delete out.role;
  }
  if (skill === 'book-audition' && typeof out.person === 'string') {
    const pos = ordinalReference(out.person);
    if (pos !== undefined) {
      const listed = await memory.lastListed();
      const index = pos === -1 ? (listed?.ids.length ?? 0) - 1 : pos - 1;
      const id = listed?.ids[index];
      if (id) out.person = id;
    } else if (PRONOUNS.test(out.person)) {
      const listed = await memory.lastListed();
      if (listed?.ids.length === 1 && listed.ids[0]) out.person = listed.ids[0];
    }
  }
  return out;
}
