/**
 * The embedded database shares the event loop with the chat platforms' webhooks: during a long run
 * of statements (an import, a turn), a request waiting for its acknowledgement must get its turn.
 */
import { PGlite } from '@electric-sql/pglite';
import { pgliteClient, type SqlClient } from '../../src/memory/postgres/sql-client.js';

let client: SqlClient;

beforeAll(async () => {
  client = pgliteClient(await PGlite.create());
});

afterAll(async () => {
  await client?.close();
});

/** Runs `statements` queries one after another; returns how many had finished when a timer queued before them fired. */
async function queriesBeforeTimer(run: (i: number) => Promise<unknown>, statements: number): Promise<number> {
  let done = 0;
  let seenAt = -1;
  setTimeout(() => {
    seenAt = done;
  }, 0);
  for (let i = 0; i < statements; i++) {
    await run(i);
    done++;
  }
  return seenAt;
}

it('lets waiting callbacks run between queries of a long chain', async () => {
  const seenAt = await queriesBeforeTimer(() => client.query('SELECT 1'), 300);
  expect(seenAt).toBeGreaterThanOrEqual(0);
  expect(seenAt).toBeLessThan(300);
});

it('does so inside a transaction too, and the transaction still commits all or nothing', async () => {
  await client.exec('CREATE TABLE t (n int)');
  let seenAt = -1;
  await client.transaction(async (tx) => {
    seenAt = await queriesBeforeTimer((i) => tx.query('INSERT INTO t VALUES ($1)', [i]), 300);
  });
  expect(seenAt).toBeGreaterThanOrEqual(0);
  expect(seenAt).toBeLessThan(300);
  expect((await client.query<{ n: number }>('SELECT count(*)::int AS n FROM t')).rows[0]?.n).toBe(300);
  await expect(
    client.transaction(async (tx) => {
      await tx.query('INSERT INTO t VALUES (99)');
      throw new Error('changed my mind');
    }),
  ).rejects.toThrow('changed my mind');
  expect((await client.query<{ n: number }>('SELECT count(*)::int AS n FROM t')).rows[0]?.n).toBe(300);
});
