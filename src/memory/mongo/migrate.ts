/**
 * Applies pending numbered migrations, recording each in the `migrations` collection. MongoDB has
 * no advisory locks, so a lease document (`_id: 'lock'`) keeps two bot replicas starting together
 * from racing on a fresh database; a lease left by a crashed process expires on its own.
 */
import { randomUUID } from 'node:crypto';
import type { mongo } from 'mongoose';
import { migrations as allMigrations, type MongoMigration } from './migrations/index.js';
import { isDuplicateKey } from './models.js';

interface MigrationDoc {
  _id: number | 'lock';
  name?: string;
  appliedAt?: Date;
  owner?: string;
  until?: Date;
}

export interface MigrateOptions {
  migrations?: MongoMigration[];
  /** How long a lease lasts before another process may take it over. */
  leaseMs?: number;
  /** How long to wait for another process's lease before giving up. */
  waitMs?: number;
}

export async function migrateMongo(db: mongo.Db, opts: MigrateOptions = {}): Promise<number[]> {
  const list = [...(opts.migrations ?? allMigrations)].sort((a, b) => a.version - b.version);
  const col = db.collection<MigrationDoc>('migrations');
  const owner = randomUUID();
  await acquireLease(col, owner, opts.leaseMs ?? 60_000, opts.waitMs ?? 30_000);
  try {
    const done = new Set((await col.find({ _id: { $ne: 'lock' } }).toArray()).map((d) => d._id));
    const applied: number[] = [];
    for (const m of list) {
      if (done.has(m.version)) continue;
      await m.up(db);
      await col.insertOne({ _id: m.version, name: m.name, appliedAt: new Date() });
      applied.push(m.version);
    }
    return applied;
  } finally {
    await col.deleteOne({ _id: 'lock', owner });
  }
}

async function acquireLease(col: mongo.Collection<MigrationDoc>, owner: string, leaseMs: number, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    const now = new Date();
    try {
      // Matches only a lapsed lease; when a live one exists the upsert's insert hits the unique _id.
      await col.updateOne(
        { _id: 'lock', until: { $lte: now } },
        { $set: { owner, until: new Date(now.getTime() + leaseMs) } },
        { upsert: true },
      );
      return;
    } catch (err) {
      if (!isDuplicateKey(err)) throw err;
    }
    if (Date.now() > deadline) {
      throw new Error(
        'MongoDB migrations are locked by another process (document _id "lock" in the "migrations" collection); retry, or delete it if no other CastMatch is starting',
      );
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}
