import { z } from 'zod';
import { defineSkill } from '../types.js';
import { textReply } from '../../bot/reply.js';

/** Slot for talent search (issue 4): answers with what it will do until the search lands. */
export const searchTalentSkill = defineSkill({
  id: 'search-talent',
  description: 'Search the agency roster in plain language, with filters and meaning; every hit with its reasons.',
  examples: ['Tamil-speaking woman in her 30s who rides horses', 'find a tall actor in his forties with a deep voice'],
  args: z.object({ query: z.string().min(1, 'say who you are looking for'), limit: z.number().int().min(1).max(50).optional() }),
  sideEffects: false,
  run: async (_ctx, args) => textReply(`I will search the roster for "${args.query}" once the roster search is installed.`),
});
