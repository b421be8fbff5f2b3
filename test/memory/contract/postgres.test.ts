/**
 * The store contract against a PostgreSQL server when DATABASE_URL is set. Each run works in a
 * schema of its own (dropped afterwards), so runs never see each other's rows.
 */
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { PgStore } from '../../../src/memory/postgres/pg-store.js';
import { pgPoolClient } from '../../../src/memory/postgres/sql-client.js';
import { describeStoreContract } from './store-contract.js';

const url = process.env.DATABASE_URL;

/** A new empty schema, pools whose search_path points at it, and a drop that cleans up. */
async function freshSchema(connectionString: string) {
  const schema = `castmatch_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  const admin = new pg.Client({ connectionString });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  return {
    pool: () => new pg.Pool({ connectionString, max: 5, options: `-c search_path=${schema}` }),
    drop: async () => {
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    },
  };
}

if (url) {
  describeStoreContract('PostgreSQL (DATABASE_URL)', async () => {
    const fresh = await freshSchema(url);
    const store = await PgStore.open('postgres', pgPoolClient(fresh.pool()));
    return {
      store,
      close: async () => {
        await store.close();
        await fresh.drop();
      },
    };
  });

  describe('PostgreSQL start-up', () => {
    // CREATE TABLE IF NOT EXISTS is not safe under concurrency (pg_type_typname_nsp_index), so
    // migrate() creates its bookkeeping table only under the advisory lock.
    test('several replicas opening a fresh database together all start', async () => {
      for (let round = 0; round < 5; round++) {
        const fresh = await freshSchema(url);
        const pools = [1, 2, 3, 4].map(() => fresh.pool());
        try {
          const opened = await Promise.allSettled(pools.map((p) => PgStore.open('postgres', pgPoolClient(p))));
          expect(opened.filter((o) => o.status === 'rejected')).toEqual([]);
        } finally {
          await Promise.all(pools.map((p) => p.end()));
          await fresh.drop();
        }
      }
    });
  });
} else {
  test.skip('set DATABASE_URL=postgres://… to run against PostgreSQL', () => undefined);
}
