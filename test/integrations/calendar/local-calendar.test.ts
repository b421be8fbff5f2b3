/** The embedded calendar: events kept in the database, invitations as RFC 5545 .ics. */
import { createTestStore } from '../../helpers/store.js';
import { LocalCalendar } from '../../../src/integrations/calendar/local-calendar.js';
import { foldLine } from '../../../src/integrations/calendar/invitation.js';
import type { Store } from '../../../src/memory/store.js';

let store: Store;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(async () => {
  await store?.close();
});

const now = new Date('2026-03-20T12:00:00Z');
const input = {
  uid: 'a1b2c3d4-0000-4000-8000-000000000001',
  summary: 'Audition: Meera Patil for MARIA',
  description: 'Audition of Meera Patil for the role of MARIA.',
  start: new Date('2026-03-29T09:00:00Z'),
  end: new Date('2026-03-29T09:20:00Z'),
  timeZone: 'Europe/London',
  attendees: [{ name: 'Meera Patil, Jr.', ref: 'T00072' }],
  videoLink: true,
  organizer: { name: 'Ana' },
};
const text = (b?: Uint8Array) => new TextDecoder().decode(b);
/** Unfolds RFC 5545 continuation lines. */
const unfold = (s: string) => s.replace(/\r\n /g, '');

test('a new event gives a REQUEST invitation in UTC with the attendee and no invented video link', async () => {
  const cal = new LocalCalendar({ store, now: () => now });
  const e = await cal.create(input);
  expect(e.id).toBe(input.uid);
  expect(e.videoLink).toBeUndefined();
  const ics = unfold(text(e.ics));
  expect(ics).toMatch(/^BEGIN:VCALENDAR\r\n/);
  expect(ics).toContain('METHOD:REQUEST');
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toContain(`UID:${input.uid}@castmatch`);
  expect(ics).toContain('DTSTART:20260329T090000Z');
  expect(ics).toContain('DTEND:20260329T092000Z');
  expect(ics).toContain('SEQUENCE:0');
  expect(ics).toContain('ATTENDEE;ROLE=REQ-PARTICIPANT;PARTSTAT=NEEDS-ACTION;CN="Meera Patil, Jr.":urn:castmatch:attendee:T00072');
  expect(ics).not.toContain('mailto:');
  // Every physical line is at most 75 octets (RFC 5545 §3.1).
  for (const line of text(e.ics).split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
});

test('a change keeps the UID and bumps SEQUENCE; a cancellation is METHOD:CANCEL; a second cancel is a no-op', async () => {
  const cal = new LocalCalendar({ store, now: () => now });
  const uid = 'a1b2c3d4-0000-4000-8000-000000000002';
  await cal.create({ ...input, uid });
  const moved = unfold(
    text((await cal.update(uid, { ...input, uid, start: new Date('2026-03-30T09:00:00Z'), end: new Date('2026-03-30T09:20:00Z') })).ics),
  );
  expect(moved).toContain(`UID:${uid}@castmatch`);
  expect(moved).toContain('SEQUENCE:1');
  expect(moved).toContain('DTSTART:20260330T090000Z');
  const cancelled = unfold(text((await cal.delete(uid)).ics));
  expect(cancelled).toContain('METHOD:CANCEL');
  expect(cancelled).toContain('STATUS:CANCELLED');
  expect(cancelled).toContain('SEQUENCE:2');
  expect(await cal.delete(uid)).toEqual({});
});

test('busy time is the tenant’s booked auditions', async () => {
  const cal = new LocalCalendar({ store, now: () => now });
  await store.auditions.insert({
    id: 'b1',
    tenant: 'local:w',
    channel: 'local:w:c',
    role: 'MARIA',
    talentId: 'T1',
    talentName: 'X',
    startsAt: new Date('2026-04-01T10:00:00Z'),
    endsAt: new Date('2026-04-01T10:20:00Z'),
    timeZone: 'UTC',
    status: 'booked',
    organizer: 'ana',
    createdAt: now,
    updatedAt: now,
  });
  expect(await cal.freeBusy(['local:w'], new Date('2026-04-01T00:00:00Z'), new Date('2026-04-02T00:00:00Z'))).toEqual([
    { start: new Date('2026-04-01T10:00:00Z'), end: new Date('2026-04-01T10:20:00Z'), calendar: 'local:w' },
  ]);
  expect(await cal.freeBusy(['local:other'], new Date('2026-04-01T00:00:00Z'), new Date('2026-04-02T00:00:00Z'))).toEqual([]);
});

test('long lines fold at 75 octets without splitting a character', () => {
  const line = `ATTENDEE;CN="${'é'.repeat(60)}":urn:x`;
  const folded = foldLine(line);
  expect(folded.replace(/\r\n /g, '')).toBe(line);
  for (const l of folded.split('\r\n')) expect(Buffer.byteLength(l)).toBeLessThanOrEqual(75);
});
