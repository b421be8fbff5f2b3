/** The scheduler port on Agenda over the embedded database: keyed, idempotent scheduling. */
import { createTestDatabase } from '../helpers/store.js';
import { AgendaScheduler } from '../../src/scheduler/agenda-scheduler.js';
import { createLogger } from '../../src/log/logger.js';

const log = createLogger('silent');

test('a job scheduled twice under one key runs once, with the later data', async () => {
  const db = await createTestDatabase();
  const s = new AgendaScheduler({ database: await db.scheduler(), log, processEvery: 100 });
  const ran: unknown[] = [];
  s.define('ping', async (d) => {
    ran.push(d.n);
  });
  try {
    await s.at(new Date(Date.now() + 300), 'ping', { key: 'k1', n: 1 });
    await s.at(new Date(Date.now() + 300), 'ping', { key: 'k1', n: 2 });
    expect((await s.pending('k')).map((j) => j.key)).toEqual(['k1']);
    await s.start();
    await new Promise((r) => setTimeout(r, 1200));
    expect(ran).toEqual([2]);
    expect(await s.pending('k')).toEqual([]);
  } finally {
    await s.stop();
    await db.close();
  }
});

test('cancel removes every job under a key prefix and leaves the others', async () => {
  const db = await createTestDatabase();
  const s = new AgendaScheduler({ database: await db.scheduler(), log });
  s.define('ping', async () => undefined);
  try {
    const later = new Date(Date.now() + 3_600_000);
    for (const key of ['audition:a:60', 'audition:a:1440', 'audition:b:60']) await s.at(later, 'ping', { key });
    expect(await s.cancel('audition:a:')).toBe(2);
    expect((await s.pending('audition:')).map((j) => j.key)).toEqual(['audition:b:60']);
  } finally {
    await s.stop();
    await db.close();
  }
});
