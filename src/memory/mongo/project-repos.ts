import type { Model } from 'mongoose';
import type { ProjectRepo, ShortlistRepo } from '../store.js';
import type { ProjectRecord, RoleRecord, ShortlistRecord } from '../records.js';
import type { ProjectDoc, ShortlistDoc } from './schemas.js';
import { fromJson } from './models.js';

const toProject = (d: ProjectDoc): ProjectRecord => ({
  id: d._id,
  tenant: d.tenant,
  channel: d.channel,
  title: d.title,
  sourceFile: d.sourceFile,
  fileHash: d.fileHash,
  roles: fromJson<RoleRecord[]>(d.roles),
  breakdown: fromJson<Record<string, unknown>>(d.breakdown),
  createdAt: new Date(d.createdAt),
});

export class MongoProjects implements ProjectRepo {
  constructor(private readonly model: Model<ProjectDoc>) {}

  async save(p: ProjectRecord): Promise<void> {
    // A project's origin (tenant, channel, file, creation) is fixed; a re-analysis refreshes the rest.
    await this.model.updateOne(
      { _id: p.id },
      {
        $set: { title: p.title, roles: JSON.stringify(p.roles), breakdown: JSON.stringify(p.breakdown) },
        $setOnInsert: { tenant: p.tenant, channel: p.channel, sourceFile: p.sourceFile, fileHash: p.fileHash, createdAt: p.createdAt },
      },
      { upsert: true },
    );
  }

  async get(id: string): Promise<ProjectRecord | undefined> {
    const doc = await this.model.findById(id).lean();
    return doc ? toProject(doc) : undefined;
  }

  async findByFileHash(channel: string, fileHash: string): Promise<ProjectRecord | undefined> {
    const doc = await this.model.findOne({ channel, fileHash }).sort({ createdAt: -1 }).lean();
    return doc ? toProject(doc) : undefined;
  }
}

export class MongoShortlists implements ShortlistRepo {
  constructor(private readonly model: Model<ShortlistDoc>) {}

  async save(s: ShortlistRecord): Promise<void> {
    await this.model.updateOne(
      { _id: s.id },
      {
        $set: { entries: s.entries.map((e) => ({ talentId: e.talentId, name: e.name, score: e.score, reasons: e.reasons })) },
        $setOnInsert: { channel: s.channel, projectId: s.projectId ?? null, role: s.role, createdAt: s.createdAt },
      },
      { upsert: true },
    );
  }

  async get(id: string): Promise<ShortlistRecord | undefined> {
    const d = await this.model.findById(id).lean();
    if (!d) return undefined;
    return {
      id: d._id,
      channel: d.channel,
      role: d.role,
      createdAt: new Date(d.createdAt),
      entries: d.entries.map((e) => ({ talentId: e.talentId, name: e.name, score: e.score, reasons: [...e.reasons] })),
      ...(d.projectId ? { projectId: d.projectId } : {}),
    };
  }
}
