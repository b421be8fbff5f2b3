import { createTestDatabase } from '../helpers/store.js';
import { AgendaScheduler } from '../../src/scheduler/agenda-scheduler.js';
import { createLogger } from '../../src/log/logger.js';

test('agenda on pglite runs a job', async () => {
  const db = await createTestDatabase();
  const s = new AgendaScheduler({ database: await db.scheduler(), log: createLogger('silent'), processEvery: 200 });
  const ran: string[] = [];
  s.define('ping', async (d) => { ran.push(d.key); });
  await s.start();
  await s.at(new Date(Date.now() + 300), 'ping', { key: 'k1' });
  console.log(await s.pending());
  await new Promise((r) => setTimeout(r, 1500));
  await s.stop();
  await db.close();
  expect(ran).toEqual(['k1']);
});
