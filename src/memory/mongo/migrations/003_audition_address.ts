/**
 * Auditions gain `address` (the conversation they were booked in, thread included). Documents
 * stored before have none; they get an explicit `null`, as new documents without one are stored.
 * Idempotent: only documents still lacking the field are touched.
 */
import type { mongo } from 'mongoose';

export const name = 'audition address';

export async function up(db: mongo.Db): Promise<void> {
  await db.collection('auditions').updateMany({ address: { $exists: false } }, { $set: { address: null } });
}
