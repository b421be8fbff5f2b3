import type { ConversationAddress } from './address.js';

/**
 * The records CastMatch keeps. Both stores (PostgreSQL/PGlite and MongoDB) persist exactly these
 * shapes; the contract tests in test/memory hold them to it.
 */

export type Fluency = 'native' | 'fluent' | 'conversational' | 'basic';

/** One person on an agency roster (format: shared/data/talent/README.md). */
export interface TalentProfile {
  id: string;
  name: string;
  gender?: string;
  pronouns?: string;
  playingAgeMin?: number;
  playingAgeMax?: number;
  ethnicity?: string;
  heightCm?: number;
  location?: string;
  union?: string;
  languages: { language: string; fluency: Fluency }[];
  accents: string[];
  skills: string[];
  credits: { title: string; size?: string; year?: number }[];
  bio?: string;
  agent?: string;
  headshotUrl?: string;
  reelUrl?: string;
  /** Private: stored, never rendered in a channel. */
  contact: { email?: string; phone?: string };
  /** Columns the roster had that CastMatch does not know, kept rather than dropped. */
  extra?: Record<string, string>;
}

export interface TalentRecord {
  tenant: string;
  profile: TalentProfile;
  /** Hash of the profile: a re-import of an unchanged row writes nothing. */
  contentHash: string;
  /** Embedding of bio, skills and credits, computed once at import. */
  vector?: Float32Array;
  /** The embedding model that produced `vector`; vectors of two models never mix. */
  model?: string;
  updatedAt: Date;
}

export interface RoleRecord {
  name: string;
  /** The role's breakdown entry (size, age range, gender, description…), as the analyzer gave it. */
  details: Record<string, unknown>;
}

export interface ProjectRecord {
  id: string;
  tenant: string;
  channel: string;
  title: string;
  sourceFile: string;
  fileHash: string;
  roles: RoleRecord[];
  /** The full breakdown, for re-rendering without re-parsing. */
  breakdown: Record<string, unknown>;
  createdAt: Date;
}

export interface ShortlistEntry {
  talentId: string;
  name: string;
  score: number;
  reasons: string[];
}

export interface ShortlistRecord {
  id: string;
  channel: string;
  projectId?: string;
  role: string;
  entries: ShortlistEntry[];
  createdAt: Date;
}

export type AuditionStatus = 'booked' | 'cancelled';

export interface AuditionRecord {
  id: string;
  tenant: string;
  channel: string;
  projectId?: string;
  role: string;
  talentId: string;
  talentName: string;
  startsAt: Date;
  endsAt: Date;
  timeZone: string;
  status: AuditionStatus;
  /** Display name of who booked it (their platform id when the platform gave no name). */
  organizer: string;
  /**
   * Platform user id of who booked it, for reminders sent to them directly. Absent on auditions
   * booked before it was kept (those reminders go to the booking conversation only).
   */
  organizerId?: string;
  /**
   * The conversation it was booked in, thread included: its reminders post there. Absent on
   * auditions booked before it was kept (those go to the top level of `channel`).
   */
  address?: ConversationAddress;
  calendarEventId?: string;
  videoLink?: string;
  createdAt: Date;
  updatedAt: Date;
}

/** A side effect a skill proposed and that waits for its requester's click. */
export interface PendingConfirmation {
  id: string;
  channel: string;
  userId: string;
  skill: string;
  payload: Record<string, unknown>;
  summary: string;
  expiresAt: Date;
}

/** A chat platform installation (Slack OAuth, Teams tenant): tokens live here, never in memory alone. */
export interface InstallationRecord {
  platform: string;
  workspace: string;
  data: Record<string, unknown>;
  updatedAt: Date;
}

/** One remembered exchange in a channel. */
export interface TurnRecord {
  at: Date;
  userId: string;
  text: string;
  skill?: string;
}
