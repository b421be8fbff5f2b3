/**
 * The slice of a SQL connection the store needs. Both `pg.Pool` and PGlite answer
 * `query(text, params)` with `{ rows }`; transactions differ, so each gets a small wrapper.
 */
import { setImmediate as nextMacrotask } from 'node:timers/promises';
import type { PGlite } from '@electric-sql/pglite';
import type pg from 'pg';

export interface SqlQueryable {
  query<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /** Runs several statements without parameters (migrations). */
  exec(sql: string): Promise<void>;
}

export interface SqlClient extends SqlQueryable {
  /** Runs `fn` in one transaction: all its writes or none. */
  transaction<T>(fn: (tx: SqlQueryable) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

/**
 * PGlite runs each statement synchronously on this thread, and a promise chain of queries would run
 * them back to back without the event loop ever polling: an import's thousands of statements, or a
 * turn's dozen, would keep a waiting Slack request from its acknowledgement. So a query starts from
 * a fresh macrotask, letting pending network input be read, once a millisecond of statements has
 * run since the last time (yielding before every one would slow an import by a tenth).
 */
const YIELD_EVERY_MS = 1;

export function pgliteClient(db: PGlite, onClose?: () => Promise<void>): SqlClient {
  let yieldedAt = performance.now();
  const letOthersIn = async () => {
    if (performance.now() - yieldedAt < YIELD_EVERY_MS) return;
    await nextMacrotask();
    yieldedAt = performance.now();
  };
  return {
    query: async <R>(text: string, params?: unknown[]) => {
      await letOthersIn();
      const r = await db.query<R>(text, params as unknown[] | undefined);
      return { rows: r.rows };
    },
    exec: async (sql) => {
      await db.exec(sql);
    },
    transaction: (fn) =>
      db.transaction((tx) =>
        fn({
          query: async <R>(text: string, params?: unknown[]) => {
            await letOthersIn();
            return { rows: (await tx.query<R>(text, params as unknown[] | undefined)).rows };
          },
          exec: async (sql) => {
            await tx.exec(sql);
          },
        }),
      ),
    close: async () => {
      await onClose?.();
      if (!db.closed) await db.close();
    },
  };
}

export function pgPoolClient(pool: pg.Pool): SqlClient {
  return {
    query: async <R>(text: string, params?: unknown[]) => ({ rows: (await pool.query(text, params)).rows as R[] }),
    exec: async (sql) => {
      await pool.query(sql);
    },
    transaction: async (fn) => {
      const conn = await pool.connect();
      try {
        await conn.query('BEGIN');
        const result = await fn({
          query: async <R>(text: string, params?: unknown[]) => ({ rows: (await conn.query(text, params)).rows as R[] }),
          exec: async (sql) => {
            await conn.query(sql);
          },
        });
        await conn.query('COMMIT');
        return result;
      } catch (err) {
        await conn.query('ROLLBACK').catch(() => undefined);
        throw err;
      } finally {
        conn.release();
      }
    },
    close: () => pool.end(),
  };
}
