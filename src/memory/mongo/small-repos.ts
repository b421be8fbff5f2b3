import type { Model } from 'mongoose';
import type { ConfirmationRepo, InstallationRepo, OnceRepo } from '../store.js';
import type { InstallationRecord, PendingConfirmation } from '../records.js';
import type { ConfirmationDoc, InstallationDoc, OnceDoc } from './schemas.js';
import { fromJson, isDuplicateKey } from './models.js';

const toConfirmation = (d: ConfirmationDoc): PendingConfirmation => ({
  id: d._id,
  channel: d.channel,
  userId: d.userId,
  skill: d.skill,
  payload: fromJson(d.payload),
  summary: d.summary,
  expiresAt: new Date(d.expiresAt),
});

export class MongoConfirmations implements ConfirmationRepo {
  constructor(private readonly model: Model<ConfirmationDoc>) {}

  async create(p: PendingConfirmation): Promise<void> {
    await this.model.create({
      _id: p.id,
      channel: p.channel,
      userId: p.userId,
      skill: p.skill,
      payload: JSON.stringify(p.payload),
      summary: p.summary,
      expiresAt: p.expiresAt,
    });
  }

  async take(id: string, channel: string, userId: string, now: Date): Promise<PendingConfirmation | undefined> {
    // findOneAndDelete is the atomic consume: of two concurrent clicks only one gets the document.
    const doc = await this.model.findOneAndDelete({ _id: id, channel, userId, expiresAt: { $gt: now } }).lean();
    return doc ? toConfirmation(doc) : undefined;
  }

  async get(id: string): Promise<PendingConfirmation | undefined> {
    const doc = await this.model.findById(id).lean();
    return doc ? toConfirmation(doc) : undefined;
  }
}

export class MongoInstallations implements InstallationRepo {
  constructor(private readonly model: Model<InstallationDoc>) {}

  async save(i: InstallationRecord): Promise<void> {
    await this.model.updateOne(
      { platform: i.platform, workspace: i.workspace },
      { $set: { data: JSON.stringify(i.data), updatedAt: i.updatedAt } },
      { upsert: true },
    );
  }

  async get(platform: string, workspace: string): Promise<InstallationRecord | undefined> {
    const d = await this.model.findOne({ platform, workspace }).lean();
    return d ? { platform: d.platform, workspace: d.workspace, data: fromJson(d.data), updatedAt: new Date(d.updatedAt) } : undefined;
  }

  async delete(platform: string, workspace: string): Promise<void> {
    await this.model.deleteOne({ platform, workspace });
  }
}

export class MongoOnce implements OnceRepo {
  constructor(private readonly model: Model<OnceDoc>) {}

  async claim(key: string, ttlMs: number): Promise<boolean> {
    // Matches only a lapsed claim (the TTL reaper may not have removed it yet), which this call
    // renews; a live claim makes the upsert's insert collide on `_id`: a repeat.
    try {
      await this.model.updateOne(
        { _id: key, expiresAt: { $lte: new Date() } },
        { $set: { expiresAt: new Date(Date.now() + ttlMs) } },
        { upsert: true },
      );
      return true;
    } catch (err) {
      if (isDuplicateKey(err)) return false;
      throw err;
    }
  }
}
