/** Plain requests of every kind, and the skill each must reach on both routing paths. */
import type { SkillId } from '../../../src/bot/skill.js';

export const PLAIN_REQUESTS: [string, SkillId][] = [
  ['Tamil-speaking woman in her 30s who rides horses', 'search-talent'],
  ['find a tall actor in his forties with a deep voice', 'search-talent'],
  ['looking for a sinister villain type with a shaved head', 'search-talent'],
  ['analyze this script', 'analyze-script'],
  ['can you break down the screenplay?', 'analyze-script'],
  ['shortlist for MARIA', 'propose-shortlist'],
  ['who could play EDWARD?', 'propose-shortlist'],
  ['top 3 candidates for JENNY', 'propose-shortlist'],
  ['book Meera for MARIA Thursday 3pm', 'book-audition'],
  ['book the second one tomorrow at 11am', 'book-audition'],
  ['auditions this week', 'book-audition'],
  ['cancel the audition with Omar', 'book-audition'],
  ['help', 'help'],
  ['what can you do?', 'help'],
];
