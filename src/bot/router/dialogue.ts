/**
 * Questions the bot asked and the answers it takes. When a skill asks "which role?" or "when?",
 * the question is kept for the person it was asked of; their next message is read as its answer
 * unless it is plainly a new request. A new request for the same skill keeps what was already said.
 */
import * as chrono from 'chrono-node';
import type { SkillId, Slot } from '../skill.js';
import type { ParsedRequest } from './rules.js';
import { ordinalReference } from './rules.js';
import { normalizeRequest } from './normalize.js';
import { shiftMinutes } from './extract-args.js';

export interface OpenQuestion {
  skill: SkillId;
  slot: Slot;
  /** What the request already said; the answer is added to it. */
  args: Record<string, unknown>;
  /** The choices offered, in order: "the second" or a typed label picks one. */
  choices?: { label: string; skill?: SkillId; args: Record<string, unknown> }[];
}

export const questionField = (userId: string) => `asking:${userId}`;
export const QUESTION_TTL_MS = 15 * 60_000;

export type Answer = { skill: SkillId; args: Record<string, unknown> };

/**
 * The message as an answer to the open question, or undefined when it is not one (a plain new
 * request, or something that does not fit the question).
 */
export function answerQuestion(q: OpenQuestion, text: string, parsed: ParsedRequest, now: Date): Answer | undefined {
  const t = normalizeRequest(text).replace(/[.!?]+$/, '');
  const choice = pickChoice(q, t);
  if (choice) return choice;
  // Describing someone is what "who should I look for?" asks for, though alone it would be a search.
  const describesAnswer = q.slot === 'criteria' && parsed.skill === 'search-talent';
  if (parsed.sure && parsed.skill !== 'help' && !describesAnswer) {
    // "book her for Thursday 11am" after "When should the audition be?": the same request, completed.
    const sameOp = (parsed.args.op ?? 'book') === (q.args.op ?? 'book');
    if (parsed.skill === q.skill && sameOp) return { skill: q.skill, args: { ...q.args, ...definite(parsed.args) } };
    return undefined;
  }
  // "yes" is no role, person or time; with nothing to confirm it falls through to its own answer.
  if (/^(yes|yep|yeah|no|nope|ok(ay)?|sure|thanks|thank you|cheers)$/i.test(t)) return undefined;
  const value = slotValue(q.slot, t, now, typeof q.args.day === 'string' ? q.args.day : undefined);
  if (!value) return undefined;
  const { day: _asked, ...asked } = q.args;
  return { skill: q.skill, args: { ...asked, ...value } };
}

function pickChoice(q: OpenQuestion, t: string): Answer | undefined {
  if (!q.choices?.length) return undefined;
  const pos = ordinalReference(t.replace(/^(?:the\s+)?/i, 'the '));
  const byPosition = pos === undefined ? undefined : q.choices[pos === -1 ? q.choices.length - 1 : pos - 1];
  const lower = t.toLowerCase().replace(/^(?:for\s+|the\s+|a\s+|an\s+)/, '');
  const byLabel = q.choices.find((c) => {
    const label = c.label.toLowerCase().replace(/^(?:a|an|the)\s+/, '');
    return label === lower || (lower.length >= 3 && label.startsWith(lower));
  });
  const c = byPosition ?? byLabel;
  return c ? { skill: c.skill ?? q.skill, args: { ...q.args, ...c.args } } : undefined;
}

/** @param day the day already given, when the question was "What time on Friday?" */
function slotValue(slot: Slot, t: string, now: Date, day?: string): Record<string, unknown> | undefined {
  switch (slot) {
    case 'when': {
      const shift = shiftMinutes(t);
      if (shift !== undefined) return { shiftMinutes: shift };
      const [d] = chrono.parse(t, now, { forwardDate: true });
      if (!d) return undefined;
      const dayGiven = d.start.isCertain('day') || d.start.isCertain('weekday');
      return { when: day && !dayGiven ? `${day} at ${d.text}` : d.text };
    }
    case 'role': {
      const role = t
        .replace(/^(?:it'?s\s+|it\s+is\s+|for\s+)?(?:the\s+)?(?:(?:role|part)\s+of\s+)?/i, '')
        .replace(/\s+(?:please|thanks)$/i, '')
        .trim();
      return role && role.split(/\s+/).length <= 4 ? { role } : undefined;
    }
    case 'person': {
      const person = t.replace(/^(?:it'?s\s+|with\s+)/i, '').trim();
      return person && person.split(/\s+/).length <= 4 ? { person } : undefined;
    }
    case 'criteria': {
      if (/\b(any(one|body)?|either|doesn'?t matter|no preference|whoever|all)\b/i.test(t)) return { anyone: true };
      const describes = /\b(m[ae]n|wom[ae]n|male|female|boy|girl|guy|lady|non-binary|\d0s|young|old|older|teen|kid)\b/i.test(t);
      return describes || t.split(/\s+/).length >= 3 ? { description: t } : undefined;
    }
    case 'skill':
      return undefined;
  }
}

/** Arguments a new request states outright; references to "it" and "her" defer to what was asked. */
function definite(args: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(
    Object.entries(args).filter(([k, v]) => !(typeof v === 'string' && /^(it|her|him|them|that|this)$/i.test(v)) && k !== 'op'),
  );
}
