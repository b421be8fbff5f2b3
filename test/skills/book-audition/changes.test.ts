/** Sessions from the shortlist, listing, rescheduling and cancelling (calendar, store and reminders move together), and the digest. */
import { randomUUID } from 'node:crypto';
import { bookingApp, fixedClock, only, shown, icsOf, TENANT, CHANNEL, CapturingPoster } from './helpers.js';
import { visibleText, type TestApp, type conversation } from '../../helpers/app.js';
import { digestHandler } from '../../../src/skills/book-audition/jobs/digest-job.js';
import { createLogger } from '../../../src/log/logger.js';
import { ChannelMemory } from '../../../src/memory/channel-memory.js';

// Monday 23 March 2026, 09:00 GMT; "tomorrow" is Tuesday the 24th.
const clock = fixedClock('2026-03-23T09:00:00Z');
let app: TestApp;
let chat: ReturnType<typeof conversation>;
const SHORTLIST = [
  ['T00072', 'Meera Patil'],
  ['T00004', 'Omar Okafor'],
  ['T00003', 'Sam Tanaka'],
] as const;

beforeAll(async () => {
  ({ app, chat } = await bookingApp({ AUDITION_BUFFER_MINUTES: '5' }, { now: () => clock.now }));
  const id = randomUUID();
  await app.db.store.shortlists.save({
    id,
    channel: CHANNEL,
    role: 'MARIA',
    createdAt: clock.now,
    entries: SHORTLIST.map(([talentId, name]) => ({ talentId, name, score: 1, reasons: [] })),
  });
  const memory = new ChannelMemory(CHANNEL, app.db.store.channels);
  await memory.setLastShortlist(id);
  await memory.setLastListed({ ids: SHORTLIST.map(([i]) => i), names: SHORTLIST.map(([, n]) => n), source: 'shortlist' });
});
afterAll(async () => {
  await app?.dispose();
});

const auditions = () => app.db.store.auditions.listBetween(TENANT, new Date('2026-01-01'), new Date('2027-01-01'));

test('"the second one" books the second person of the last shortlist', async () => {
  const proposal = only(await chat.say('book the second one for MARIA tomorrow at 9am'));
  expect(shown({ replies: [proposal] })).toMatch(/Who: Omar Okafor[\s\S]*Tue 24 Mar, 09:00–09:20 GMT/);
  only(await chat.press('Confirm', proposal));
});

test('a session lays out consecutive slots with buffers, skipping busy time, as one confirmation', async () => {
  // Omar's 09:00–09:20 is already booked; the session asks to start at 09:00.
  const proposal = only(await chat.say('book the shortlist for MARIA tomorrow from 9am, 20 minutes each'));
  const text = shown({ replies: [proposal] });
  expect(text).toContain('Book this session for MARIA?');
  expect(text).toContain('1 | Tue 24 Mar, 09:25–09:45 GMT | Meera Patil');
  expect(text).toContain('2 | Tue 24 Mar, 09:50–10:10 GMT | Omar Okafor');
  expect(text).toContain('3 | Tue 24 Mar, 10:15–10:35 GMT | Sam Tanaka');
  expect(text).toContain('Busy time was skipped');
  expect(await auditions()).toHaveLength(1);
  const done = only(await chat.press('Confirm', proposal));
  expect(done.text).toMatch(/^Booked 3 auditions for MARIA/);
  expect(icsOf(done)).toHaveLength(3);
  expect((await auditions()).map((a) => [a.talentName, a.startsAt.toISOString()])).toEqual([
    ['Omar Okafor', '2026-03-24T09:00:00.000Z'],
    ['Meera Patil', '2026-03-24T09:25:00.000Z'],
    ['Omar Okafor', '2026-03-24T09:50:00.000Z'],
    ['Sam Tanaka', '2026-03-24T10:15:00.000Z'],
  ]);
});

test('a session for a role other than the shortlist’s is refused', async () => {
  const r = only(await chat.say('book the shortlist for JOE tomorrow from 2pm'));
  expect(r.isError).toBe(true);
  expect(r.text).toMatch(/The last shortlist here is for MARIA, not JOE/);
});

test('"auditions tomorrow" lists them in order with cancel buttons; "today" has none', async () => {
  const list = only(await chat.say('auditions tomorrow'));
  expect(list.text).toMatch(/^Auditions tomorrow \(4\):\n1\. Tue 24 Mar, 09:00–09:20 GMT Omar Okafor \(MARIA\)/);
  expect(list.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.label) : []))).toContain('Cancel Sam Tanaka');
  expect(only(await chat.say('auditions today')).text).toBe('No auditions today.');
});

test('rescheduling a person with two auditions asks which; the move updates the row, the .ics and the reminders', async () => {
  const ask = only(await chat.say("reschedule Omar Okafor's audition to Wednesday 11am"));
  expect(ask.text).toMatch(/2 upcoming auditions match “Omar Okafor”: which one\?/);
  const proposal = only(await chat.press('Omar Okafor, Tue 24 Mar, 09:50–10:10 GMT', ask));
  expect(shown({ replies: [proposal] })).toMatch(
    /Move this audition\?[\s\S]*From: Tue 24 Mar, 09:50–10:10 GMT[\s\S]*To: Wed 25 Mar, 11:00–11:20 GMT/,
  );
  const before = (await auditions()).find((a) => a.startsAt.toISOString() === '2026-03-24T09:50:00.000Z')!;
  const done = only(await chat.press('Confirm', proposal));
  expect(done.text).toBe('Moved: Omar Okafor (MARIA) is now Wed 25 Mar, 11:00–11:20 GMT.');
  const after = (await app.db.store.auditions.get(before.id))!;
  expect(after.startsAt.toISOString()).toBe('2026-03-25T11:00:00.000Z');
  const [ics] = icsOf(done);
  expect(ics).toContain(`UID:${before.id}@castmatch`);
  expect(ics).toContain('SEQUENCE:1');
  expect(ics).toContain('DTSTART:20260325T110000Z');
  const jobs = await app.scheduler.pending(`audition:${before.id}:`);
  expect(jobs.map((j) => j.runAt?.toISOString()).sort()).toEqual(['2026-03-24T11:00:00.000Z', '2026-03-25T10:00:00.000Z']);
});

test('moving onto a taken time is refused with free times', async () => {
  const r = only(await chat.say("reschedule Sam Tanaka's audition to tomorrow 9:30am"));
  expect(r.isError).toBe(true);
  expect(r.text).toMatch(/Sam Tanaka can't be seen Tue 24 Mar, 09:30–09:50 GMT/);
});

test('the cancel proposal’s buttons say what they do, and "Keep it" (or "no") keeps the audition and says so', async () => {
  const sam = (await auditions()).find((a) => a.talentId === 'T00003')!;
  const proposal = only(await chat.say("cancel Sam Tanaka's audition"));
  // "Confirm / Cancel" here made "Cancel" mean "don't cancel".
  expect(proposal.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.label) : []))).toEqual([
    'Cancel audition',
    'Keep it',
  ]);
  const kept = only(await chat.press('Keep it', proposal));
  expect(kept.text).toBe("Kept: Sam Tanaka's audition for MARIA, Tue 24 Mar, 10:15–10:35 GMT. Nothing was changed.");
  only(await chat.say("cancel Sam Tanaka's audition"));
  expect(only(await chat.say('no')).text).toMatch(/^Kept: Sam Tanaka's audition/);
  expect((await app.db.store.auditions.get(sam.id))!.status).toBe('booked');
  expect(await app.scheduler.pending(`audition:${sam.id}:`)).toHaveLength(2);
});

test('cancelling removes the reminders, marks the audition cancelled and attaches a METHOD:CANCEL invitation', async () => {
  const sam = (await auditions()).find((a) => a.talentId === 'T00003')!;
  expect(await app.scheduler.pending(`audition:${sam.id}:`)).toHaveLength(2);
  const proposal = only(await chat.say("cancel Sam Tanaka's audition"));
  expect(shown({ replies: [proposal] })).toMatch(/Cancel this audition\?/);
  expect((await app.db.store.auditions.get(sam.id))!.status).toBe('booked');
  const done = only(await chat.press('Cancel audition', proposal));
  expect(done.text).toMatch(/^Cancelled: Sam Tanaka's audition for MARIA, Tue 24 Mar, 10:15–10:35 GMT/);
  expect((await app.db.store.auditions.get(sam.id))!.status).toBe('cancelled');
  expect(await app.scheduler.pending(`audition:${sam.id}:`)).toHaveLength(0);
  expect(icsOf(done)[0]).toContain('METHOD:CANCEL');
  const again = only(await chat.say("cancel Sam Tanaka's audition"));
  expect(again.text).toMatch(/Sam Tanaka has no upcoming audition to cancel/);
});

test('the opt-in morning digest: 08:00 local, the day’s auditions once, tomorrow’s scheduled, and it can be stopped', async () => {
  const list = only(await chat.say('auditions this week'));
  const on = only(await chat.press('Post a daily digest here', list));
  expect(on.text).toBe("Every morning at 08:00 (Europe/London) I'll post the day's auditions here, starting Tue 24 Mar 2026, 08:00 GMT.");
  const prefix = `digest:${CHANNEL}:`;
  expect((await app.scheduler.pending(prefix)).map((j) => [j.key, j.runAt?.toISOString()])).toEqual([
    [`${prefix}2026-03-24`, '2026-03-24T08:00:00.000Z'],
  ]);
  expect(visibleText(only(await chat.say('auditions this week')))).not.toContain('Post a daily digest here');

  const poster = new CapturingPoster();
  app.outbox.register(poster);
  const run = digestHandler({
    scheduler: app.scheduler,
    store: app.db.store,
    outbox: app.outbox,
    log: createLogger('silent'),
    config: app.config,
    now: () => new Date('2026-03-24T08:00:30Z'),
  });
  await run({ key: `${prefix}2026-03-24`, channel: CHANNEL });
  await run({ key: `${prefix}2026-03-24`, channel: CHANNEL });
  expect(poster.posts).toHaveLength(1);
  expect(poster.posts[0]!.reply.text).toBe(
    "Today's auditions (Tuesday 24 March): 2\nTue 24 Mar, 09:00–09:20 GMT Omar Okafor (MARIA)\nTue 24 Mar, 09:25–09:45 GMT Meera Patil (MARIA)",
  );
  expect((await app.scheduler.pending(prefix)).map((j) => j.runAt?.toISOString())).toContain('2026-03-25T08:00:00.000Z');

  only(await chat.press('Stop the daily digest', on));
  expect(await app.scheduler.pending(prefix)).toHaveLength(0);
  await run({ key: `${prefix}2026-03-25`, channel: CHANNEL });
  expect(poster.posts).toHaveLength(1);
});
