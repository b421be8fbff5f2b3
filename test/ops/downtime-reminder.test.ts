/**
 * A reminder falls due while the bot is down: after the next start it fires once — not lost, not
 * repeated — on the same data directory, through the Scheduler port the skills use.
 */
import { rm } from 'node:fs/promises';
import { createTestDatabase, tempDataDir } from '../helpers/store.js';
import { AgendaScheduler } from '../../src/scheduler/agenda-scheduler.js';
import type { Database } from '../../src/memory/open-store.js';
import type { JobData } from '../../src/scheduler/scheduler.js';
import { silent, sleep } from './support.js';

async function startBot(dir: string, fired: JobData[]): Promise<{ db: Database; jobs: AgendaScheduler }> {
  const db = await createTestDatabase(dir);
  const jobs = new AgendaScheduler({ database: await db.scheduler(), log: silent, processEvery: 100, lockLifetimeMs: 2_000 });
  jobs.define('audition-reminder', async (data) => {
    fired.push(data);
  });
  await jobs.start();
  return { db, jobs };
}

async function stopBot(bot: { db: Database; jobs: AgendaScheduler }): Promise<void> {
  await bot.jobs.stop();
  await bot.db.close();
}

async function waitFor(condition: () => boolean, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (!condition() && Date.now() < until) await sleep(50);
}

test('a reminder due during the downtime fires once after the next start', async () => {
  const dir = await tempDataDir();
  const fired: JobData[] = [];
  try {
    const first = await startBot(dir, fired);
    await first.jobs.at(new Date(Date.now() + 600), 'audition-reminder', { key: 'reminder:audition-7:60', audition: 'audition-7' });
    await stopBot(first);

    await sleep(900); // the reminder's time passes while nothing runs
    expect(fired).toEqual([]);

    const second = await startBot(dir, fired);
    try {
      await waitFor(() => fired.length > 0, 5_000);
      await sleep(600); // several more polls: it must not run again
      expect(fired).toEqual([{ key: 'reminder:audition-7:60', audition: 'audition-7' }]);
      expect(await second.jobs.pending('reminder:')).toEqual([]);
    } finally {
      await stopBot(second);
    }

    // And a third start does not replay it.
    const third = await startBot(dir, fired);
    await sleep(500);
    await stopBot(third);
    expect(fired).toHaveLength(1);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}, 30_000);
