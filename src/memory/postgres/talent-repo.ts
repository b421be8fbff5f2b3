import type { TalentRepo, UpsertCounts } from '../store.js';
import type { TalentProfile, TalentRecord } from '../records.js';
import type { SqlClient } from './sql-client.js';

interface TalentRow {
  tenant: string;
  id: string;
  profile: TalentProfile;
  content_hash: string;
  vector: Uint8Array | null;
  model: string | null;
  updated_at: Date;
}

/** Float32 vectors are stored as raw little-endian bytes: compact and exact. */
function toBytes(v: Float32Array): Uint8Array {
  return new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
}

function fromBytes(b: Uint8Array): Float32Array {
  const copy = new Uint8Array(b); // realign: the driver's buffer may start at an odd offset
  return new Float32Array(copy.buffer, 0, copy.byteLength / 4);
}

function toRecord(r: TalentRow): TalentRecord {
  return {
    tenant: r.tenant,
    profile: r.profile,
    contentHash: r.content_hash,
    updatedAt: new Date(r.updated_at),
    ...(r.vector ? { vector: fromBytes(r.vector) } : {}),
    ...(r.model ? { model: r.model } : {}),
  };
}

export class PgTalent implements TalentRepo {
  constructor(private readonly db: SqlClient) {}

  async upsertMany(records: TalentRecord[]): Promise<UpsertCounts> {
    if (records.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
    return this.db.transaction(async (tx) => {
      const counts: UpsertCounts = { inserted: 0, updated: 0, unchanged: 0 };
      for (const rec of records) {
        const { rows } = await tx.query<{ inserted: boolean }>(
          `INSERT INTO talent (tenant, id, profile, content_hash, vector, model, updated_at)
           VALUES ($1, $2, $3, $4, $5, $6, $7)
           ON CONFLICT (tenant, id) DO UPDATE SET profile = EXCLUDED.profile, content_hash = EXCLUDED.content_hash,
             vector = COALESCE(EXCLUDED.vector, talent.vector), model = COALESCE(EXCLUDED.model, talent.model),
             updated_at = EXCLUDED.updated_at
           WHERE talent.content_hash <> EXCLUDED.content_hash
           RETURNING (xmax = 0) AS inserted`,
          [
            rec.tenant,
            rec.profile.id,
            JSON.stringify(rec.profile),
            rec.contentHash,
            rec.vector ? toBytes(rec.vector) : null,
            rec.model ?? null,
            rec.updatedAt,
          ],
        );
        const row = rows[0];
        if (!row) counts.unchanged++;
        else if (row.inserted) counts.inserted++;
        else counts.updated++;
      }
      return counts;
    });
  }

  async get(tenant: string, id: string): Promise<TalentRecord | undefined> {
    const { rows } = await this.db.query<TalentRow>('SELECT * FROM talent WHERE tenant = $1 AND id = $2', [tenant, id]);
    return rows[0] ? toRecord(rows[0]) : undefined;
  }

  async list(tenant: string): Promise<TalentRecord[]> {
    const { rows } = await this.db.query<TalentRow>('SELECT * FROM talent WHERE tenant = $1 ORDER BY id', [tenant]);
    return rows.map(toRecord);
  }

  async count(tenant: string): Promise<number> {
    const { rows } = await this.db.query<{ n: number }>('SELECT count(*)::int AS n FROM talent WHERE tenant = $1', [tenant]);
    return rows[0]?.n ?? 0;
  }
}
