/**
 * Google Calendar behind a breaker, with the calendar kept in the database as the fallback.
 * Free/busy lookups are retried with backoff and fall back to the local calendar (which knows the
 * auditions CastMatch booked, not the team's other meetings: the note says so). A new booking
 * falls back to a local event with an .ics invitation only while the breaker is open: a single
 * failed or timed-out insert may still have landed in Google, so the booking flow reports it (and
 * deletes the late event) rather than booking a second copy locally. Updates and deletions never
 * fall back: the event lives in Google, the local calendar does not know its id.
 */
import type { BusyInterval, CalendarEvent, CalendarEventInput, CalendarPort } from '../calendar/calendar.js';
import { BreakerOpenError } from './breaker.js';
import { announceFallback, guardedRead, portBreaker, type Guarded, type PortBreakerOptions } from './guard.js';
import { isOutage } from './outage.js';
import { CastMatchError } from '../../errors/castmatch-error.js';

export const FREEBUSY_DEGRADED_NOTE =
  'Google Calendar unavailable: used the local calendar instead (it only knows auditions booked through CastMatch)';
export const BOOKING_DEGRADED_NOTE =
  'Google Calendar unavailable: used the local calendar instead, with an .ics invitation rather than a Google event';

/** Google Calendar is down and the change cannot be made elsewhere. */
export class CalendarUnavailableError extends CastMatchError<'calendar_unavailable'> {
  constructor(what: string, options?: { cause?: unknown }) {
    super(
      'calendar_unavailable',
      `Google Calendar is unavailable right now, so the ${what} was not made; nothing was changed. Try again in a few minutes.`,
      { ...options, audience: 'user' },
    );
  }
}

export function breakerCalendar(
  primary: CalendarPort,
  fallback: CalendarPort | undefined,
  opts: PortBreakerOptions = {},
): CalendarPort & Guarded {
  const breaker = portBreaker('google-calendar', { timeoutMs: 5_000, ...opts });
  const budgetMs = 2 * (opts.timeoutMs ?? 5_000);

  const change = async <T>(what: string, fn: () => Promise<T>): Promise<T> => {
    try {
      return await breaker.run(fn);
    } catch (err) {
      if (err instanceof BreakerOpenError) throw new CalendarUnavailableError(what, { cause: err });
      throw err;
    }
  };

  return {
    kind: primary.kind,
    breaker,
    async freeBusy(calendars: string[], from: Date, to: Date): Promise<BusyInterval[]> {
      try {
        return await guardedRead(breaker, () => primary.freeBusy(calendars, from, to), { budgetMs, ...opts.retry });
      } catch (err) {
        if (!fallback || !isOutage(err)) throw err;
        announceFallback(opts, breaker, err, FREEBUSY_DEGRADED_NOTE);
        return fallback.freeBusy(calendars, from, to);
      }
    },
    async create(event: CalendarEventInput): Promise<CalendarEvent> {
      try {
        return await breaker.run(() => primary.create(event));
      } catch (err) {
        if (!(err instanceof BreakerOpenError)) throw err;
        if (!fallback) throw new CalendarUnavailableError('booking', { cause: err });
        announceFallback(opts, breaker, err, BOOKING_DEGRADED_NOTE);
        return fallback.create(event);
      }
    },
    update: (id: string, event: CalendarEventInput) => change('change to the event', () => primary.update(id, event)),
    delete: (id: string) => change('cancellation', () => primary.delete(id)),
  };
}
