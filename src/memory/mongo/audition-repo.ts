import type { Model } from 'mongoose';
import type { AuditionRepo } from '../store.js';
import type { AuditionRecord } from '../records.js';
import type { AuditionDoc } from './schemas.js';

type Patch = Partial<Omit<AuditionRecord, 'id' | 'tenant'>>;

/** Fields a patch may change. Only optional ones may be cleared (an explicit `undefined`). */
const PATCHABLE: Record<keyof Patch, 'required' | 'optional'> = {
  channel: 'required',
  projectId: 'optional',
  role: 'required',
  talentId: 'required',
  talentName: 'required',
  startsAt: 'required',
  endsAt: 'required',
  timeZone: 'required',
  status: 'required',
  organizer: 'required',
  organizerId: 'optional',
  address: 'optional',
  calendarEventId: 'optional',
  videoLink: 'optional',
  createdAt: 'required',
  updatedAt: 'required',
};

function toAudition(d: AuditionDoc): AuditionRecord {
  return {
    id: d._id,
    tenant: d.tenant,
    channel: d.channel,
    role: d.role,
    talentId: d.talentId,
    talentName: d.talentName,
    startsAt: new Date(d.startsAt),
    endsAt: new Date(d.endsAt),
    timeZone: d.timeZone,
    status: d.status,
    organizer: d.organizer,
    createdAt: new Date(d.createdAt),
    updatedAt: new Date(d.updatedAt),
    ...(d.projectId ? { projectId: d.projectId } : {}),
    ...(d.organizerId ? { organizerId: d.organizerId } : {}),
    ...(d.address ? { address: JSON.parse(d.address) as AuditionRecord['address'] } : {}),
    ...(d.calendarEventId ? { calendarEventId: d.calendarEventId } : {}),
    ...(d.videoLink ? { videoLink: d.videoLink } : {}),
  };
}

export class MongoAuditions implements AuditionRepo {
  constructor(private readonly model: Model<AuditionDoc>) {}

  async insert(a: AuditionRecord): Promise<void> {
    // Fields named one by one: a record carrying extra properties at run time stores what PostgreSQL would.
    await this.model.create({
      _id: a.id,
      tenant: a.tenant,
      channel: a.channel,
      projectId: a.projectId ?? null,
      role: a.role,
      talentId: a.talentId,
      talentName: a.talentName,
      startsAt: a.startsAt,
      endsAt: a.endsAt,
      timeZone: a.timeZone,
      status: a.status,
      organizer: a.organizer,
      organizerId: a.organizerId ?? null,
      address: a.address ? JSON.stringify(a.address) : null,
      calendarEventId: a.calendarEventId ?? null,
      videoLink: a.videoLink ?? null,
      createdAt: a.createdAt,
      updatedAt: a.updatedAt,
    });
  }

  async update(id: string, patch: Patch): Promise<AuditionRecord | undefined> {
    const set: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(patch)) {
      const kind = PATCHABLE[k as keyof Patch];
      if (!kind) continue;
      if (v !== undefined) set[k] = k === 'address' ? JSON.stringify(v) : v;
      else if (kind === 'optional') set[k] = null;
    }
    if (Object.keys(set).length === 0) return this.get(id);
    const doc = await this.model.findOneAndUpdate({ _id: id }, { $set: set }, { returnDocument: 'after', runValidators: true }).lean();
    return doc ? toAudition(doc) : undefined;
  }

  async get(id: string): Promise<AuditionRecord | undefined> {
    const doc = await this.model.findById(id).lean();
    return doc ? toAudition(doc) : undefined;
  }

  async listBetween(tenant: string, from: Date, to: Date): Promise<AuditionRecord[]> {
    const docs = await this.model
      .find({ tenant, status: 'booked', startsAt: { $lt: to }, endsAt: { $gt: from } })
      .sort({ startsAt: 1 })
      .lean();
    return docs.map(toAudition);
  }
}
