/**
 * The `/cast` grammar: `/cast search …`, `/cast analyze`, `/cast shortlist ROLE`, `/cast book …`,
 * `/cast help`. Deterministic: a slash command is never guessed at.
 */
import type { SkillId } from '../skill.js';
import { parseRequest } from './rules.js';

export interface SlashRoute {
  skill: SkillId;
  args: Record<string, unknown>;
}

const SUBCOMMANDS: Record<string, SkillId> = {
  search: 'search-talent',
  find: 'search-talent',
  analyze: 'analyze-script',
  analyse: 'analyze-script',
  breakdown: 'analyze-script',
  shortlist: 'propose-shortlist',
  role: 'correct-role',
  book: 'book-audition',
  auditions: 'book-audition',
  reschedule: 'book-audition',
  cancel: 'book-audition',
  status: 'status',
  health: 'status',
  help: 'help',
};

export function parseSlash(text: string, now: Date): SlashRoute {
  const trimmed = text.trim();
  const [first = '', ...restWords] = trimmed.split(/\s+/);
  const sub = first.toLowerCase();
  const rest = restWords.join(' ');
  const skill = SUBCOMMANDS[sub];
  if (!skill) return { skill: 'help', args: trimmed ? { topic: trimmed, unknownCommand: first } : {} };
  switch (skill) {
    case 'search-talent':
      return { skill, args: { query: rest } };
    case 'analyze-script':
      return { skill, args: rest ? { file: rest } : {} };
    case 'propose-shortlist': {
      const limit = rest.match(/\s+(?:top\s+)?(\d{1,2})$/i);
      const role = (limit ? rest.slice(0, limit.index) : rest).replace(/^for\s+/i, '').trim();
      return { skill, args: { role, ...(limit?.[1] ? { limit: Number(limit[1]) } : {}) } };
    }
    case 'book-audition': {
      // Reuse the free-text understanding for the booking phrase, but the skill is fixed.
      const parsed = parseRequest(`${sub === 'auditions' ? 'auditions' : sub} ${rest}`, now);
      return { skill, args: parsed.skill === 'book-audition' ? parsed.args : { ...(rest ? { person: rest } : {}) } };
    }
    case 'correct-role': {
      // `/cast role STEEL male 55-65 skills: boxing`, `/cast role STEEL undo`: the role is the capitals.
      const [, role = '', said = ''] =
        /^\s*((?:[A-Z][A-Z'.-]*\s*)+?)(?:\s+(?=[a-z\d])(.*))?$/.exec(rest) ?? /^(\S+)\s*(.*)$/.exec(rest) ?? [];
      if (/^undo$/i.test(said.trim())) return { skill, args: { role: role.trim(), undo: true } };
      return { skill, args: { ...(role.trim() ? { role: role.trim() } : {}), ...(said.trim() ? { text: said.trim() } : {}) } };
    }
    case 'status':
      return { skill, args: {} };
    case 'help':
      return { skill, args: rest ? { topic: rest } : {} };
  }
}
