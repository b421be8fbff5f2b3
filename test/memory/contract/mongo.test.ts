/**
 * The store contract against MongoDB when MONGODB_URI is set. Each run uses a database of its own
 * (dropped afterwards), so runs never see each other's documents.
 */
import { randomUUID } from 'node:crypto';
import mongoose from 'mongoose';
import { MongoStore } from '../../../src/memory/mongo/mongo-store.js';
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
        const applied = await conn.collection('migrations').find({ _id: { $ne: 'lock' } } as never).toArray();
        expect(applied.map((d) => d._id)).toEqual([1]);
        const indexes = await conn.collection('once_keys').indexes();
        expect(indexes.some((i) => i.expireAfterSeconds === 0)).toBe(true);
      } finally {
        await conn.dropDatabase();
        await conn.close();
      }
    });
  });
} else {
  test.skip('set MONGODB_URI=mongodb://localhost:27017/castmatch-test to run against MongoDB', () => undefined);
}
