/**
 * The scheduler port skills use. Job data carries ids only (conversation, record ids, an
 * idempotency key): the job reads the rest from the database when it runs, and a job that runs
 * twice has the effect of one (src/scheduler/agenda-scheduler.ts claims its key first).
 */
export interface JobData {
  /** Idempotency key: one effect per key, however often the job runs. */
  key: string;
  [field: string]: string | number | boolean;
}

export type JobHandler = (data: JobData) => Promise<void>;

export interface Scheduler {
  /** Registers what a job name does; call before start(). */
  define(name: string, handler: JobHandler): void;
  /** Schedules a one-off job; scheduling the same key again replaces the earlier one. */
  at(when: Date, name: string, data: JobData): Promise<void>;
  /** A recurring job ("1 minute", cron text). */
  every(interval: string, name: string, data: JobData): Promise<void>;
  /** Cancels pending jobs whose key starts with the prefix; returns how many. */
  cancel(keyPrefix: string): Promise<number>;
  /** Pending jobs, for listings and tests. */
  pending(keyPrefix?: string): Promise<{ name: string; key: string; runAt: Date | null }[]>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** True while the scheduler polls (readiness). */
  running(): boolean;
}
