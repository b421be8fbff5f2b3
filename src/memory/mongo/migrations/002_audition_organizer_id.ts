/**
 * Auditions gain `organizerId` (who booked it, by platform user id). Documents stored before have
 * none; they get an explicit `null`, as new documents without one are stored, so every audition
 * document has the same fields. Idempotent: only documents still lacking the field are touched.
 */
import type { mongo } from 'mongoose';

export const name = 'audition organizer id';

export async function up(db: mongo.Db): Promise<void> {
  await db.collection('auditions').updateMany({ organizerId: { $exists: false } }, { $set: { organizerId: null } });
}
