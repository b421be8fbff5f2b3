import { z } from 'zod';
import { defineSkill } from '../types.js';
import { textReply } from '../../bot/reply.js';

/** Slot for audition booking (issue 5). */
export const bookAuditionSkill = defineSkill({
  id: 'book-audition',
  description: 'Book, list, reschedule or cancel auditions: free/busy checks, invitations, reminders.',
  examples: ['book Meera for MARIA Thursday 3pm', 'book the second one tomorrow at 11', 'auditions this week'],
  args: z.object({
    person: z.string().optional(), role: z.string().optional(), when: z.string().optional(),
    durationMinutes: z.number().int().positive().optional(), session: z.boolean().optional(),
    op: z.enum(['book', 'list', 'reschedule', 'cancel']).optional(), audition: z.string().optional(), range: z.string().optional(),
  }),
  sideEffects: true,
  run: async (_ctx, args) => textReply(`I will ${args.op ?? 'book'} auditions${args.person ? ` for ${args.person}` : ''} once booking is installed.`),
});
