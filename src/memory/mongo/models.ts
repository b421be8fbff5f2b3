/** Binds the store's schemas to one dedicated connection, never to mongoose's global default one. */
import type { Connection, Model } from 'mongoose';
import {
  schemas,
  type AuditionDoc,
  type ChannelFieldDoc,
  type ChannelTurnsDoc,
  type ConfirmationDoc,
  type InstallationDoc,
  type OnceDoc,
  type ProjectDoc,
  type ShortlistDoc,
  type TalentDoc,
} from './schemas.js';

export interface MongoModels {
  channelFields: Model<ChannelFieldDoc>;
  channelTurns: Model<ChannelTurnsDoc>;
  talent: Model<TalentDoc>;
  projects: Model<ProjectDoc>;
  shortlists: Model<ShortlistDoc>;
  auditions: Model<AuditionDoc>;
  confirmations: Model<ConfirmationDoc>;
  installations: Model<InstallationDoc>;
  once: Model<OnceDoc>;
}

/** Needs no server: models can be built (and documents validated) before the connection opens. */
export function createModels(conn: Connection): MongoModels {
  return {
    channelFields: conn.model<ChannelFieldDoc>('ChannelField', schemas.ChannelField),
    channelTurns: conn.model<ChannelTurnsDoc>('ChannelTurns', schemas.ChannelTurns),
    talent: conn.model<TalentDoc>('Talent', schemas.Talent),
    projects: conn.model<ProjectDoc>('Project', schemas.Project),
    shortlists: conn.model<ShortlistDoc>('Shortlist', schemas.Shortlist),
    auditions: conn.model<AuditionDoc>('Audition', schemas.Audition),
    confirmations: conn.model<ConfirmationDoc>('Confirmation', schemas.Confirmation),
    installations: conn.model<InstallationDoc>('Installation', schemas.Installation),
    once: conn.model<OnceDoc>('OnceKey', schemas.OnceKey),
  };
}

/** MongoDB's duplicate-key error: a unique index refused the write (someone else got there first). */
export function isDuplicateKey(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 11000;
}

/**
 * Encodes a caller's value as JSON text. `undefined` has no JSON form; refusing it here matches
 * PostgreSQL, whose NOT NULL column refuses it too, instead of storing something unreadable.
 */
export function toJson(value: unknown, what: string): string {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`${what}: cannot store undefined (delete the field instead)`);
  return text;
}

/** Parses a JSON text column written by this store. */
export function fromJson<T>(text: string): T {
  return JSON.parse(text) as T;
}
