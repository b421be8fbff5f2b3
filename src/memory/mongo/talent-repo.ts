import type { ClientSession, Model, mongo } from 'mongoose';
import type { TalentRepo, UpsertCounts } from '../store.js';
import type { TalentProfile, TalentRecord } from '../records.js';
import type { TalentDoc } from './schemas.js';
import { fromJson } from './models.js';

/** Runs `fn` in a transaction where the server has them (replica set, Atlas), otherwise directly. */
export type RunAtomically = <T>(fn: (session: ClientSession | undefined) => Promise<T>) => Promise<T>;

/** Float32 vectors are stored as raw little-endian bytes: compact and exact, as in PostgreSQL. */
function toBuffer(v: Float32Array): Buffer {
  return Buffer.from(v.buffer, v.byteOffset, v.byteLength);
}

/** The driver hands back a BSON Binary from lean reads; a Buffer when read through a document. */
function toFloat32(stored: unknown): Float32Array | undefined {
  if (!stored) return undefined;
  const bytes = stored instanceof Uint8Array ? stored : (stored as mongo.Binary).buffer;
  const copy = new Uint8Array(bytes); // realign: the driver's view may start at an odd offset
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
}

function toRecord(d: TalentDoc): TalentRecord {
  const vector = toFloat32(d.vector);
  return {
    tenant: d.tenant,
    profile: fromJson<TalentProfile>(d.profile),
    contentHash: d.contentHash,
    updatedAt: new Date(d.updatedAt),
    ...(vector ? { vector } : {}),
    ...(d.model ? { model: d.model } : {}),
  };
}

const CHUNK = 1000;

export class MongoTalent implements TalentRepo {
  constructor(
    private readonly model: Model<TalentDoc>,
    private readonly atomically: RunAtomically,
  ) {}

  async upsertMany(records: TalentRecord[]): Promise<UpsertCounts> {
    if (records.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    // Validate every row before writing any: on a server without transactions this is what keeps
    // a bad row from leaving half an import behind.
    for (const rec of records) {
      try {
        await new this.model(this.fieldsOf(rec)).validate();
      } catch (err) {
        throw new Error(`talent ${rec.profile?.id ?? '(no id)'} of ${rec.tenant ?? '(no tenant)'}: ${(err as Error).message}`);
      }
    }
    return this.atomically(async (session) => {
      const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
      for (let i = 0; i < records.length; i += CHUNK) {
        await this.upsertChunk(records.slice(i, i + CHUNK), counts, session);
      }
      return counts;
    });
  }

  private async upsertChunk(chunk: TalentRecord[], counts: UpsertCounts, session: ClientSession | undefined): Promise<void> {
    const key = (tenant: string, id: string) => JSON.stringify([tenant, id]);
    const stored = await this.model
      .find(
        { $or: chunk.map((r) => ({ tenant: r.tenant, talentId: r.profile.id })) },
        { tenant: 1, talentId: 1, contentHash: 1 },
        { session },
      )
      .lean();
    // Hashes as they will be after each row, so a batch naming one id twice counts like PostgreSQL.
    const hashes = new Map(stored.map((d) => [key(d.tenant, d.talentId), d.contentHash]));
    const ops: mongo.AnyBulkWriteOperation<TalentDoc>[] = [];
    for (const rec of chunk) {
      const k = key(rec.tenant, rec.profile.id);
      const before = hashes.get(k);
      if (before === rec.contentHash) {
        counts.unchanged++;
        continue;
      }
      if (before === undefined) counts.inserted++;
      else counts.updated++;
      hashes.set(k, rec.contentHash);
      const { vector, model, ...always } = this.fieldsOf(rec);
      // A re-import without a vector keeps the one computed before.
      ops.push({
        updateOne: {
          filter: { tenant: rec.tenant, talentId: rec.profile.id },
          update: { $set: { ...always, ...(vector ? { vector } : {}), ...(model ? { model } : {}) } },
          upsert: true,
        },
      });
    }
    if (ops.length > 0) await this.model.bulkWrite(ops as never, { ordered: true, session });
  }

  private fieldsOf(rec: TalentRecord): TalentDoc {
    return {
      tenant: rec.tenant,
      talentId: rec.profile?.id,
      profile: JSON.stringify(rec.profile),
      contentHash: rec.contentHash,
      vector: rec.vector ? toBuffer(rec.vector) : null,
      model: rec.model ?? null,
      updatedAt: rec.updatedAt,
    };
  }

  async get(tenant: string, id: string): Promise<TalentRecord | undefined> {
    const doc = await this.model.findOne({ tenant, talentId: id }).lean();
    return doc ? toRecord(doc) : undefined;
  }

  async list(tenant: string): Promise<TalentRecord[]> {
    const docs = await this.model.find({ tenant }).sort({ talentId: 1 }).lean();
    return docs.map(toRecord);
  }

  count(tenant: string): Promise<number> {
    return this.model.countDocuments({ tenant });
  }
}
