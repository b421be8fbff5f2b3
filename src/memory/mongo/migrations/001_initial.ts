/**
 * The first schema: collections and their indexes, spelled out here rather than read from the
 * mongoose schemas, so that this migration stays what it was when later ones change the schemas.
 * Every step is idempotent (creating an existing identical index is a no-op).
 */
import type { mongo } from 'mongoose';

export const name = 'initial';

export async function up(db: mongo.Db): Promise<void> {
  const existing = new Set((await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name));
  for (const c of [
    'channel_memory',
    'channel_turns',
    'talent',
    'projects',
    'shortlists',
    'auditions',
    'confirmations',
    'installations',
    'once_keys',
  ]) {
    if (!existing.has(c)) await db.createCollection(c);
  }
  await db.collection('channel_memory').createIndexes([
    { key: { channel: 1, field: 1 }, unique: true },
    { key: { expiresAt: 1 }, expireAfterSeconds: 0 },
  ]);
  await db.collection('talent').createIndex({ tenant: 1, talentId: 1 }, { unique: true });
  await db.collection('projects').createIndex({ channel: 1, fileHash: 1, createdAt: -1 });
  await db.collection('auditions').createIndex({ tenant: 1, startsAt: 1 });
  await db.collection('confirmations').createIndex({ expiresAt: 1 }, { expireAfterSeconds: 24 * 60 * 60 });
  await db.collection('installations').createIndex({ platform: 1, workspace: 1 }, { unique: true });
  await db.collection('once_keys').createIndex({ expiresAt: 1 }, { expireAfterSeconds: 0 });
}
