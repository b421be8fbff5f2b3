import { z } from 'zod';
import { defineSkill } from '../types.js';
import { textReply } from '../../bot/reply.js';

/** Slot for shortlists (issue 4). */
export const proposeShortlistSkill = defineSkill({
  id: 'propose-shortlist',
  description: 'Propose a ranked, explained shortlist of talent for a role of the analyzed script.',
  examples: ['shortlist for MARIA', 'who could play EDWARD?', 'top 3 candidates for JENNY'],
  args: z.object({ role: z.string().min(1, 'name the role'), limit: z.number().int().min(1).max(20).optional() }),
  sideEffects: false,
  run: async (_ctx, args) => textReply(`I will propose a shortlist for ${args.role} once talent search is installed.`),
});
