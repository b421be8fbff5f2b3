/** Reminders survive a restart: booked by one bot process, posted by the next one on the same database. */
import { rm } from 'node:fs/promises';
import { bookingApp, act, only, CapturingPoster, waitFor, rosterOf } from './helpers.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { tempDataDir } from '../../helpers/store.js';
import { registerAuditionJobs } from '../../../src/skills/book-audition/jobs/index.js';
import { createLogger } from '../../../src/log/logger.js';

const log = createLogger('silent');
const env = { REMINDER_OFFSETS_MINUTES: '60' };
const roster = rosterOf(['T00072']);
const dueIn = (ms: number) => new Date(Date.now() + 60 * 60_000 + ms).toISOString();
const jobDeps = (app: TestApp) => ({ scheduler: app.scheduler, store: app.db.store, outbox: app.outbox, log, config: app.config });

test('a reminder booked before a restart is posted by the restarted bot', async () => {
  const dir = await tempDataDir();
  try {
    const first = await bookingApp({ ...env, CASTMATCH_DATA_DIR: dir }, {}, { roster });
    const proposal = only(await act(first.chat, { op: 'book', person: 'T00072', role: 'MARIA', when: dueIn(4000) }));
    expect(only(await first.chat.press('Confirm', proposal)).isError).toBeFalsy();
    await first.app.dispose();

    const poster = new CapturingPoster();
    const app = await createTestApp({ ...env, EMBEDDING_MODEL: 'hashed-64', CASTMATCH_DATA_DIR: dir }, { schedulerPollMs: 100 });
    try {
      registerAuditionJobs(jobDeps(app));
      app.outbox.register(poster);
      await app.startScheduler();
      await waitFor(() => poster.posts.length === 1);
      expect(poster.posts[0]!.reply.text).toMatch(/^Reminder: Meera Patil auditions for MARIA/);
    } finally {
      await app.dispose();
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});
