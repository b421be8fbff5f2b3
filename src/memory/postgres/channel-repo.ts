import type { ChannelMemoryRepo } from '../store.js';
import type { TurnRecord } from '../records.js';
import type { SqlClient } from './sql-client.js';

const LIVE = '(expires_at IS NULL OR expires_at > now())';

function expiry(ttlMs?: number): Date | null {
  return ttlMs ? new Date(Date.now() + ttlMs) : null;
}

export class PgChannelMemory implements ChannelMemoryRepo {
  constructor(private readonly db: SqlClient) {}

  async get<T>(channel: string, field: string): Promise<T | undefined> {
    const { rows } = await this.db.query<{ value: T }>(`SELECT value FROM channel_memory WHERE channel = $1 AND field = $2 AND ${LIVE}`, [
      channel,
      field,
    ]);
    return rows[0]?.value;
  }

  async set(channel: string, field: string, value: unknown, ttlMs?: number): Promise<void> {
    await this.db.query(
      `INSERT INTO channel_memory (channel, field, value, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (channel, field) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at`,
      [channel, field, JSON.stringify(value), expiry(ttlMs)],
    );
  }

  async setIfAbsent(channel: string, field: string, value: unknown, ttlMs?: number): Promise<boolean> {
    // An expired row counts as absent: the conditional update takes it over in the same statement.
    const { rows } = await this.db.query<{ field: string }>(
      `INSERT INTO channel_memory (channel, field, value, expires_at) VALUES ($1, $2, $3, $4)
       ON CONFLICT (channel, field) DO UPDATE SET value = EXCLUDED.value, expires_at = EXCLUDED.expires_at
       WHERE channel_memory.expires_at IS NOT NULL AND channel_memory.expires_at <= now()
       RETURNING field`,
      [channel, field, JSON.stringify(value), expiry(ttlMs)],
    );
    return rows.length === 1;
  }

  async delete(channel: string, field: string): Promise<void> {
    await this.db.query('DELETE FROM channel_memory WHERE channel = $1 AND field = $2', [channel, field]);
  }

  async all(channel: string): Promise<Record<string, unknown>> {
    const { rows } = await this.db.query<{ field: string; value: unknown }>(
      `SELECT field, value FROM channel_memory WHERE channel = $1 AND ${LIVE} ORDER BY field`,
      [channel],
    );
    return Object.fromEntries(rows.map((r) => [r.field, r.value]));
  }

  async appendTurn(channel: string, turn: TurnRecord, cap: number): Promise<void> {
    await this.db.transaction(async (tx) => {
      await tx.query('INSERT INTO channel_turns (channel, at, user_id, text, skill) VALUES ($1, $2, $3, $4, $5)', [
        channel,
        turn.at,
        turn.userId,
        turn.text,
        turn.skill ?? null,
      ]);
      await tx.query(
        `DELETE FROM channel_turns WHERE channel = $1 AND id NOT IN
           (SELECT id FROM channel_turns WHERE channel = $1 ORDER BY id DESC LIMIT $2)`,
        [channel, cap],
      );
    });
  }

  async recentTurns(channel: string, limit: number): Promise<TurnRecord[]> {
    const { rows } = await this.db.query<{ at: Date; user_id: string; text: string; skill: string | null }>(
      'SELECT at, user_id, text, skill FROM channel_turns WHERE channel = $1 ORDER BY id DESC LIMIT $2',
      [channel, limit],
    );
    return rows.reverse().map((r) => ({
      at: new Date(r.at),
      userId: r.user_id,
      text: r.text,
      ...(r.skill ? { skill: r.skill } : {}),
    }));
  }
}
