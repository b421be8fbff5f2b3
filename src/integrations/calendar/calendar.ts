/**
 * The casting team's calendar: Google Calendar in production (`google-calendar.ts`), the database
 * by default (`local-calendar.ts`). `index.ts` picks one from the configuration.
 */
import { CastMatchError } from '../../errors/castmatch-error.js';

/** A busy interval on somebody's calendar. */
export interface BusyInterval {
  start: Date;
  end: Date;
  calendar: string;
}

export interface CalendarEventInput {
  summary: string;
  description: string;
  start: Date;
  end: Date;
  timeZone: string;
  /**
   * Who is invited. `email` only where the calendar sends the invitation itself (Google): the
   * local calendar's .ics is posted into a channel, where talent contact details must not appear,
   * so its attendees carry `ref` (e.g. the talent id) instead.
   */
  attendees: { email?: string; name: string; ref?: string }[];
  /** Ask for a video link (Google Meet where Google is configured). */
  videoLink: boolean;
  /**
   * Stable id of what the event is for (the audition id). The local calendar makes it the
   * invitation's UID; Google derives the event id from it, so a retried insert cannot double-book.
   */
  uid?: string;
  /** Who arranged it, for the invitation's ORGANIZER (only written when an email is known). */
  organizer?: { name: string; email?: string };
}

export interface CalendarEvent {
  id: string;
  videoLink?: string;
  /** An RFC 5545 invitation to attach to the reply (local calendar). */
  ics?: Uint8Array;
  htmlLink?: string;
}

/** What a cancellation leaves behind: the local calendar's METHOD:CANCEL invitation. */
export interface CalendarCancellation {
  ics?: Uint8Array;
}

/** The casting team's calendar: Google Calendar in production, the database by default. */
export interface CalendarPort {
  readonly kind: 'google' | 'local';
  /**
   * Busy time on the given calendars. Google: calendar ids (an empty list means the configured
   * team calendars). Local: tenant keys, whose booked auditions are the busy time.
   */
  freeBusy(calendars: string[], from: Date, to: Date): Promise<BusyInterval[]>;
  create(event: CalendarEventInput): Promise<CalendarEvent>;
  update(id: string, event: CalendarEventInput): Promise<CalendarEvent>;
  /** Removes the event; an event that is already gone counts as removed. */
  delete(id: string): Promise<CalendarCancellation | void>;
}

/** The calendar call failed or did not answer in time: nothing may be assumed to have changed. */
export class CalendarError extends CastMatchError<'calendar_failed'> {
  /** True when the service did not answer in time: the change may still land on its side. */
  readonly timedOut: boolean;
  constructor(
    message: string,
    readonly status?: number,
    options?: { cause?: unknown; timedOut?: boolean },
  ) {
    super('calendar_failed', message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.timedOut = options?.timedOut ?? false;
  }
}
