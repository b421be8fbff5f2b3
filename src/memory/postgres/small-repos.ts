import type { ConfirmationRepo, InstallationRepo, OnceRepo } from '../store.js';
import type { InstallationRecord, PendingConfirmation } from '../records.js';
import type { SqlClient } from './sql-client.js';

interface ConfirmationRow {
  id: string;
  channel: string;
  user_id: string;
  skill: string;
  payload: Record<string, unknown>;
  summary: string;
  expires_at: Date;
}

const toConfirmation = (r: ConfirmationRow): PendingConfirmation => ({
  id: r.id,
  channel: r.channel,
  userId: r.user_id,
  skill: r.skill,
  payload: r.payload,
  summary: r.summary,
  expiresAt: new Date(r.expires_at),
});

export class PgConfirmations implements ConfirmationRepo {
  constructor(private readonly db: SqlClient) {}

  async create(p: PendingConfirmation): Promise<void> {
    await this.db.query(
      'INSERT INTO confirmations (id, channel, user_id, skill, payload, summary, expires_at) VALUES ($1,$2,$3,$4,$5,$6,$7)',
      [p.id, p.channel, p.userId, p.skill, JSON.stringify(p.payload), p.summary, p.expiresAt],
    );
  }

  async take(id: string, channel: string, userId: string, now: Date): Promise<PendingConfirmation | undefined> {
    // DELETE … RETURNING is the atomic consume: of two concurrent clicks only one gets the row.
    const { rows } = await this.db.query<ConfirmationRow>(
      'DELETE FROM confirmations WHERE id = $1 AND channel = $2 AND user_id = $3 AND expires_at > $4 RETURNING *',
      [id, channel, userId, now],
    );
    return rows[0] ? toConfirmation(rows[0]) : undefined;
  }

  async get(id: string): Promise<PendingConfirmation | undefined> {
    const { rows } = await this.db.query<ConfirmationRow>('SELECT * FROM confirmations WHERE id = $1', [id]);
    return rows[0] ? toConfirmation(rows[0]) : undefined;
  }
}

export class PgInstallations implements InstallationRepo {
  constructor(private readonly db: SqlClient) {}

  async save(i: InstallationRecord): Promise<void> {
    await this.db.query(
      `INSERT INTO installations (platform, workspace, data, updated_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (platform, workspace) DO UPDATE SET data = EXCLUDED.data, updated_at = EXCLUDED.updated_at`,
      [i.platform, i.workspace, JSON.stringify(i.data), i.updatedAt],
    );
  }

  async get(platform: string, workspace: string): Promise<InstallationRecord | undefined> {
    const { rows } = await this.db.query<{ platform: string; workspace: string; data: Record<string, unknown>; updated_at: Date }>(
      'SELECT * FROM installations WHERE platform = $1 AND workspace = $2',
      [platform, workspace],
    );
    const r = rows[0];
    return r ? { platform: r.platform, workspace: r.workspace, data: r.data, updatedAt: new Date(r.updated_at) } : undefined;
  }

  async delete(platform: string, workspace: string): Promise<void> {
    await this.db.query('DELETE FROM installations WHERE platform = $1 AND workspace = $2', [platform, workspace]);
  }
}

export class PgOnce implements OnceRepo {
  constructor(private readonly db: SqlClient) {}

  async claim(key: string, ttlMs: number): Promise<boolean> {
    const { rows } = await this.db.query<{ key: string }>(
      `INSERT INTO once_keys (key, expires_at) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET expires_at = EXCLUDED.expires_at WHERE once_keys.expires_at <= now()
       RETURNING key`,
      [key, new Date(Date.now() + ttlMs)],
    );
    return rows.length === 1;
  }
}
