/** The replies of book-audition: confirmation cards, results, and the answers to things that went wrong. */
import { randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { errorReply, reply, type Button, type FileAttachment, type Reply } from '../../bot/reply.js';
import { CalendarError } from '../../integrations/calendar/calendar.js';
import type { AuditionRecord } from '../../memory/records.js';
import type { SkillContext } from '../../bot/skill.js';
import type { Busy } from '../../casting/auditions/busy.js';
import type { Interval } from '../../casting/auditions/slots.js';
import { formatSpan } from '../../casting/auditions/time.js';

/** A calendar failure, said plainly: what failed and that nothing was changed. */
export function calendarFailure(ctx: SkillContext, err: unknown, what: string): Reply {
  if (err instanceof CalendarError) {
    ctx.log.warn({ err, status: err.status, timedOut: err.timedOut }, `calendar refused: ${what}`);
    return errorReply(`${err.message}. Nothing was ${what}; try again in a moment.`);
  }
  const ref = randomUUID().slice(0, 8);
  ctx.log.error({ err, ref }, `could not complete: ${what}`);
  return errorReply(`I couldn't save that (reference ${ref}). Nothing was ${what}; try again in a moment.`);
}

/** Why a time is refused, and the next free times as buttons that book them instead. */
export function conflictReply(
  who: string,
  slot: Interval,
  clashes: Busy[],
  zone: string,
  suggestions: Interval[],
  book: (s: Interval) => Button['action'],
): Reply {
  const reasons = clashes.map((c) =>
    c.what === 'talent'
      ? `${who} already has an audition ${formatSpan(c.start, c.end, zone)}`
      : `the casting team's calendar is busy ${formatSpan(c.start, c.end, zone)}`,
  );
  const text = `${who} can't be seen ${formatSpan(slot.start, slot.end, zone)}: ${unique(reasons).join('; ')}.`;
  const b = reply(
    `${text}${suggestions.length ? ` Free: ${suggestions.map((s) => formatSpan(s.start, s.end, zone)).join(', ')}.` : ''}`,
  ).section(text);
  if (suggestions.length) {
    b.context('Next free times:');
    b.buttons(suggestions.map((s) => ({ label: DateTime.fromJSDate(s.start, { zone }).toFormat('ccc d LLL HH:mm'), action: book(s) })));
  } else {
    b.context('No free time in working hours over the next two weeks: name another day.');
  }
  return { ...b.build(), isError: true };
}

/** The .ics attachment of an invitation or cancellation. */
export function icsFile(
  a: Pick<AuditionRecord, 'talentName' | 'startsAt' | 'timeZone'>,
  data: Uint8Array,
  cancelled = false,
): FileAttachment {
  const day = DateTime.fromJSDate(a.startsAt, { zone: a.timeZone }).toFormat('yyyy-LL-dd-HHmm');
  const who = a.talentName
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return {
    name: `${cancelled ? 'cancelled-' : ''}audition-${who}-${day}.ics`,
    mimeType: 'text/calendar',
    data,
    title: `${cancelled ? 'Cancelled: ' : ''}audition of ${a.talentName}`,
  };
}

/** "Reminders: 1 day and 1 hour before". */
export function reminderNote(offsets: number[]): string {
  const words = offsets.map((m) =>
    m % 1440 === 0 ? plural(m / 1440, 'day') : m % 60 === 0 ? plural(m / 60, 'hour') : plural(m, 'minute'),
  );
  return words.length ? `Reminders go to this channel ${words.join(' and ')} before.` : 'No reminders are configured.';
}

const plural = (n: number, unit: string) => `${n} ${unit}${n === 1 ? '' : 's'}`;
const unique = (xs: string[]) => [...new Set(xs)];
