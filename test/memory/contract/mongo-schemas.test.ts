/**
 * What can be checked of the MongoDB store with no server: its models build, documents validate
 * the way the repositories rely on, and the migrations create every index the schemas declare.
 * The behaviour itself is held to the contract by mongo.test.ts when MONGODB_URI is set.
 */
import { jest } from '@jest/globals';
import mongoose, { type mongo } from 'mongoose';
import { createModels, type MongoModels } from '../../../src/memory/mongo/models.js';
import { schemas } from '../../../src/memory/mongo/schemas.js';
import { migrations } from '../../../src/memory/mongo/migrations/index.js';
import { MongoTalent } from '../../../src/memory/mongo/talent-repo.js';
import { MongoChannelMemory } from '../../../src/memory/mongo/channel-repo.js';
import type { TalentRecord } from '../../../src/memory/records.js';

let conn: mongoose.Connection;
let models: MongoModels;

beforeAll(() => {
  // A connection that never connects: models and validation need no server.
  conn = mongoose.createConnection();
  models = createModels(conn);
});
afterAll(async () => {
  await conn?.close();
});

/** A Db stand-in that records the collections, indexes and document updates a migration asks for. */
function recordingDb() {
  const collections = new Set<string>();
  const indexes: { collection: string; key: Record<string, number>; options: Record<string, unknown> }[] = [];
  const updates: { collection: string; filter: unknown; update: unknown }[] = [];
  const db = {
    listCollections: () => ({ toArray: async () => [...collections].map((name) => ({ name })) }),
    createCollection: async (name: string) => {
      collections.add(name);
    },
    collection: (name: string) => ({
      createIndex: async (key: Record<string, number>, options: Record<string, unknown> = {}) => {
        indexes.push({ collection: name, key, options });
      },
      createIndexes: async (specs: ({ key: Record<string, number> } & Record<string, unknown>)[]) => {
        for (const { key, ...options } of specs) indexes.push({ collection: name, key, options });
      },
      updateMany: async (filter: unknown, update: unknown) => {
        updates.push({ collection: name, filter, update });
      },
    }),
  };
  return { db: db as unknown as mongo.Db, collections, indexes, updates };
}

describe('MongoDB schemas', () => {
  test('every model maps to its own collection', () => {
    const names = Object.values(models).map((m) => m.collection.collectionName);
    expect(new Set(names).size).toBe(names.length);
    expect(names).toEqual(expect.arrayContaining(['channel_memory', 'talent', 'confirmations', 'once_keys']));
  });

  test('documents missing a key field fail validation, naming the field', async () => {
    await expect(
      new models.talent({ tenant: 'slack:T1', profile: '{}', contentHash: 'h', updatedAt: new Date() }).validate(),
    ).rejects.toThrow(/talentId/);
    await expect(new models.channelFields({ channel: 'slack:T1:C1', field: 'f', value: '1' }).validate()).resolves.toBeUndefined();
    await expect(
      new models.confirmations({ _id: 'c1', channel: 'c', userId: 'u', skill: 's', payload: '{}', summary: 'x' }).validate(),
    ).rejects.toThrow(/expiresAt/);
  });

  test('an audition status outside booked/cancelled is refused', async () => {
    const base = {
      _id: 'a1',
      tenant: 't',
      channel: 'c',
      role: 'R',
      talentId: 't1',
      talentName: 'Ada',
      startsAt: new Date(),
      endsAt: new Date(),
      timeZone: 'UTC',
      organizer: 'U1',
      createdAt: new Date(),
      updatedAt: new Date(),
    };
    await expect(new models.auditions({ ...base, status: 'booked' }).validate()).resolves.toBeUndefined();
    await expect(new models.auditions({ ...base, status: 'maybe' }).validate()).rejects.toThrow(/status.*maybe|maybe.*status/);
  });

  test('unknown fields are an error, not silently dropped', () => {
    expect(() => new models.installations({ platform: 'slack', workspace: 'T1', data: '{}', updatedAt: new Date(), token: 'x' })).toThrow(
      /token/,
    );
  });

  test('expiring collections carry TTL indexes and keyed ones unique indexes', () => {
    const ttl = (s: mongoose.Schema) => s.indexes().find(([key, o]) => 'expiresAt' in key && o.expireAfterSeconds !== undefined)?.[1];
    expect(ttl(schemas.ChannelField)?.expireAfterSeconds).toBe(0);
    expect(ttl(schemas.OnceKey)?.expireAfterSeconds).toBe(0);
    // Kept a day past expiry so that `get` can still tell an expired proposal from an unknown one.
    expect(ttl(schemas.Confirmation)?.expireAfterSeconds).toBe(86_400);
    const unique = (s: mongoose.Schema) =>
      s
        .indexes()
        .filter(([, o]) => o.unique)
        .map(([key]) => Object.keys(key));
    expect(unique(schemas.ChannelField)).toEqual([['channel', 'field']]);
    expect(unique(schemas.Talent)).toEqual([['tenant', 'talentId']]);
    expect(unique(schemas.Installation)).toEqual([['platform', 'workspace']]);
  });
});

describe('MongoDB migrations', () => {
  test('are numbered 1, 2, 3… in order', () => {
    expect(migrations.map((m) => m.version)).toEqual(migrations.map((_, i) => i + 1));
  });

  test('create every collection and every index the schemas declare', async () => {
    const { db, collections, indexes } = recordingDb();
    for (const m of migrations) await m.up(db);
    for (const [name, schema] of Object.entries(schemas)) {
      const collection = schema.get('collection') as string;
      expect({ name, created: collections.has(collection) }).toEqual({ name, created: true });
      for (const [key, options] of schema.indexes()) {
        const made = indexes.find((i) => i.collection === collection && JSON.stringify(i.key) === JSON.stringify(key));
        expect({ collection, key, options: made?.options }).toEqual({ collection, key, options });
      }
    }
  });

  test('the second gives auditions stored before organizer ids an explicit null, touching no others', async () => {
    const { db, updates } = recordingDb();
    await migrations[1]!.up(db);
    expect(updates).toEqual([
      { collection: 'auditions', filter: { organizerId: { $exists: false } }, update: { $set: { organizerId: null } } },
    ]);
    // What the schema stores for an audition without one, so old and new documents look alike.
    expect(new models.auditions({}).organizerId).toBeNull();
  });

  test('the third gives auditions stored before addresses an explicit null, touching no others', async () => {
    const { db, updates } = recordingDb();
    await migrations[2]!.up(db);
    expect(updates).toEqual([{ collection: 'auditions', filter: { address: { $exists: false } }, update: { $set: { address: null } } }]);
    expect(new models.auditions({}).address).toBeNull();
  });

  test('running the first migration twice creates nothing new', async () => {
    const { db, collections } = recordingDb();
    const spy = jest.spyOn(db, 'createCollection');
    await migrations[0]!.up(db);
    const first = spy.mock.calls.length;
    await migrations[0]!.up(db);
    expect(spy.mock.calls.length).toBe(first);
    expect(collections.size).toBe(first);
  });
});

describe('MongoDB talent import', () => {
  test('a batch with a bad row is refused before anything is written', async () => {
    const atomically = jest.fn(async <T>(fn: (s: undefined) => Promise<T>) => fn(undefined));
    const repo = new MongoTalent(models.talent, atomically as never);
    const good: TalentRecord = {
      tenant: 'slack:T1',
      contentHash: 'h',
      updatedAt: new Date(),
      profile: { id: 't-1', name: 'Ada', languages: [], accents: [], skills: [], credits: [], contact: {} },
    };
    const bad = { ...good, profile: { ...good.profile, id: undefined as unknown as string } };
    await expect(repo.upsertMany([good, bad])).rejects.toThrow(/\(no id\) of slack:T1.*talentId/);
    expect(atomically).not.toHaveBeenCalled();
  });
});

describe('MongoDB channel memory', () => {
  test("refuses to store undefined, naming the field, as PostgreSQL's NOT NULL column does", async () => {
    const repo = new MongoChannelMemory(models.channelFields, models.channelTurns);
    await expect(repo.set('slack:T1:C1', 'lastRole', undefined)).rejects.toThrow(/lastRole.*undefined/);
    await expect(repo.setIfAbsent('slack:T1:C1', 'lock', undefined)).rejects.toThrow(/lock.*undefined/);
  });
});
