import type { SkillId } from '../skill.js';

/** What the router decided a message asks for. */
export type Route = RouteKind & {
  /** The sender had a question from the bot open: this turn answers or passes it over. */
  hadQuestion?: boolean;
};

type RouteKind =
  | { kind: 'skill'; skill: SkillId; args: Record<string, unknown>; via: RouteSource }
  | { kind: 'confirm'; confirmationId: string; accept: boolean; via: RouteSource }
  /** A roster file (CSV/JSON) shared into the conversation. */
  | { kind: 'import-roster'; fileIndex: number; via: RouteSource }
  /** Free text in a channel where nobody addressed the bot: stay quiet. */
  | { kind: 'ignore'; via: RouteSource };

export type RouteSource = 'action' | 'command' | 'pending' | 'answer' | 'file' | 'claude' | 'rules' | 'meaning' | 'fallback';

export const SKILL_IDS: readonly SkillId[] = [
  'search-talent',
  'analyze-script',
  'correct-role',
  'propose-shortlist',
  'book-audition',
  'status',
  'help',
];

export function isSkillId(s: string): s is SkillId {
  return (SKILL_IDS as readonly string[]).includes(s);
}
