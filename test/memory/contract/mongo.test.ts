/**
 * The store contract against MongoDB when MONGODB_URI is set. Each run uses a database of its own
 * (dropped afterwards), so runs never see each other's documents.
 */
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { MongoStore } from '../../../src/memory/mongo/mongo-store.js';
import { migrateMongo } from '../../../src/memory/mongo/migrate.js';
import { migrations } from '../../../src/memory/mongo/migrations/index.js';
import { describeStoreContract } from './store-contract.js';

const uri = process.env.MONGODB_URI;

if (uri) {
  describeStoreContract('MongoDB (MONGODB_URI)', async () => {
    const dbName = `castmatch-test-${randomUUID().slice(0, 12)}`;
    const store = await MongoStore.open(uri, { dbName, serverSelectionTimeoutMS: 5_000 });
    return {
      store,
      close: async () => {
        await store.close();
        const conn = await mongoose.createConnection(uri, { dbName }).asPromise();
        await conn.dropDatabase();
        await conn.close();
      },
    };
  });

  describe('MongoDB migrations', () => {
    test('are recorded once and not re-applied when the store opens again', async () => {
      const dbName = `castmatch-test-${randomUUID().slice(0, 12)}`;
      const first = await MongoStore.open(uri, { dbName });
      await first.close();
      const second = await MongoStore.open(uri, { dbName });
      await second.close();
      const conn = await mongoose.createConnection(uri, { dbName }).asPromise();
      try {
        const applied = await conn
          .collection('migrations')
          .find({ _id: { $ne: 'lock' } } as never)
          .toArray();
        expect(applied.map((d) => d._id)).toEqual([1, 2]);
        const indexes = await conn.collection('once_keys').indexes();
        expect(indexes.some((i) => i.expireAfterSeconds === 0)).toBe(true);
      } finally {
        await conn.dropDatabase();
        await conn.close();
      }
    });

    test('a database at version 1 is upgraded on open and keeps its auditions', async () => {
      const dbName = `castmatch-test-${randomUUID().slice(0, 12)}`;
      const conn = await mongoose.createConnection(uri, { dbName }).asPromise();
      try {
        const db = conn.db!;
        expect(await migrateMongo(db, { migrations: migrations.filter((m) => m.version === 1) })).toEqual([1]);
        // An audition as version 1 stored it: no organizerId field at all.
        const startsAt = new Date('2026-03-26T11:00:00Z');
        await db.collection<{ _id: string } & Record<string, unknown>>('auditions').insertOne({
          _id: 'a-before',
          tenant: 'slack:T0CASTING',
          channel: 'slack:T0CASTING:C0CASTING1',
          projectId: null,
          role: 'MARIA',
          talentId: 'T00072',
          talentName: 'Meera Patil',
          startsAt,
          endsAt: new Date('2026-03-26T11:20:00Z'),
          timeZone: 'Europe/London',
          status: 'booked',
          organizer: 'ana',
          calendarEventId: null,
          videoLink: null,
          createdAt: startsAt,
          updatedAt: startsAt,
        });
        const store = await MongoStore.open(uri, { dbName });
        try {
          const kept = await store.auditions.get('a-before');
          expect(kept).toMatchObject({ talentName: 'Meera Patil', organizer: 'ana', status: 'booked' });
          expect(kept).not.toHaveProperty('organizerId');
          expect(await db.collection('auditions').findOne({ _id: 'a-before' } as never)).toMatchObject({ organizerId: null });
          expect(await store.auditions.update('a-before', { organizerId: 'U0ANA00001' })).toMatchObject({ organizerId: 'U0ANA00001' });
        } finally {
          await store.close();
        }
        const applied = await conn
          .collection('migrations')
          .find({ _id: { $ne: 'lock' } } as never)
          .toArray();
        expect(applied.map((d) => d._id)).toEqual([1, 2]);
      } finally {
        await conn.dropDatabase();
        await conn.close();
      }
    });
  });
} else {
  test.skip('set MONGODB_URI=mongodb://localhost:27017/castmatch-test to run against MongoDB', () => undefined);
}
