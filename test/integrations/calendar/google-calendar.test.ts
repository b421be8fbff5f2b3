/**
 * The Google path with the real googleapis client against a local fake Calendar server: the
 * requests Google documents (freeBusy across team calendars, insert with attendees, Meet
 * createRequest, conferenceDataVersion=1, sendUpdates=all, patch, delete) and its failures.
 */
import { generateKeyPairSync } from 'node:crypto';
import { startFakeGoogleCalendar, type FakeGoogleCalendar } from '../../fakes/google-calendar.js';
import { createCalendar, CalendarError } from '../../../src/integrations/calendar/index.js';
import type { CalendarEventInput } from '../../../src/integrations/calendar/calendar.js';
import { GoogleCalendar, googleEventId } from '../../../src/integrations/calendar/google-calendar.js';
import { GoogleCredentialsError, googleAuthFromJson } from '../../../src/integrations/calendar/google-auth.js';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/log/logger.js';
import type { Store } from '../../../src/memory/store.js';

const log = createLogger('silent');
const { privateKey } = generateKeyPairSync('rsa', {
  modulusLength: 2048,
  privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
  publicKeyEncoding: { type: 'spki', format: 'pem' },
});
const serviceAccount = JSON.stringify({
  type: 'service_account',
  client_email: 'castmatch@proj.iam.gserviceaccount.com',
  private_key: privateKey,
  private_key_id: 'k1',
});

let fake: FakeGoogleCalendar;
beforeEach(async () => {
  fake = await startFakeGoogleCalendar();
});
afterEach(async () => {
  await fake?.close();
});

async function google(timeoutMs = 2000) {
  const config = loadConfig({
    GOOGLE_SERVICE_ACCOUNT_JSON: serviceAccount,
    GOOGLE_IMPERSONATE_USER: 'casting@studio.example',
    GOOGLE_CALENDAR_ID: 'auditions@studio.example',
    GOOGLE_TEAM_CALENDARS: 'ana@studio.example, ben@studio.example',
    GOOGLE_API_ROOT_URL: fake.rootUrl,
  });
  return createCalendar(config, { store: {} as Store, log, google: { timeoutMs, tokenUrl: fake.tokenUrl } });
}

const event = (over: Partial<CalendarEventInput> = {}): CalendarEventInput => ({
  uid: '7f3c2a10-1b2c-4d5e-8f90-a1b2c3d4e5f6',
  summary: 'Audition: Meera Patil for MARIA',
  description: 'Audition of Meera Patil',
  start: new Date('2026-04-02T14:00:00Z'),
  end: new Date('2026-04-02T14:20:00Z'),
  timeZone: 'Europe/London',
  attendees: [{ name: 'Meera Patil', email: 'meera@example.com', ref: 'T00072' }],
  videoLink: true,
  organizer: { name: 'Ana' },
  ...over,
});

test('signs in as the service account acting for the impersonated user, then sends a documented insert with a Meet request', async () => {
  const cal = await google();
  expect(cal.kind).toBe('google');
  const created = await cal.create(event());
  const [token] = fake.calls('token');
  const assertion = new URLSearchParams(token!.body).get('assertion')!;
  const claims = JSON.parse(Buffer.from(assertion.split('.')[1]!, 'base64url').toString()) as Record<string, string>;
  expect(claims).toMatchObject({
    iss: 'castmatch@proj.iam.gserviceaccount.com',
    sub: 'casting@studio.example',
    scope: 'https://www.googleapis.com/auth/calendar',
  });

  const [insert] = fake.calls('insert');
  const url = new URL(insert!.path, 'http://x');
  expect(url.pathname).toBe('/calendar/v3/calendars/auditions%40studio.example/events');
  expect(url.searchParams.get('conferenceDataVersion')).toBe('1');
  expect(url.searchParams.get('sendUpdates')).toBe('all');
  expect(insert!.headers.authorization).toMatch(/^Bearer fake-token-/);
  const body = insert!.json as Record<string, any>;
  expect(body.start).toEqual({ dateTime: '2026-04-02T15:00:00+01:00', timeZone: 'Europe/London' });
  expect(body.attendees).toEqual([{ email: 'meera@example.com', displayName: 'Meera Patil' }]);
  expect(body.conferenceData.createRequest.conferenceSolutionKey).toEqual({ type: 'hangoutsMeet' });
  expect(body.conferenceData.createRequest.requestId).toEqual(expect.any(String));
  expect(body.id).toBe(googleEventId(event().uid));
  expect(created).toMatchObject({ id: body.id, videoLink: expect.stringContaining('https://meet.google.com/') });
});

test('free/busy asks about every team calendar and refuses a calendar it cannot read', async () => {
  const cal = await google();
  fake.busy.set('ben@studio.example', [{ start: '2026-04-02T13:00:00Z', end: '2026-04-02T14:30:00Z' }]);
  const busy = await cal.freeBusy([], new Date('2026-04-02T00:00:00Z'), new Date('2026-04-03T00:00:00Z'));
  expect((fake.calls('freeBusy')[0]!.json as { items: { id: string }[] }).items.map((i) => i.id)).toEqual([
    'ana@studio.example',
    'ben@studio.example',
  ]);
  expect(busy).toEqual([
    { start: new Date('2026-04-02T13:00:00Z'), end: new Date('2026-04-02T14:30:00Z'), calendar: 'ben@studio.example' },
  ]);
  // An unshared calendar would look free: the lookup fails instead of risking a double booking.
  fake.unreadable.add('unknown@studio.example');
  await expect(cal.freeBusy(['unknown@studio.example'], new Date(), new Date())).rejects.toThrow(
    /could not read the calendar unknown@studio.example \(notFound\)/,
  );
});

test('reschedule patches the same event and cancel deletes it; a second delete counts as done', async () => {
  const cal = await google();
  const { id } = await cal.create(event());
  await cal.update(id, event({ start: new Date('2026-04-03T09:00:00Z'), end: new Date('2026-04-03T09:20:00Z') }));
  const [patch] = fake.calls('patch');
  expect(new URL(patch!.path, 'http://x').searchParams.get('sendUpdates')).toBe('all');
  expect((patch!.json as any).start.dateTime).toBe('2026-04-03T10:00:00+01:00');
  expect((fake.events.get(id) as any).hangoutLink).toBeDefined();
  await cal.delete(id);
  expect(fake.events.has(id)).toBe(false);
  await expect(cal.delete(id)).resolves.toBeUndefined();
  expect(new URL(fake.calls('delete')[0]!.path, 'http://x').searchParams.get('sendUpdates')).toBe('all');
});

test('a 500 becomes a CalendarError naming the status; a stalled insert times out and its event is removed', async () => {
  const cal = await google(300);
  fake.failNext('insert', 500);
  await expect(cal.create(event())).rejects.toMatchObject({ name: 'CalendarError', status: 500, timedOut: false });

  fake.stallNext('insert', 800);
  const err = await cal.create(event()).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(CalendarError);
  expect((err as CalendarError).timedOut).toBe(true);
  expect((err as CalendarError).message).toMatch(/did not answer/);
  // The late insert may still land on Google's side: its known id was deleted after the timeout.
  await new Promise((r) => setTimeout(r, 700));
  expect(fake.calls('delete').length).toBeGreaterThanOrEqual(1);
});

test('a retried insert whose first answer was lost returns the event already made, not a twin', async () => {
  const cal = await google();
  const first = await cal.create(event());
  const again = await cal.create(event());
  expect(again.id).toBe(first.id);
  expect(fake.events.size).toBe(1);
});

test('credentials: OAuth refresh-token JSON works, and bad JSON names the variable without echoing it', async () => {
  const oauth = googleAuthFromJson(JSON.stringify({ type: 'authorized_user', client_id: 'c', client_secret: 's', refresh_token: 'r' }), {
    tokenUrl: fake.tokenUrl,
  });
  const cal = new GoogleCalendar({
    auth: oauth,
    rootUrl: fake.rootUrl,
    calendarId: 'primary',
    teamCalendars: ['primary'],
    timeoutMs: 2000,
  });
  await cal.create(event({ uid: undefined, videoLink: false }));
  expect(new URLSearchParams(fake.calls('token')[0]!.body).get('grant_type')).toBe('refresh_token');
  expect((fake.calls('insert')[0]!.json as any).conferenceData).toBeUndefined();
  expect(() => googleAuthFromJson('{"private_key": "secret-value"')).toThrow(GoogleCredentialsError);
  expect(() => googleAuthFromJson('{"private_key": "secret-value"')).not.toThrow(/secret-value/);
});
