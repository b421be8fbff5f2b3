/**
 * Applies pending numbered migrations in one transaction each. An advisory lock keeps two bot
 * replicas starting together from racing on a fresh database.
 */
import type { SqlClient } from './sql-client.js';
import { migrations as allMigrations } from './migrations/index.js';

const LOCK_ID = 4242_0001;

/** Applies what `migrations` (default: all) holds and the database lacks; returns the versions applied. */
export async function migrate(db: SqlClient, migrations = allMigrations): Promise<number[]> {
  return db.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [LOCK_ID]);
    // Created under the lock: two replicas racing on CREATE TABLE IF NOT EXISTS can both fail on the catalog.
    await tx.exec(
      'CREATE TABLE IF NOT EXISTS schema_migrations (version int PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())',
    );
    const { rows } = await tx.query<{ version: number }>('SELECT version FROM schema_migrations');
    const done = new Set(rows.map((r) => r.version));
    const applied: number[] = [];
    for (const m of migrations) {
      if (done.has(m.version)) continue;
      await tx.exec(m.up);
      await tx.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [m.version, m.name]);
      applied.push(m.version);
    }
    return applied;
  });
}
