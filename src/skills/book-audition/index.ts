/**
 * The book-audition skill: book one person or a whole shortlist, list, reschedule and cancel.
 * Every change is proposed first and carried out by `commit` after the user confirms; the
 * calendar, the stored audition and its reminders always change together.
 */
import { defineSkill } from '../../bot/skill.js';
import { bookAuditionArgs, type BookAuditionArgs } from './args.js';
import { proposeBooking } from './book.js';
import { listAuditions, proposeCancel, proposeReschedule } from './changes.js';
import { commitBooking } from './commit.js';
import { setDigest } from './digest.js';

export type { BookAuditionArgs } from './args.js';
/** Call in src/app.ts before the scheduler starts: defines the reminder job. */
export { registerAuditionJobs } from './jobs/index.js';

export const bookAuditionSkill = defineSkill({
  id: 'book-audition',
  description: 'Book, list, reschedule or cancel auditions: free/busy checks, invitations, reminders.',
  examples: [
    // The first three go into the Claude tool description: keep booking and listing among them.
    'book Meera for MARIA Thursday 3pm',
    'book the second one tomorrow at 11',
    'auditions this week',
    'book the shortlist for MARIA tomorrow from 10am, 20 minutes each',
    "reschedule Meera's audition to Friday 2pm",
    "cancel Omar's audition",
  ],
  args: bookAuditionArgs,
  sideEffects: true,
  async run(ctx, args: BookAuditionArgs) {
    switch (args.op ?? 'book') {
      case 'list':
        return listAuditions(ctx, args);
      case 'reschedule':
        return proposeReschedule(ctx, args);
      case 'cancel':
        return proposeCancel(ctx, args);
      case 'book':
        return proposeBooking(ctx, args);
      case 'digest':
        return setDigest(ctx, args);
    }
  },
  commit: commitBooking,
});
