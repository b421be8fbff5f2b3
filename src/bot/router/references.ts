/**
 * Resolves references to what the channel last talked about: "shortlist for her" is the role last
 * discussed, "book the second one" the second person last listed, "move it" the audition last
 * discussed. Unresolvable references are left as written so the skill can say what it could not find.
 */
import type { ChannelMemory } from '../../memory/channel-memory.js';
import type { SkillId } from '../skill.js';
import { ordinalReference } from './rules.js';

const PRONOUNS = /^(her|him|them|it|this role|that role|the role|this one|that one)$/i;
const AUDITION_PRONOUNS = /^(it|that|this|her|him|them|that one|this one)$/i;

export async function resolveReferences(
  skill: SkillId,
  args: Record<string, unknown>,
  memory: ChannelMemory,
): Promise<Record<string, unknown>> {
  const out = { ...args };
  if (skill === 'propose-shortlist' && (out.role === undefined || (typeof out.role === 'string' && PRONOUNS.test(out.role)))) {
    const last = await memory.lastRole();
    if (last) out.role = last;
  }
  if (skill !== 'book-audition') return out;

  if (out.op === 'reschedule' || out.op === 'cancel') {
    // "move it", "cancel her audition": the audition last discussed, when there is one.
    if (!out.audition && (out.person === undefined || (typeof out.person === 'string' && AUDITION_PRONOUNS.test(out.person)))) {
      const last = await memory.lastAuditionId();
      if (last) {
        out.audition = last;
        delete out.person;
      }
    }
    return out;
  }
  if (out.op === 'list' || out.op === 'digest') return out;
  const listed = await memory.lastListed();
  if (typeof out.role === 'string' && PRONOUNS.test(out.role)) delete out.role;
  // The role comes from context only when the people on screen were shortlisted for it; after a
  // plain search, booking "the second one" must ask which role (a search has no role).
  if (out.role === undefined && listed?.source === 'shortlist' && listed.role) out.role = listed.role;
  if (typeof out.person === 'string') {
    const pos = ordinalReference(out.person);
    if (pos !== undefined) {
      const index = pos === -1 ? (listed?.ids.length ?? 0) - 1 : pos - 1;
      const id = listed?.ids[index];
      if (id) out.person = id;
    } else if (PRONOUNS.test(out.person) && listed?.ids.length === 1 && listed.ids[0]) {
      out.person = listed.ids[0];
    }
  }
  return out;
}
