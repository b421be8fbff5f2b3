/**
 * RFC 5545 invitations built with the `ics` library: METHOD:REQUEST for a new or moved event
 * (same UID, SEQUENCE bumped on every change so calendar apps update rather than duplicate),
 * METHOD:CANCEL for a cancellation. Times are written in UTC, which every client reads the same.
 */
import { createEvent, type Attendee, type EventAttributes } from 'ics';
import { CalendarError } from './calendar.js';

/** The event as the local calendar keeps it (JSON-safe). */
export interface StoredEvent {
  summary: string;
  description: string;
  /** ISO 8601 instants. */
  start: string;
  end: string;
  timeZone: string;
  attendees: { email?: string; name: string; ref?: string }[];
  organizer?: { name: string; email?: string };
}

export interface InvitationInput {
  /** Stable per audition; `@castmatch` is appended to make it globally unique (RFC 5545 §3.8.4.7). */
  uid: string;
  sequence: number;
  method: 'REQUEST' | 'CANCEL';
  event: StoredEvent;
  /** DTSTAMP: when the invitation was made (the caller's clock, so tests can fix it). */
  now: Date;
}

export const PRODUCT_ID = '-//CastMatch//Auditions//EN';

/** The UID written into the invitation for an event id. */
export function invitationUid(id: string): string {
  return `${id}@castmatch`;
}

/** Builds the .ics text; throws CalendarError when the library rejects the event. */
export function buildInvitation(input: InvitationInput): string {
  const { event } = input;
  // ATTENDEE and ORGANIZER must carry an address (cal-address); people without one stay in the description.
  const attendees: Attendee[] = event.attendees
    .filter((a): a is { email: string; name: string } => Boolean(a.email))
    .map((a) => ({ name: a.name, email: a.email, rsvp: true, partstat: 'NEEDS-ACTION', role: 'REQ-PARTICIPANT' }));
  const organizer = event.organizer?.email ? { name: event.organizer.name, email: event.organizer.email } : undefined;
  const attributes: EventAttributes & { timestamp: number } = {
    productId: PRODUCT_ID,
    method: input.method,
    uid: invitationUid(input.uid),
    sequence: input.sequence,
    timestamp: input.now.getTime(),
    title: event.summary,
    description: event.description,
    start: new Date(event.start).getTime(),
    startInputType: 'utc',
    startOutputType: 'utc',
    end: new Date(event.end).getTime(),
    endInputType: 'utc',
    endOutputType: 'utc',
    status: input.method === 'CANCEL' ? 'CANCELLED' : 'CONFIRMED',
    ...(attendees.length ? { attendees } : {}),
    ...(organizer ? { organizer } : {}),
  };
  const { error, value } = createEvent(attributes);
  if (error || !value) throw new CalendarError(`could not build the invitation: ${error?.message ?? 'empty result'}`);
  return withAddresslessAttendees(
    value,
    event.attendees.filter((a) => !a.email),
  );
}

/**
 * The `ics` library writes `mailto:` addresses only. People whose address must stay private are
 * still attendees: RFC 5545 allows any URI as a cal-address, so they get a `urn:castmatch:` one.
 */
function withAddresslessAttendees(ics: string, people: { name: string; ref?: string }[]): string {
  if (people.length === 0) return ics;
  const lines = people.map((p) =>
    foldLine(
      `ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN=${paramValue(p.name)}:urn:castmatch:attendee:${encodeURIComponent(p.ref ?? p.name)}`,
    ),
  );
  return ics.replace(/\r\nEND:VEVENT/, `\r\n${lines.join('\r\n')}\r\nEND:VEVENT`);
}

/** A parameter value: quoted, since names hold spaces and commas; quotes themselves are not allowed. */
function paramValue(s: string): string {
  return `"${s.replace(/["\r\n]/g, '')}"`;
}

/** RFC 5545 §3.1: lines longer than 75 octets continue on the next line after CRLF and a space. */
export function foldLine(line: string): string {
  const bytes = new TextEncoder().encode(line);
  if (bytes.length <= 75) return line;
  const parts: string[] = [];
  let current = '';
  let size = 0;
  for (const ch of line) {
    const n = new TextEncoder().encode(ch).length;
    // The first line holds 75 octets, continuation lines 74 after their leading space.
    if (size + n > (parts.length === 0 ? 75 : 74)) {
      parts.push(current);
      current = '';
      size = 0;
    }
    current += ch;
    size += n;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

/** The invitation as an attachment body. */
export function invitationBytes(input: InvitationInput): Uint8Array {
  return new TextEncoder().encode(buildInvitation(input));
}
