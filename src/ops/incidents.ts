/**
 * Incident state, persisted in the store (channel `ops`, fields `incident:<rule>`) so a restart,
 * or the next replica to run the monitor job, neither re-alerts nor forgets to say "recovered".
 * The database is itself a watched dependency: while it is down, state lives in memory and is
 * written back on the first tick that reaches it again.
 */
import type { Logger } from 'pino';
import type { ChannelMemoryRepo } from '../memory/store.js';
import { withTimeout } from './timeout.js';

/** The store channel holding operations state. */
export const OPS_STATE_CHANNEL = 'ops';
const PREFIX = 'incident:';

export interface Incident {
  rule: string;
  title: string;
  /** When the condition was first seen (ISO). */
  since: string;
  /** When the alert went out (ISO); absent while the condition has not lasted long enough. */
  alertedAt?: string;
  detail: string;
}

type Repo = Pick<ChannelMemoryRepo, 'all' | 'set' | 'delete'>;

export class IncidentBook {
  private cache = new Map<string, Incident>();
  /** Rules whose state here (present or removed) has not reached the store yet. */
  private readonly dirty = new Set<string>();
  private storeDown = false;

  /** @param timeoutMs bound on each store call: a database that hangs must not hang the monitor */
  constructor(
    private readonly repo: () => Repo,
    private readonly log: Logger,
    private readonly timeoutMs = 2_000,
  ) {}

  /**
   * Writes back what could not be written, then reads the store's state (another replica may have
   * changed it). Returns false when the store is unreachable: the state in memory stands.
   */
  async refresh(): Promise<boolean> {
    try {
      for (const rule of [...this.dirty]) {
        const inc = this.cache.get(rule);
        await this.bounded(
          inc ? this.repo().set(OPS_STATE_CHANNEL, PREFIX + rule, inc) : this.repo().delete(OPS_STATE_CHANNEL, PREFIX + rule),
        );
        this.dirty.delete(rule);
      }
      const fields = await this.bounded(this.repo().all(OPS_STATE_CHANNEL));
      const fresh = new Map<string, Incident>();
      for (const [field, value] of Object.entries(fields)) {
        if (field.startsWith(PREFIX) && isIncident(value)) fresh.set(field.slice(PREFIX.length), value);
      }
      this.cache = fresh;
      if (this.storeDown) this.log.info('incident state written back to the store');
      this.storeDown = false;
      return true;
    } catch (err) {
      if (!this.storeDown) this.log.warn({ err: (err as Error).message }, 'incident state kept in memory: the store is unreachable');
      this.storeDown = true;
      return false;
    }
  }

  get(rule: string): Incident | undefined {
    return this.cache.get(rule);
  }

  list(): Incident[] {
    return [...this.cache.values()];
  }

  async save(incident: Incident): Promise<void> {
    this.cache.set(incident.rule, incident);
    await this.writeThrough(incident.rule, () => this.repo().set(OPS_STATE_CHANNEL, PREFIX + incident.rule, incident));
  }

  async remove(rule: string): Promise<void> {
    this.cache.delete(rule);
    await this.writeThrough(rule, () => this.repo().delete(OPS_STATE_CHANNEL, PREFIX + rule));
  }

  private async writeThrough(rule: string, write: () => Promise<void>): Promise<void> {
    // Known down: keep it for refresh() rather than wait out a timeout per change.
    if (this.storeDown) {
      this.dirty.add(rule);
      return;
    }
    try {
      await this.bounded(write());
      this.dirty.delete(rule);
    } catch (err) {
      // Kept for refresh(), which writes it back once the store answers again.
      this.log.warn({ err: (err as Error).message, rule }, 'incident change kept in memory: the store did not take it');
      this.dirty.add(rule);
    }
  }

  private bounded<T>(p: Promise<T>): Promise<T> {
    return withTimeout(p, this.timeoutMs, 'incident store');
  }
}

function isIncident(v: unknown): v is Incident {
  const i = v as Partial<Incident> | null;
  return typeof i === 'object' && i !== null && typeof i.rule === 'string' && typeof i.since === 'string' && typeof i.title === 'string';
}
