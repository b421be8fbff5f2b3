import type { Model } from 'mongoose';
import type { ChannelMemoryRepo } from '../store.js';
import type { TurnRecord } from '../records.js';
import type { ChannelFieldDoc, ChannelTurnsDoc } from './schemas.js';
import { fromJson, isDuplicateKey, toJson } from './models.js';

/** A field with no expiry, or one still in the future. `null` also matches a missing field. */
const live = (now = new Date()) => ({ $or: [{ expiresAt: null }, { expiresAt: { $gt: now } }] });

function expiry(ttlMs?: number): Date | null {
  return ttlMs ? new Date(Date.now() + ttlMs) : null;
}

export class MongoChannelMemory implements ChannelMemoryRepo {
  constructor(
    private readonly fields: Model<ChannelFieldDoc>,
    private readonly turns: Model<ChannelTurnsDoc>,
  ) {}

  async get<T>(channel: string, field: string): Promise<T | undefined> {
    const doc = await this.fields.findOne({ channel, field, ...live() }, { value: 1 }).lean();
    return doc ? fromJson<T>(doc.value) : undefined;
  }

  async set(channel: string, field: string, value: unknown, ttlMs?: number): Promise<void> {
    await this.fields.updateOne(
      { channel, field },
      { $set: { value: toJson(value, `channel field ${field}`), expiresAt: expiry(ttlMs) } },
      { upsert: true },
    );
  }

  async setIfAbsent(channel: string, field: string, value: unknown, ttlMs?: number): Promise<boolean> {
    // Matches only an expired field, which this call takes over. With a live field present the
    // upsert's insert collides with the unique (channel, field) index: someone else holds it.
    try {
      await this.fields.updateOne(
        { channel, field, expiresAt: { $ne: null, $lte: new Date() } },
        { $set: { value: toJson(value, `channel field ${field}`), expiresAt: expiry(ttlMs) } },
        { upsert: true },
      );
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }

  async delete(channel: string, field: string): Promise<void> {
    await this.fields.deleteOne({ channel, field });
  }

  async all(channel: string): Promise<Record<string, unknown>> {
    const docs = await this.fields
      .find({ channel, ...live() }, { field: 1, value: 1 })
      .sort({ field: 1 })
      .lean();
    return Object.fromEntries(docs.map((d) => [d.field, fromJson(d.value)]));
  }

  async appendTurn(channel: string, turn: TurnRecord, cap: number): Promise<void> {
    const doc = { at: turn.at, userId: turn.userId, text: turn.text, ...(turn.skill ? { skill: turn.skill } : {}) };
    // One atomic update appends and trims to the newest `cap`, so concurrent turns never overshoot.
    await this.turns.updateOne({ _id: channel }, { $push: { turns: { $each: [doc], $slice: cap > 0 ? -cap : 0 } } }, { upsert: true });
  }

  async recentTurns(channel: string, limit: number): Promise<TurnRecord[]> {
    if (limit <= 0) return [];
    const doc = await this.turns.findOne({ _id: channel }, { turns: { $slice: -limit } }).lean();
    return (doc?.turns ?? []).map((t) => ({
      at: new Date(t.at),
      userId: t.userId,
      text: t.text,
      ...(t.skill ? { skill: t.skill } : {}),
    }));
  }
}
