/**
 * A channel's working memory, typed. Each field is stored separately so that two turns updating
 * different things never overwrite each other.
 */
import type { ChannelMemoryRepo } from './store.js';
import type { TurnRecord } from './records.js';

/** People last shown in this channel, in the order shown: "the second one" resolves here. */
export interface ListedPeople {
  ids: string[];
  names: string[];
  source: 'search' | 'shortlist' | 'auditions';
  /** For a shortlist: the role it is for, so "book the second one" knows the role too. */
  role?: string;
}

export const RECENT_TURNS_CAP = 50;

export class ChannelMemory {
  constructor(
    readonly key: string,
    private readonly repo: ChannelMemoryRepo,
  ) {}

  activeProjectId(): Promise<string | undefined> {
    return this.repo.get<string>(this.key, 'activeProjectId');
  }
  setActiveProject(id: string): Promise<void> {
    return this.repo.set(this.key, 'activeProjectId', id);
  }

  /** The role last discussed: "shortlist for her" means this one. */
  lastRole(): Promise<string | undefined> {
    return this.repo.get<string>(this.key, 'lastRole');
  }
  setLastRole(role: string): Promise<void> {
    return this.repo.set(this.key, 'lastRole', role);
  }

  lastListed(): Promise<ListedPeople | undefined> {
    return this.repo.get<ListedPeople>(this.key, 'lastListed');
  }
  setLastListed(people: ListedPeople): Promise<void> {
    return this.repo.set(this.key, 'lastListed', people);
  }

  /** The audition last booked, moved, cancelled or shown alone: "move it", "cancel it" mean this one. */
  lastAuditionId(): Promise<string | undefined> {
    return this.repo.get<string>(this.key, 'lastAuditionId');
  }
  setLastAudition(id: string): Promise<void> {
    return this.repo.set(this.key, 'lastAuditionId', id);
  }

  lastShortlistId(): Promise<string | undefined> {
    return this.repo.get<string>(this.key, 'lastShortlistId');
  }
  setLastShortlist(id: string): Promise<void> {
    return this.repo.set(this.key, 'lastShortlistId', id);
  }

  lastSearch(): Promise<{ query: string; ids: string[] } | undefined> {
    return this.repo.get(this.key, 'lastSearch');
  }
  setLastSearch(query: string, ids: string[]): Promise<void> {
    return this.repo.set(this.key, 'lastSearch', { query, ids });
  }

  /** Generic, skill-namespaced fields with optional expiry (`skill:name`). */
  get<T>(field: string): Promise<T | undefined> {
    return this.repo.get<T>(this.key, field);
  }
  set(field: string, value: unknown, ttlMs?: number): Promise<void> {
    return this.repo.set(this.key, field, value, ttlMs);
  }
  delete(field: string): Promise<void> {
    return this.repo.delete(this.key, field);
  }
  snapshot(): Promise<Record<string, unknown>> {
    return this.repo.all(this.key);
  }

  remember(turn: TurnRecord): Promise<void> {
    return this.repo.appendTurn(this.key, turn, RECENT_TURNS_CAP);
  }
  recentTurns(limit = 10): Promise<TurnRecord[]> {
    return this.repo.recentTurns(this.key, limit);
  }
}
