/**
 * The one persistence interface. Every method is narrow and atomic (no read-modify-write races
 * across bot replicas); missing values are `undefined`. Implementations: `postgres/` (pg and PGlite)
 * and `mongo/` (mongoose).
 */
import type {
  AuditionRecord,
  InstallationRecord,
  PendingConfirmation,
  ProjectRecord,
  ShortlistRecord,
  TalentRecord,
  TurnRecord,
} from './records.js';

/** Per-channel key/value memory with expiry, set-if-absent and capped turn history. */
export interface ChannelMemoryRepo {
  get<T = unknown>(channel: string, field: string): Promise<T | undefined>;
  set(channel: string, field: string, value: unknown, ttlMs?: number): Promise<void>;
  /** Sets only when absent (or expired); true when this call set it. */
  setIfAbsent(channel: string, field: string, value: unknown, ttlMs?: number): Promise<boolean>;
  delete(channel: string, field: string): Promise<void>;
  /** Every live field of a channel. */
  all(channel: string): Promise<Record<string, unknown>>;
  appendTurn(channel: string, turn: TurnRecord, cap: number): Promise<void>;
  recentTurns(channel: string, limit: number): Promise<TurnRecord[]>;
}

export interface UpsertCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface TalentRepo {
  /** Upserts by id in one transaction: all rows or none. Rows whose hash is unchanged are not written. */
  upsertMany(records: TalentRecord[]): Promise<UpsertCounts>;
  get(tenant: string, id: string): Promise<TalentRecord | undefined>;
  list(tenant: string): Promise<TalentRecord[]>;
  count(tenant: string): Promise<number>;
}

export interface ProjectRepo {
  save(project: ProjectRecord): Promise<void>;
  get(id: string): Promise<ProjectRecord | undefined>;
  findByFileHash(channel: string, fileHash: string): Promise<ProjectRecord | undefined>;
}

export interface ShortlistRepo {
  save(shortlist: ShortlistRecord): Promise<void>;
  get(id: string): Promise<ShortlistRecord | undefined>;
}

export interface AuditionRepo {
  insert(audition: AuditionRecord): Promise<void>;
  update(id: string, patch: Partial<Omit<AuditionRecord, 'id' | 'tenant'>>): Promise<AuditionRecord | undefined>;
  get(id: string): Promise<AuditionRecord | undefined>;
  /** Booked auditions of a tenant overlapping [from, to). */
  listBetween(tenant: string, from: Date, to: Date): Promise<AuditionRecord[]>;
}

export interface ConfirmationRepo {
  create(pending: PendingConfirmation): Promise<void>;
  /** Atomically consumes a live confirmation of that user in that channel: a double click runs once. */
  take(id: string, channel: string, userId: string, now: Date): Promise<PendingConfirmation | undefined>;
  get(id: string): Promise<PendingConfirmation | undefined>;
}

export interface InstallationRepo {
  save(installation: InstallationRecord): Promise<void>;
  get(platform: string, workspace: string): Promise<InstallationRecord | undefined>;
  delete(platform: string, workspace: string): Promise<void>;
}

/** Idempotency keys for platform retries and jobs that may run twice. */
export interface OnceRepo {
  /** True the first time a key is claimed within its lifetime, false for every repeat. */
  claim(key: string, ttlMs: number): Promise<boolean>;
}

export interface Store {
  readonly kind: 'pglite' | 'postgres' | 'mongodb';
  readonly channels: ChannelMemoryRepo;
  readonly talent: TalentRepo;
  readonly projects: ProjectRepo;
  readonly shortlists: ShortlistRepo;
  readonly auditions: AuditionRepo;
  readonly confirmations: ConfirmationRepo;
  readonly installations: InstallationRepo;
  readonly once: OnceRepo;
  /** Cheap round trip for readiness checks. */
  ping(): Promise<void>;
  /**
   * Deletes what expired before `before` (channel fields with a lifetime, confirmations, once-keys),
   * which reads already ignore; answers how many went. Expired rows otherwise stay forever.
   */
  sweepExpired(before: Date): Promise<number>;
  close(): Promise<void>;
}
