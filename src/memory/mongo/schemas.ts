/**
 * The mongoose schemas of the MongoDB store: one per collection, with the indexes the repositories
 * rely on (unique keys for upserts and claims, TTL indexes that reap expired documents).
 *
 * Caller-shaped blobs (channel values, talent profiles, roles, breakdowns, confirmation payloads,
 * installation data) are kept as JSON text rather than sub-documents: their keys come from outside
 * (roster column names, script character names, Slack installation objects) and MongoDB restricts
 * field names with dots or a leading `$` in updates. JSON text also gives the same round trip as
 * PostgreSQL's jsonb (a Date comes back as its ISO string in both stores).
 */
import { Schema } from 'mongoose';

const strictOptions = { versionKey: false as const, strict: 'throw' as const };

/** Reads filter expired documents themselves; the TTL reaper only frees the space (it runs each minute). */
const TTL_NOW = { expireAfterSeconds: 0 };

export interface ChannelFieldDoc {
  channel: string;
  field: string;
  value: string;
  expiresAt?: Date | null;
}
export const channelFieldSchema = new Schema<ChannelFieldDoc>(
  {
    channel: { type: String, required: true },
    field: { type: String, required: true },
    value: { type: String, required: true },
    expiresAt: { type: Date, default: null },
  },
  { ...strictOptions, collection: 'channel_memory' },
);
channelFieldSchema.index({ channel: 1, field: 1 }, { unique: true });
channelFieldSchema.index({ expiresAt: 1 }, TTL_NOW);

export interface TurnDoc {
  at: Date;
  userId: string;
  text: string;
  skill?: string;
}
const turnSchema = new Schema<TurnDoc>(
  {
    at: { type: Date, required: true },
    userId: { type: String, required: true },
    // A turn may be an empty message (a file shared without text).
    text: { type: String, default: '' },
    skill: { type: String },
  },
  { _id: false, versionKey: false },
);

/** One document per channel: `$push` with `$slice` appends and caps in one atomic update. */
export interface ChannelTurnsDoc {
  _id: string;
  turns: TurnDoc[];
}
export const channelTurnsSchema = new Schema<ChannelTurnsDoc>(
  {
    _id: { type: String, required: true },
    turns: { type: [turnSchema], default: [] },
  },
  { ...strictOptions, collection: 'channel_turns' },
);

export interface TalentDoc {
  tenant: string;
  talentId: string;
  profile: string;
  contentHash: string;
  vector?: Buffer | null;
  model?: string | null;
  updatedAt: Date;
}
export const talentSchema = new Schema<TalentDoc>(
  {
    tenant: { type: String, required: true },
    talentId: { type: String, required: true },
    profile: { type: String, required: true },
    contentHash: { type: String, required: true },
    vector: { type: Buffer, default: null },
    model: { type: String, default: null },
    updatedAt: { type: Date, required: true },
  },
  { ...strictOptions, collection: 'talent' },
);
talentSchema.index({ tenant: 1, talentId: 1 }, { unique: true });

export interface ProjectDoc {
  _id: string;
  tenant: string;
  channel: string;
  title: string;
  sourceFile: string;
  fileHash: string;
  roles: string;
  breakdown: string;
  createdAt: Date;
}
export const projectSchema = new Schema<ProjectDoc>(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    channel: { type: String, required: true },
    title: { type: String, required: true },
    sourceFile: { type: String, required: true },
    fileHash: { type: String, required: true },
    roles: { type: String, required: true },
    breakdown: { type: String, required: true },
    createdAt: { type: Date, required: true },
  },
  { ...strictOptions, collection: 'projects' },
);
projectSchema.index({ channel: 1, fileHash: 1, createdAt: -1 });

export interface ShortlistEntryDoc {
  talentId: string;
  name: string;
  score: number;
  reasons: string[];
}
const shortlistEntrySchema = new Schema<ShortlistEntryDoc>(
  {
    talentId: { type: String, required: true },
    name: { type: String, required: true },
    score: { type: Number, required: true },
    reasons: { type: [String], default: [] },
  },
  { _id: false, versionKey: false },
);

export interface ShortlistDoc {
  _id: string;
  channel: string;
  projectId?: string | null;
  role: string;
  entries: ShortlistEntryDoc[];
  createdAt: Date;
}
export const shortlistSchema = new Schema<ShortlistDoc>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    projectId: { type: String, default: null },
    role: { type: String, required: true },
    entries: { type: [shortlistEntrySchema], default: [] },
    createdAt: { type: Date, required: true },
  },
  { ...strictOptions, collection: 'shortlists' },
);

export const AUDITION_STATUSES = ['booked', 'cancelled'] as const;
export interface AuditionDoc {
  _id: string;
  tenant: string;
  channel: string;
  projectId?: string | null;
  role: string;
  talentId: string;
  talentName: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  status: (typeof AUDITION_STATUSES)[number];
  organizer: string;
  organizerId?: string | null;
  address?: string | null;
  calendarEventId?: string | null;
  videoLink?: string | null;
  createdAt: Date;
  updatedAt: Date;
}
export const auditionSchema = new Schema<AuditionDoc>(
  {
    _id: { type: String, required: true },
    tenant: { type: String, required: true },
    channel: { type: String, required: true },
    projectId: { type: String, default: null },
    role: { type: String, required: true },
    talentId: { type: String, required: true },
    talentName: { type: String, required: true },
    startsAt: { type: Date, required: true },
    endsAt: { type: Date, required: true },
    timeZone: { type: String, required: true },
    status: { type: String, enum: AUDITION_STATUSES, required: true },
    organizer: { type: String, required: true },
    // Absent on auditions stored before it was kept: reading them needs no migration.
    organizerId: { type: String, default: null },
    // JSON text like the other caller-shaped values (an address's `ref` keys come from the platform).
    address: { type: String, default: null },
    calendarEventId: { type: String, default: null },
    videoLink: { type: String, default: null },
    createdAt: { type: Date, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...strictOptions, collection: 'auditions' },
);
auditionSchema.index({ tenant: 1, startsAt: 1 });

export interface ConfirmationDoc {
  _id: string;
  channel: string;
  userId: string;
  skill: string;
  payload: string;
  summary: string;
  expiresAt: Date;
}
export const confirmationSchema = new Schema<ConfirmationDoc>(
  {
    _id: { type: String, required: true },
    channel: { type: String, required: true },
    userId: { type: String, required: true },
    skill: { type: String, required: true },
    payload: { type: String, required: true },
    summary: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { ...strictOptions, collection: 'confirmations' },
);
/**
 * Reaped a day after expiry, not at once: until then `get` still finds an expired proposal, as in
 * PostgreSQL, so the bot can say "this expired" rather than "never heard of it".
 */
confirmationSchema.index({ expiresAt: 1 }, { expireAfterSeconds: 24 * 60 * 60 });

export interface InstallationDoc {
  platform: string;
  workspace: string;
  data: string;
  updatedAt: Date;
}
export const installationSchema = new Schema<InstallationDoc>(
  {
    platform: { type: String, required: true },
    workspace: { type: String, required: true },
    data: { type: String, required: true },
    updatedAt: { type: Date, required: true },
  },
  { ...strictOptions, collection: 'installations' },
);
installationSchema.index({ platform: 1, workspace: 1 }, { unique: true });

/** The key is the `_id`: the primary key's uniqueness is what makes a claim atomic. */
export interface OnceDoc {
  _id: string;
  expiresAt: Date;
}
export const onceSchema = new Schema<OnceDoc>(
  {
    _id: { type: String, required: true },
    expiresAt: { type: Date, required: true },
  },
  { ...strictOptions, collection: 'once_keys' },
);
onceSchema.index({ expiresAt: 1 }, TTL_NOW);

/** Every schema by model name: `models.ts` binds them to a connection, the migrations index them. */
export const schemas = {
  ChannelField: channelFieldSchema,
  ChannelTurns: channelTurnsSchema,
  Talent: talentSchema,
  Project: projectSchema,
  Shortlist: shortlistSchema,
  Audition: auditionSchema,
  Confirmation: confirmationSchema,
  Installation: installationSchema,
  OnceKey: onceSchema,
} as const;
