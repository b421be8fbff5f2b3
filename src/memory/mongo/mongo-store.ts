/**
 * The MongoDB store (production): mongoose models on a dedicated connection, the same repository
 * semantics as the PostgreSQL store, held to them by test/memory/contract.
 */
import mongoose, { type ClientSession, type Connection } from 'mongoose';
import type { Store } from '../store.js';
import { createModels } from './models.js';
import { migrateMongo } from './migrate.js';
import { MongoChannelMemory } from './channel-repo.js';
import { MongoTalent, type RunAtomically } from './talent-repo.js';
import { MongoProjects, MongoShortlists } from './project-repos.js';
import { MongoAuditions } from './audition-repo.js';
import { MongoConfirmations, MongoInstallations, MongoOnce } from './small-repos.js';

export interface MongoStoreOptions {
  /** Overrides the database named in the URI (tests use a fresh one per run). */
  dbName?: string;
  /** How long to look for a server before failing start-up. */
  serverSelectionTimeoutMS?: number;
}

export class MongoStore implements Store {
  readonly kind = 'mongodb' as const;
  readonly channels;
  readonly talent;
  readonly projects;
  readonly shortlists;
  readonly auditions;
  readonly confirmations;
  readonly installations;
  readonly once;
  private readonly models: ReturnType<typeof createModels>;

  private constructor(
    private readonly conn: Connection,
    transactions: boolean,
  ) {
    const m = createModels(conn);
    this.models = m;
    const atomically: RunAtomically = transactions
      ? (fn) => conn.transaction((session: ClientSession) => fn(session))
      : (fn) => fn(undefined);
    this.channels = new MongoChannelMemory(m.channelFields, m.channelTurns);
    this.talent = new MongoTalent(m.talent, atomically);
    this.projects = new MongoProjects(m.projects);
    this.shortlists = new MongoShortlists(m.shortlists);
    this.auditions = new MongoAuditions(m.auditions);
    this.confirmations = new MongoConfirmations(m.confirmations);
    this.installations = new MongoInstallations(m.installations);
    this.once = new MongoOnce(m.once);
  }

  /** Connects, applies pending migrations, and checks whether the server runs transactions. */
  static async open(uri: string, opts: MongoStoreOptions = {}): Promise<MongoStore> {
    const conn = mongoose.createConnection(uri, {
      ...(opts.dbName ? { dbName: opts.dbName } : {}),
      serverSelectionTimeoutMS: opts.serverSelectionTimeoutMS ?? 10_000,
      // Indexes come from numbered migrations, not from whichever replica starts first.
      autoIndex: false,
      autoCreate: false,
    });
    try {
      await conn.asPromise();
      const db = conn.db;
      if (!db) throw new Error('MongoDB connection opened without a database');
      await migrateMongo(db);
      return new MongoStore(conn, await supportsTransactions(db));
    } catch (err) {
      await conn.close().catch(() => undefined);
      throw err;
    }
  }

  async ping(): Promise<void> {
    if (!this.conn.db) throw new Error('MongoDB connection is closed');
    await this.conn.db.command({ ping: 1 });
  }

  /** Channel fields and once-keys also have TTL indexes; confirmations have none, so this is their only sweep. */
  async sweepExpired(before: Date): Promise<number> {
    const expired = { expiresAt: { $ne: null, $lte: before } };
    const results = await Promise.all([
      this.models.channelFields.deleteMany(expired),
      this.models.confirmations.deleteMany(expired),
      this.models.once.deleteMany(expired),
    ]);
    return results.reduce((n, r) => n + r.deletedCount, 0);
  }

  async close(): Promise<void> {
    await this.conn.close();
  }
}

/**
 * Transactions need a replica set or a sharded cluster (Atlas is both); a standalone server, as
 * in local development, refuses them, and the store then writes talent imports without one.
 */
async function supportsTransactions(db: mongoose.mongo.Db): Promise<boolean> {
  const hello = (await db.command({ hello: 1 })) as { setName?: string; msg?: string };
  return Boolean(hello.setName) || hello.msg === 'isdbgrid';
}
