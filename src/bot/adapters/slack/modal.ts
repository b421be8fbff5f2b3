/**
 * The booking modal: a "Book" button whose action names a person but no time opens it (Slack's
 * native way to ask for several details at once); its submission becomes the same `book-audition`
 * action a button would carry, with the time and length filled in. Leaving the time empty lets the
 * skill suggest free slots, as it does everywhere else.
 */
import type { types } from '@slack/bolt';
import type { ActionPress } from '../../message.js';
import type { Where } from './parse.js';

export const BOOKING_CALLBACK = 'cast_book';
const DEFAULT_MINUTES = 30;

/** Where the booking was asked for and who for, kept in the view's private_metadata. */
export interface BookingMeta extends Where {
  person: string;
  role?: string | undefined;
  label: string;
}

/** A button that should ask for details first: a plain booking of one person, with no time yet. */
export function wantsBookingModal(action: ActionPress): boolean {
  const { op, when, session, person } = action.args;
  return action.skill === 'book-audition' && (op === undefined || op === 'book') && !when && !session && typeof person === 'string';
}

export function metaFor(action: ActionPress, where: Where, label: string): BookingMeta {
  const { person, role } = action.args as { person: string; role?: unknown };
  return { ...where, person, ...(typeof role === 'string' ? { role } : {}), label };
}

/** @param minutes the length offered (the workspace's AUDITION_MINUTES). */
export function bookingModal(meta: BookingMeta, minutes = DEFAULT_MINUTES): types.View {
  return {
    type: 'modal',
    callback_id: BOOKING_CALLBACK,
    private_metadata: JSON.stringify(meta),
    title: { type: 'plain_text', text: 'Book an audition' },
    submit: { type: 'plain_text', text: 'Continue' },
    close: { type: 'plain_text', text: 'Cancel' },
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `Audition for *${meta.role ?? 'the active role'}*${meta.label && meta.label !== 'Book' ? ` — ${meta.label}` : ''}. You will see the booking to confirm before anything is sent.`,
        },
      },
      {
        type: 'input',
        block_id: 'when',
        optional: true,
        label: { type: 'plain_text', text: 'When' },
        hint: { type: 'plain_text', text: 'In words ("Thursday 3pm") or ISO 8601. Leave empty to see free times.' },
        element: { type: 'plain_text_input', action_id: 'value', placeholder: { type: 'plain_text', text: 'Thursday 3pm' } },
      },
      {
        type: 'input',
        block_id: 'minutes',
        label: { type: 'plain_text', text: 'Length (minutes)' },
        element: {
          type: 'number_input',
          action_id: 'value',
          is_decimal_allowed: false,
          min_value: '5',
          max_value: '480',
          initial_value: String(minutes),
        },
      },
    ],
  };
}

/** The submission as a book-audition action, or the per-field errors Slack shows in the modal. */
export function readBookingSubmission(view: {
  private_metadata?: string;
  state?: { values?: Record<string, Record<string, { value?: string | null }>> };
}): { ok: true; meta: BookingMeta; action: ActionPress } | { ok: false; errors: Record<string, string> } {
  let meta: BookingMeta;
  try {
    meta = JSON.parse(view.private_metadata ?? '') as BookingMeta;
    if (typeof meta.person !== 'string' || typeof meta.channel !== 'string' || typeof meta.team !== 'string') throw new Error('incomplete');
  } catch {
    return { ok: false, errors: { when: 'This form has expired. Close it and press Book again.' } };
  }
  const values = view.state?.values ?? {};
  const when = values.when?.value?.value?.trim() ?? '';
  const minutesText = values.minutes?.value?.value?.trim() ?? String(DEFAULT_MINUTES);
  const minutes = Number(minutesText);
  if (!Number.isInteger(minutes) || minutes < 5 || minutes > 480) {
    return { ok: false, errors: { minutes: 'Enter a whole number of minutes between 5 and 480.' } };
  }
  const args: Record<string, unknown> = {
    person: meta.person,
    durationMinutes: minutes,
    ...(meta.role ? { role: meta.role } : {}),
    ...(when ? { when } : {}),
  };
  return { ok: true, meta, action: { skill: 'book-audition', args } };
}
