/**
 * Picks the database from configuration: MongoDB when MONGODB_URI is set (production), PostgreSQL
 * when DATABASE_URL is set, and otherwise embedded PGlite under the data dir.
 */
import pg from 'pg';
import type { Config } from '../config/config.js';
import type { Store } from './store.js';
import { PgStore } from './postgres/pg-store.js';
import { pgliteClient, pgPoolClient } from './postgres/sql-client.js';
import { EMBEDDED_SCHEDULER_CONNECTIONS, openEmbeddedPostgres } from './embedded-postgres.js';

/** How the scheduler reaches the same database. */
export type SchedulerDatabase =
  /** `maxConnections` caps the scheduler's pool (the embedded server takes a few connections only). */
  { kind: 'postgres'; connectionString: string; maxConnections?: number } | { kind: 'mongodb'; uri: string };

export interface Database {
  store: Store;
  scheduler(): Promise<SchedulerDatabase>;
  close(): Promise<void>;
}

export async function openDatabase(config: Pick<Config, 'MONGODB_URI' | 'DATABASE_URL' | 'CASTMATCH_DATA_DIR'>): Promise<Database> {
  if (config.MONGODB_URI) {
    const uri = config.MONGODB_URI;
    const { MongoStore } = await import('./mongo/mongo-store.js');
    const store = await MongoStore.open(uri);
    return { store, scheduler: async () => ({ kind: 'mongodb', uri }), close: () => store.close() };
  }
  if (config.DATABASE_URL) {
    const connectionString = config.DATABASE_URL;
    const pool = new pg.Pool({ connectionString, max: 10 });
    const store = await PgStore.open('postgres', pgPoolClient(pool));
    return { store, scheduler: async () => ({ kind: 'postgres', connectionString }), close: () => store.close() };
  }
  const embedded = await openEmbeddedPostgres(config.CASTMATCH_DATA_DIR);
  const store = await PgStore.open(
    'pglite',
    pgliteClient(embedded.db, async () => embedded.close()),
  );
  return {
    store,
    scheduler: async () => ({
      kind: 'postgres',
      connectionString: await embedded.connectionUrl(),
      maxConnections: EMBEDDED_SCHEDULER_CONNECTIONS,
    }),
    close: () => store.close(),
  };
}
