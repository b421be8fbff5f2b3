/**
 * Reminders on the real Agenda scheduler (short poll), with a real clock: an audition booked an hour
 * and a moment ahead gets its "1 hour before" reminder a moment later, once, in the conversation it
 * was booked in; also when a second scheduler polls the same database (restart: restart-reminders.test.ts).
 */
import { bookingApp, act, only, CapturingPoster, waitFor, rosterOf } from './helpers.js';
import type { conversation, TestApp } from '../../helpers/app.js';
import { registerAuditionJobs, reminderHandler } from '../../../src/skills/auditions/jobs.js';
import { REMINDER_JOB, reminderKey } from '../../../src/skills/auditions/reminders.js';
import { AgendaScheduler } from '../../../src/scheduler/agenda-scheduler.js';
import { createLogger } from '../../../src/log/logger.js';

const log = createLogger('silent');
const env = { REMINDER_OFFSETS_MINUTES: '60' };
/** A start whose 1-hour reminder is due `ms` from now. */
const dueIn = (ms: number) => new Date(Date.now() + 60 * 60_000 + ms).toISOString();
const roster = rosterOf(['T00003', 'T00004', 'T00072']);
const jobDeps = (app: TestApp) => ({ scheduler: app.scheduler, store: app.db.store, outbox: app.outbox, log, config: app.config });

async function book(chat: ReturnType<typeof conversation>, person: string, when: string) {
  const proposal = only(await act(chat, { op: 'book', person, role: 'MARIA', when }));
  const done = only(await chat.press('Confirm', proposal));
  if (done.isError) throw new Error(done.text);
}

describe('one app', () => {
  let app: TestApp;
  let chat: ReturnType<typeof conversation>;
  const poster = new CapturingPoster();
  let second: AgendaScheduler | undefined;

  beforeAll(async () => {
    ({ app, chat } = await bookingApp(env, {}, {
      roster,
      beforeStart: (a) => {
        registerAuditionJobs(jobDeps(a));
        a.outbox.register(poster);
      },
    }));
  });
  afterAll(async () => {
    await second?.stop();
    await app.dispose();
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
    await new Promise((r) => setTimeout(r, 600));
    expect(poster.posts).toHaveLength(before + 1);
  });

  test('a job run twice posts once; a cancelled audition is not reminded', async () => {
    await book(chat, 'T00004', dueIn(3_600_000));
    const [a] = (await app.db.store.auditions.listBetween('local:studio', new Date(), new Date(Date.now() + 3 * 3_600_000))).filter((x) => x.talentId === 'T00004');
    const run = reminderHandler(jobDeps(app));
    const data = { key: reminderKey(a!.id, 60), auditionId: a!.id, offsetMinutes: 60 };
    const before = poster.posts.length;
    await run(data);
    await run(data);
    expect(poster.posts.length).toBe(before + 1);
    await app.db.store.auditions.update(a!.id, { status: 'cancelled' });
    await run({ ...data, key: 'audition:other:60' });
    expect(poster.posts.length).toBe(before + 1);
  });

});
