/**
 * Reminders on the real Agenda scheduler (short poll), with a real clock: an audition booked an hour
 * and a moment ahead gets its "1 hour before" reminder a moment later, once, in the conversation it
 * was booked in and once directly to its organizer; also when a second scheduler polls the same
 * database (restart: restart-reminders.test.ts). A booking made in the organizer's 1:1 chat is
 * reminded there only; a direct message that fails is logged and leaves the channel post alone.
 */
import { bookingApp, act, only, CapturingPoster, waitFor, rosterOf } from './helpers.js';
import type { conversation, TestApp } from '../../helpers/app.js';
import { registerAuditionJobs } from '../../../src/skills/book-audition/jobs/index.js';
import { reminderHandler } from '../../../src/skills/book-audition/jobs/reminder-job.js';
import { REMINDER_JOB, reminderKey } from '../../../src/casting/auditions/reminders.js';
import { AgendaScheduler } from '../../../src/scheduler/agenda-scheduler.js';
import { createLogger } from '../../../src/log/logger.js';
import { ConversationGoneError } from '../../../src/bot/turn-handler.js';
import type { AuditionRecord } from '../../../src/memory/records.js';

const log = createLogger('silent');
const env = { REMINDER_OFFSETS_MINUTES: '60' };
/** A start whose 1-hour reminder is due `ms` from now. */
const dueIn = (ms: number) => new Date(Date.now() + 60 * 60_000 + ms).toISOString();
const roster = rosterOf(['T00003', 'T00004', 'T00072']);
const jobDeps = (app: TestApp) => ({ scheduler: app.scheduler, store: app.db.store, outbox: app.outbox, log, config: app.config });

const CHANNEL = 'local:studio:casting';

async function book(chat: ReturnType<typeof conversation>, person: string, when: string) {
  const proposal = only(await act(chat, { op: 'book', person, role: 'MARIA', when }));
  const done = only(await chat.press('Confirm', proposal));
  if (done.isError) throw new Error(done.text);
}

/** The booked audition of one person in the next few hours. */
async function bookedOf(app: TestApp, talentId: string): Promise<AuditionRecord> {
  const list = await app.db.store.auditions.listBetween('local:studio', new Date(), new Date(Date.now() + 3 * 3_600_000));
  const a = list.find((x) => x.talentId === talentId);
  if (!a) throw new Error(`no audition of ${talentId}`);
  return a;
}

describe('one app', () => {
  let app: TestApp;
  let chat: ReturnType<typeof conversation>;
  const poster = new CapturingPoster();
  let second: AgendaScheduler | undefined;

  beforeAll(async () => {
    ({ app, chat } = await bookingApp(
      env,
      {},
      {
        roster,
        beforeStart: (a) => {
          registerAuditionJobs(jobDeps(a));
          a.outbox.register(poster);
        },
      },
    ));
  });
  afterAll(async () => {
    await second?.stop();
    await app?.dispose();
  });

  // First in this file: both schedulers poll the same embedded database.
  test('with a second scheduler polling the same database, a reminder still fires once', async () => {
    second = new AgendaScheduler({ database: await app.db.scheduler(), log, processEvery: 100, lockLifetimeMs: 2_000, name: 'second' });
    // Only the reminder job: the second scheduler stands in for a replica taking reminders.
    second.define(REMINDER_JOB, reminderHandler({ ...jobDeps(app), scheduler: second }));
    await second.start();
    const before = poster.posts.length;
    await book(chat, 'T00003', dueIn(1000));
    await waitFor(() => poster.posts.length > before);
    await new Promise((r) => setTimeout(r, 800));
    expect(poster.posts.slice(before).map((p) => p.reply.text.split(' in ')[0])).toEqual(['Reminder: Sam Tanaka auditions for MARIA']);
    await second.stop();
    second = undefined;
    // Free the hour (the team holds one audition at a time) for the next test.
    for (const a of await app.db.store.auditions.listBetween('local:studio', new Date(), new Date(Date.now() + 3 * 3_600_000))) {
      await app.db.store.auditions.update(a.id, { status: 'cancelled' });
    }
  });

  test('the reminder is posted once, to the booking conversation, when it is due', async () => {
    const before = poster.posts.length;
    await book(chat, 'T00072', dueIn(1200));
    await waitFor(() => poster.posts.length === before + 1);
    const post = poster.posts.at(-1);
    expect(post!.address).toMatchObject({ platform: 'local', workspace: 'studio', channel: 'casting' });
    expect(post!.reply.text).toMatch(/^Reminder: Meera Patil auditions for MARIA in (1 hour|59 minutes) — /);
    // The organizer (the user who confirmed: "ana") gets the same reminder directly.
    await waitFor(() => poster.direct.some((d) => d.reply.text === post!.reply.text));
    const dm = poster.direct.find((d) => d.reply.text === post!.reply.text);
    expect(dm).toMatchObject({ userId: 'ana', from: { platform: 'local', workspace: 'studio', channel: 'casting' } });
    expect(dm!.reply.blocks).toContainEqual({ type: 'context', text: expect.stringMatching(/^You booked this audition\./) });
    await new Promise((r) => setTimeout(r, 600));
    expect(poster.posts).toHaveLength(before + 1);
    expect(poster.direct.filter((d) => d.reply.text === post!.reply.text)).toHaveLength(1);
  });

  test('a job run twice posts once to the channel and once to the organizer; a cancelled audition is not reminded', async () => {
    await book(chat, 'T00004', dueIn(3_600_000));
    const a = await bookedOf(app, 'T00004');
    expect(a).toMatchObject({ organizer: 'ana', organizerId: 'ana' });
    const run = reminderHandler(jobDeps(app));
    const data = { key: reminderKey(a.id, 60), auditionId: a.id, offsetMinutes: 60 };
    const before = { posts: poster.posts.length, direct: poster.direct.length };
    await run(data);
    await run(data);
    expect(poster.posts.length).toBe(before.posts + 1);
    expect(poster.direct.slice(before.direct).map((d) => d.userId)).toEqual(['ana']);

    // Booked in the organizer's 1:1 chat with the bot: the reminder there is the only one.
    expect(a.address).toMatchObject({ platform: 'local', channel: 'casting' });
    await app.db.store.auditions.update(a.id, { address: { ...a.address!, direct: true } });
    await run({ ...data, key: reminderKey(a.id, 30) });
    expect(poster.posts.length).toBe(before.posts + 2);
    expect(poster.direct.length).toBe(before.direct + 1);

    await app.db.store.auditions.update(a.id, { status: 'cancelled' });
    await run({ ...data, key: 'audition:other:60' });
    expect(poster.posts.length).toBe(before.posts + 2);
    expect(poster.direct.length).toBe(before.direct + 1);
  });

  test('a direct message that fails is logged, not retried, and leaves the channel post alone', async () => {
    await book(chat, 'T00003', dueIn(2 * 3_600_000));
    const a = await bookedOf(app, 'T00003');
    const run = reminderHandler(jobDeps(app));
    const before = { posts: poster.posts.length, direct: poster.direct.length, attempts: poster.directAttempts };
    try {
      // The organizer left the workspace: the platform says they cannot be reached.
      poster.failDirect = new ConversationGoneError('user_not_found');
      const data = { key: reminderKey(a.id, 60), auditionId: a.id, offsetMinutes: 60 };
      await expect(run(data)).resolves.toBeUndefined();
      await expect(run(data)).resolves.toBeUndefined();
      expect(poster.posts.length).toBe(before.posts + 1);
      expect(poster.directAttempts).toBe(before.attempts + 1);
      // Any other failure is not thrown either: the job did post to the channel.
      poster.failDirect = new Error('HTTP 500 from the platform');
      await expect(run({ ...data, key: reminderKey(a.id, 30) })).resolves.toBeUndefined();
      expect(poster.posts.length).toBe(before.posts + 2);
      expect(poster.directAttempts).toBe(before.attempts + 2);
    } finally {
      poster.failDirect = undefined;
    }
    expect(poster.direct.length).toBe(before.direct);
  });

  test('an audition stored before organizers were recorded is reminded in its channel only', async () => {
    const a = await bookedOf(app, 'T00003');
    await app.db.store.auditions.update(a.id, { organizerId: undefined });
    expect(await app.db.store.auditions.get(a.id)).not.toHaveProperty('organizerId');
    const before = { posts: poster.posts.length, attempts: poster.directAttempts };
    await reminderHandler(jobDeps(app))({ key: reminderKey(a.id, 15), auditionId: a.id, offsetMinutes: 15 });
    expect(poster.posts.length).toBe(before.posts + 1);
    expect(poster.directAttempts).toBe(before.attempts);
  });
});
