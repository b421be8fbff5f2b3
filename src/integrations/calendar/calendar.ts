/** A busy interval on somebody's calendar. */
export interface BusyInterval { start: Date; end: Date; calendar: string }

export interface CalendarEventInput {
  summary: string;
  description: string;
  start: Date;
  end: Date;
  timeZone: string;
  attendees: { email?: string; name: string }[];
  /** Ask for a video link (Google Meet where Google is configured). */
  videoLink: boolean;
}

export interface CalendarEvent { id: string; videoLink?: string; ics?: Uint8Array; htmlLink?: string }

/** The casting team's calendar: Google Calendar in production, the database by default. */
export interface CalendarPort {
  readonly kind: 'google' | 'local';
  freeBusy(calendars: string[], from: Date, to: Date): Promise<BusyInterval[]>;
  create(event: CalendarEventInput): Promise<CalendarEvent>;
  update(id: string, event: CalendarEventInput): Promise<CalendarEvent>;
  delete(id: string): Promise<void>;
}
