/**
 * Booking with Google Calendar configured (the real googleapis client against the local fake):
 * the events Google is asked to make, and that a failure on either side leaves nothing half-made.
 */
import { generateKeyPairSync } from 'node:crypto';
import { jest } from '@jest/globals';
import { bookingApp, fixedClock, only, shown, icsOf, TENANT } from './helpers.js';
import type { TestApp, conversation } from '../../helpers/app.js';
import { startFakeGoogleCalendar, type FakeGoogleCalendar } from '../../fakes/google-calendar.js';
import { createCalendar } from '../../../src/integrations/calendar/index.js';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/log/logger.js';

const clock = fixedClock('2026-03-23T09:00:00Z');
let app: TestApp;
let chat: ReturnType<typeof conversation>;
let fake: FakeGoogleCalendar;

beforeAll(async () => {
  fake = await startFakeGoogleCalendar();
  const { privateKey } = generateKeyPairSync('rsa', {
    modulusLength: 2048,
    privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
    publicKeyEncoding: { type: 'spki', format: 'pem' },
  });
  const env = {
    GOOGLE_SERVICE_ACCOUNT_JSON: JSON.stringify({
      type: 'service_account',
      client_email: 'bot@p.iam.gserviceaccount.com',
      private_key: privateKey,
    }),
    GOOGLE_IMPERSONATE_USER: 'casting@studio.example',
    GOOGLE_CALENDAR_ID: 'auditions@studio.example',
    GOOGLE_TEAM_CALENDARS: 'auditions@studio.example,ana@studio.example',
    GOOGLE_API_ROOT_URL: fake.rootUrl,
  };
  // The token endpoint and a short timeout are not configuration: the calendar is built here with them.
  const calendar = await createCalendar(loadConfig(env), {
    store: undefined as never,
    log: createLogger('silent'),
    google: { tokenUrl: fake.tokenUrl, timeoutMs: 400 },
  });
  ({ app, chat } = await bookingApp(env, { now: () => clock.now, services: { calendar } }));
});
afterAll(async () => {
  await app?.dispose();
  await fake?.close();
});

const auditions = () => app.db.store.auditions.listBetween(TENANT, new Date('2026-01-01'), new Date('2027-01-01'));

test('a confirmed booking inserts an event with the actor invited, a Meet request and sendUpdates=all', async () => {
  const proposal = only(await chat.say('book Meera Patil for MARIA Thursday 3pm'));
  expect(shown({ replies: [proposal] })).toContain('Google Calendar sends the invitation with a Meet link.');
  expect(fake.calls('insert')).toHaveLength(0);
  const done = only(await chat.press('Confirm', proposal));
  const [insert] = fake.calls('insert');
  const url = new URL(insert!.path, 'http://x');
  expect(url.pathname).toBe('/calendar/v3/calendars/auditions%40studio.example/events');
  expect(Object.fromEntries(url.searchParams)).toMatchObject({ conferenceDataVersion: '1', sendUpdates: 'all' });
  const body = insert!.json as Record<string, any>;
  expect(body.summary).toBe('Audition: Meera Patil for MARIA (Brick and Steel)');
  expect(body.attendees).toEqual([{ email: 'meera.patil@example.com', displayName: 'Meera Patil' }]);
  expect(body.start).toEqual({ dateTime: '2026-03-26T15:00:00+00:00', timeZone: 'Europe/London' });
  expect(body.conferenceData.createRequest.conferenceSolutionKey.type).toBe('hangoutsMeet');
  const [a] = await auditions();
  expect(a).toMatchObject({ calendarEventId: body.id, videoLink: expect.stringMatching(/^https:\/\/meet\.google\.com\//) });
  expect(shown({ replies: [done] })).toContain(a!.videoLink!);
  expect(icsOf(done)).toHaveLength(0); // Google sends the invitation; nothing to attach
  // The e-mail went to Google only, never into the channel.
  expect(JSON.stringify(done)).not.toContain('meera.patil@example.com');
});

test('busy time on a team calendar blocks the slot', async () => {
  fake.busy.set('ana@studio.example', [{ start: '2026-03-27T10:00:00Z', end: '2026-03-27T11:00:00Z' }]);
  const r = only(await chat.say('book Omar Okafor for JOE Friday 10:30am'));
  expect(r.text).toMatch(/the casting team's calendar is busy Fri 27 Mar, 10:00–11:00 GMT/);
  expect(r.text).toMatch(/Free: Fri 27 Mar, 11:00–11:20 GMT/);
  const [fb] = fake.calls('freeBusy').slice(-1);
  expect((fb!.json as { items: { id: string }[] }).items.map((i) => i.id)).toEqual(['auditions@studio.example', 'ana@studio.example']);
});

test('Google failing with 500 on insert: a clear answer and no audition', async () => {
  const proposal = only(await chat.say('book Omar Okafor for JOE Friday 2pm'));
  fake.failNext('insert', 500);
  const r = only(await chat.press('Confirm', proposal));
  expect(r.isError).toBe(true);
  expect(r.text).toMatch(/Google Calendar refused the booking \(HTTP 500\).*Nothing was booked/);
  expect(await auditions()).toHaveLength(1);
});

test('Google not answering in time: no audition, and the late event is deleted by its id', async () => {
  const proposal = only(await chat.say('book Omar Okafor for JOE Friday 2pm'));
  fake.stallNext('insert', 700);
  const deletesBefore = fake.calls('delete').length;
  const r = only(await chat.press('Confirm', proposal));
  expect(r.text).toMatch(/Google Calendar did not answer the booking in time\. Nothing was booked/);
  expect(await auditions()).toHaveLength(1);
  await new Promise((res) => setTimeout(res, 500));
  expect(fake.calls('delete').length).toBeGreaterThan(deletesBefore);
  expect([...fake.events.values()].filter((e) => String(e.summary).includes('Omar'))).toHaveLength(0);
});

test('the audition row failing to save deletes the event just made', async () => {
  const proposal = only(await chat.say('book Omar Okafor for JOE Friday 3pm'));
  const spy = jest.spyOn(app.db.store.auditions, 'insert').mockRejectedValueOnce(new Error('disk full'));
  const r = only(await chat.press('Confirm', proposal));
  spy.mockRestore();
  expect(r.isError).toBe(true);
  expect(r.text).toMatch(/couldn't save that .*Nothing was booked/);
  const inserted = (fake.calls('insert').at(-1)!.json as { id: string }).id;
  expect(fake.calls('delete').some((d) => d.path.includes(`/events/${inserted}`))).toBe(true);
  expect(fake.events.has(inserted)).toBe(false);
  expect(await auditions()).toHaveLength(1);
});

test('reschedule patches the event; a cancel Google refuses leaves the audition booked; a cancel that works deletes it', async () => {
  const [a] = await auditions();
  const move = only(await chat.say("reschedule Meera Patil's audition to Thursday 4pm"));
  only(await chat.press('Confirm', move));
  const patch = fake.calls('patch').at(-1)!;
  expect(patch.path).toContain(`/events/${a!.calendarEventId}`);
  expect((patch.json as any).start.dateTime).toBe('2026-03-26T16:00:00+00:00');

  const cancel = only(await chat.say("cancel Meera Patil's audition"));
  fake.failNext('delete', 503);
  const refused = only(await chat.press('Cancel audition', cancel));
  expect(refused.text).toMatch(/HTTP 503.*Nothing was cancelled/);
  expect((await app.db.store.auditions.get(a!.id))!.status).toBe('booked');

  const again = only(await chat.say("cancel Meera Patil's audition"));
  only(await chat.press('Cancel audition', again));
  expect((await app.db.store.auditions.get(a!.id))!.status).toBe('cancelled');
  expect(fake.events.has(a!.calendarEventId!)).toBe(false);
});
