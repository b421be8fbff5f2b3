/**
 * The MongoDB migration runner without a server: a small stand-in for the `migrations` collection
 * answers the few operations the runner uses with MongoDB's semantics (an upsert whose filter
 * misses inserts, and a second document with the same `_id` is a duplicate-key error, code 11000).
 */
import type { mongo } from 'mongoose';
import { migrateMongo } from '../../../src/memory/mongo/migrate.js';
import type { MongoMigration } from '../../../src/memory/mongo/migrations/index.js';

type Doc = { _id: unknown } & Record<string, unknown>;

function duplicateKey(): Error {
  return Object.assign(new Error('E11000 duplicate key error'), { code: 11000 });
}

function migrationsCollection(docs = new Map<unknown, Doc>()) {
  return {
    docs,
    find: (filter: { _id: { $ne: unknown } }) => ({
      toArray: async () => [...docs.values()].filter((d) => d._id !== filter._id.$ne),
    }),
    insertOne: async (doc: Doc) => {
      if (docs.has(doc._id)) throw duplicateKey();
      docs.set(doc._id, { ...doc });
    },
    updateOne: async (filter: { _id: unknown; until: { $lte: Date } }, update: { $set: Record<string, unknown> }) => {
      const found = docs.get(filter._id);
      if (found && (found.until as Date) <= filter.until.$lte) {
        Object.assign(found, update.$set);
        return;
      }
      if (found) throw duplicateKey(); // the upsert's insert collides with the live lease
      docs.set(filter._id, { _id: filter._id, ...update.$set });
    },
    deleteOne: async (filter: { _id: unknown; owner: string }) => {
      if (docs.get(filter._id)?.owner === filter.owner) docs.delete(filter._id);
    },
  };
}

function dbWith(collection: ReturnType<typeof migrationsCollection>): mongo.Db {
  return { collection: () => collection } as unknown as mongo.Db;
}

function recorder() {
  const ran: number[] = [];
  const make = (version: number, fail = false): MongoMigration => ({
    version,
    name: `m${version}`,
    up: async () => {
      if (fail) throw new Error(`migration ${version} broke`);
      ran.push(version);
    },
  });
  return { ran, make };
}

describe('MongoDB migration runner', () => {
  test('applies pending migrations in version order, records each, and skips them next time', async () => {
    const col = migrationsCollection();
    const { ran, make } = recorder();
    const list = [make(2), make(1), make(3)];
    expect(await migrateMongo(dbWith(col), { migrations: list })).toEqual([1, 2, 3]);
    expect(ran).toEqual([1, 2, 3]);
    expect([...col.docs.keys()].sort()).toEqual([1, 2, 3]);
    expect(col.docs.get(2)).toMatchObject({ name: 'm2', appliedAt: expect.any(Date) });

    expect(await migrateMongo(dbWith(col), { migrations: [...list, make(4)] })).toEqual([4]);
    expect(ran).toEqual([1, 2, 3, 4]);
  });

  test('a failed migration is not recorded, releases the lease, and runs again on the next start', async () => {
    const col = migrationsCollection();
    const { ran, make } = recorder();
    await expect(migrateMongo(dbWith(col), { migrations: [make(1), make(2, true)] })).rejects.toThrow('migration 2 broke');
    expect([...col.docs.keys()]).toEqual([1]);
    expect(await migrateMongo(dbWith(col), { migrations: [make(1), make(2)] })).toEqual([2]);
    expect(ran).toEqual([1, 2]);
  });

  test("waits for another process's live lease and then says what holds it", async () => {
    const col = migrationsCollection(new Map([['lock', { _id: 'lock', owner: 'other', until: new Date(Date.now() + 60_000) }]]));
    const { ran, make } = recorder();
    await expect(migrateMongo(dbWith(col), { migrations: [make(1)], waitMs: 300 })).rejects.toThrow(
      /locked by another process.*"migrations"/,
    );
    expect(ran).toEqual([]);
  });

  test('takes over a lease left behind by a process that died', async () => {
    const col = migrationsCollection(new Map([['lock', { _id: 'lock', owner: 'dead', until: new Date(Date.now() - 1000) }]]));
    const { make } = recorder();
    expect(await migrateMongo(dbWith(col), { migrations: [make(1)] })).toEqual([1]);
    expect(col.docs.has('lock')).toBe(false);
  });

  test('proceeds as soon as the other process releases its lease', async () => {
    const col = migrationsCollection(new Map([['lock', { _id: 'lock', owner: 'other', until: new Date(Date.now() + 60_000) }]]));
    const { make } = recorder();
    setTimeout(() => col.docs.delete('lock'), 100);
    expect(await migrateMongo(dbWith(col), { migrations: [make(1)], waitMs: 5_000 })).toEqual([1]);
  });
});
