/** What a reminder says: who, which role, when (in the audition's zone), how long until, the video link. */
import { reply, type Reply } from '../../../bot/reply.js';
import type { AuditionRecord } from '../../../memory/records.js';
import { formatSpan } from '../../../casting/auditions/time.js';

/** `toOrganizer`: the copy sent directly to who booked it, which says why they get it. */
export function reminderReply(a: AuditionRecord, now: Date, opts: { toOrganizer?: boolean } = {}): Reply {
  const inWords = untilInWords(a.startsAt.getTime() - now.getTime());
  const when = formatSpan(a.startsAt, a.endsAt, a.timeZone);
  const text = `Reminder: ${a.talentName} auditions for ${a.role} in ${inWords} — ${when}.`;
  const b = reply(text)
    .section(`⏰ ${text}`)
    .fields([...(a.videoLink ? [{ label: 'Video', value: a.videoLink }] : []), { label: 'Booked by', value: a.organizer }]);
  if (opts.toOrganizer) b.context('You booked this audition. The reminder is also posted in the conversation where it was booked.');
  return b.build();
}

/** "1 day", "1 hour", "2 hours 5 minutes": rounded to the minute (jobs run a poll interval late). */
export function untilInWords(ms: number): string {
  const total = Math.max(1, Math.round(ms / 60_000));
  const parts: [number, string][] = [
    [Math.floor(total / 1440), 'day'],
    [Math.floor((total % 1440) / 60), 'hour'],
    [total % 60, 'minute'],
  ];
  return parts
    .filter(([n]) => n > 0)
    .map(([n, unit]) => `${n} ${unit}${n === 1 ? '' : 's'}`)
    .join(' ');
}
