/** The arguments of book-audition, shared by the slash grammar, the rule parser and the Claude tool. */
import { z } from 'zod';

export const bookAuditionArgs = z.object({
  op: z
    .enum(['book', 'list', 'reschedule', 'cancel', 'digest'])
    .optional()
    .describe('what to do; book when omitted; digest turns the daily morning digest on or off'),
  enable: z.boolean().optional().describe('for digest: on (true, the default) or off'),
  person: z.string().trim().min(1).optional().describe('a name on the roster, or a talent id'),
  role: z.string().trim().min(1).optional().describe('the role of the analyzed script'),
  when: z.string().trim().min(1).optional().describe('the start, in words ("Thursday 3pm") or ISO 8601'),
  durationMinutes: z.number().int().min(5).max(480).optional().describe('length of each audition'),
  shiftMinutes: z
    .number()
    .int()
    .min(-7 * 24 * 60)
    .max(7 * 24 * 60)
    .optional()
    .describe('for reschedule: move by this many minutes ("push it an hour" = 60, "half an hour earlier" = -30)'),
  session: z.boolean().optional().describe('book everyone on the last shortlist back to back'),
  audition: z.string().optional().describe('id of an audition to reschedule or cancel'),
  range: z.string().optional().describe('for listings: today, tomorrow, this week, next week, upcoming'),
});

export type BookAuditionArgs = z.infer<typeof bookAuditionArgs>;

/** What a confirmation carries to `commit` (JSON in the database, so dates are ISO strings). */
export type BookingPayload =
  | {
      kind: 'book';
      role: string;
      projectId?: string;
      timeZone: string;
      items: { talentId: string; talentName: string; start: string; end: string }[];
    }
  | { kind: 'reschedule'; auditionId: string; start: string; end: string; timeZone: string }
  | { kind: 'cancel'; auditionId: string };
