/** Reading times in a zone, around Europe/London's daylight-saving changes (29 March and 25 October 2026). */
import { parseWhen, rangeFor } from '../../../src/casting/auditions/time.js';
import { reminderTimes } from '../../../src/casting/auditions/reminders.js';
import { nextFreeSlots, sessionSlots, DEFAULT_WINDOW } from '../../../src/casting/auditions/slots.js';

const LONDON = 'Europe/London';
const start = (text: string, now: string, zone = LONDON) => {
  const r = parseWhen(text, zone, new Date(now));
  if (!r.ok) throw new Error(r.message);
  return r.start.toJSDate().toISOString();
};

describe('spring forward (Sunday 29 March 2026, 01:00 GMT → 02:00 BST)', () => {
  // Asked on Friday 27 March, in GMT.
  const now = '2026-03-27T12:00:00Z';
  test('10:00 on either side of the change lands on the right instant', () => {
    expect(start('Saturday 10am', now)).toBe('2026-03-28T10:00:00.000Z'); // GMT
    expect(start('Sunday 10am', now)).toBe('2026-03-29T09:00:00.000Z'); // BST
    expect(start('Monday at 10:00', now)).toBe('2026-03-30T09:00:00.000Z');
  });
  test('the 24 h reminder of a 10:00 audition is at 10:00 the day before, whatever the offset', () => {
    const [day, hour] = reminderTimes(new Date('2026-03-29T09:00:00Z'), LONDON, [1440, 60]);
    expect(day!.at.toISOString()).toBe('2026-03-28T10:00:00.000Z'); // Saturday 10:00 GMT
    expect(hour!.at.toISOString()).toBe('2026-03-29T08:00:00.000Z'); // Sunday 09:00 BST
  });
  test('a wall time the clocks skip is refused', () => {
    const r = parseWhen('Sunday 1:30am', LONDON, new Date(now));
    expect(r).toMatchObject({ ok: false, reason: 'nonexistent' });
  });
});

describe('fall back (Sunday 25 October 2026, 02:00 BST → 01:00 GMT)', () => {
  const now = '2026-10-23T12:00:00Z';
  test('10:00 on either side of the change lands on the right instant', () => {
    expect(start('Saturday 10am', now)).toBe('2026-10-24T09:00:00.000Z'); // BST
    expect(start('Sunday 10am', now)).toBe('2026-10-25T10:00:00.000Z'); // GMT
  });
  test('the 24 h reminder of Sunday 10:00 GMT is Saturday 10:00 BST', () => {
    const [day] = reminderTimes(new Date('2026-10-25T10:00:00Z'), LONDON, [1440]);
    expect(day!.at.toISOString()).toBe('2026-10-24T09:00:00.000Z');
  });
  test('a session across the repeated hour keeps real 20-minute slots', () => {
    const slots = sessionSlots(
      new Date('2026-10-25T00:40:00Z'),
      20,
      0,
      [],
      { zone: LONDON, ...DEFAULT_WINDOW, dayStartHour: 0, dayEndHour: 23 },
      3,
    );
    expect(slots.map((s) => (s.end.getTime() - s.start.getTime()) / 60_000)).toEqual([20, 20, 20]);
    expect(slots.map((s) => s.start.toISOString())).toEqual([
      '2026-10-25T00:40:00.000Z',
      '2026-10-25T01:00:00.000Z',
      '2026-10-25T01:20:00.000Z',
    ]);
  });
});

describe('other zones and bad input', () => {
  test('the same words mean different instants in different zones', () => {
    const now = '2026-03-23T09:00:00Z';
    expect(start('Thursday 3pm', now, 'Asia/Kolkata')).toBe('2026-03-26T09:30:00.000Z');
    expect(start('Thursday 3pm', now, 'America/Los_Angeles')).toBe('2026-03-26T22:00:00.000Z');
  });
  test('“tomorrow” is tomorrow in the reader’s zone, not the server’s', () => {
    // 23:30 UTC on the 23rd is already the 24th in Kolkata.
    expect(start('tomorrow 10am', '2026-03-23T23:30:00Z', 'Asia/Kolkata')).toBe('2026-03-25T04:30:00.000Z');
  });
  test.each([
    ['31 February 3pm', 'impossible', /February has no 31st/],
    ['April 31 at 10', 'impossible', /April has no 31st/],
    ['5/6 at 3pm', 'ambiguous', /could be two different dates/],
    ['yesterday 3pm', 'past', /in the past/],
    ['whenever suits', 'no-date', /couldn't find a date/],
    ['next Tuesday', 'no-time', /What time on next Tuesday/],
  ])('%s → %s', (text, reason, message) => {
    const r = parseWhen(text, LONDON, new Date('2026-03-23T09:00:00Z'));
    expect(r).toMatchObject({ ok: false, reason });
    expect(r.ok ? '' : r.message).toMatch(message);
  });
  test('29 February is fine in a leap year', () => {
    expect(start('29 February 2028 at 10am', '2027-06-01T00:00:00Z')).toBe('2028-02-29T10:00:00.000Z');
  });
  test('an ISO instant from a button is taken as is', () => {
    expect(start('2026-03-26T15:30:00.000Z', '2026-03-23T09:00:00Z')).toBe('2026-03-26T15:30:00.000Z');
  });
  test('"today" covers the whole local day', () => {
    const r = rangeFor('today', LONDON, new Date('2026-06-01T12:00:00Z'));
    expect([r.from.toISOString(), r.to.toISOString()]).toEqual(['2026-05-31T23:00:00.000Z', '2026-06-01T22:59:59.999Z']);
  });
  test('suggestions stay in working hours and roll to the next morning', () => {
    const slots = nextFreeSlots(new Date('2026-03-26T18:20:00Z'), 20, 0, [], { zone: LONDON, ...DEFAULT_WINDOW }, 2);
    expect(slots.map((s) => s.start.toISOString())).toEqual(['2026-03-26T18:30:00.000Z', '2026-03-27T09:00:00.000Z']); // 18:45 would end after 19:00
  });
});
