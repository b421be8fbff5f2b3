/**
 * A tenant's roster as search needs it: profiles, their filter columns, the vocabulary for query
 * understanding and the BM25 index. Built on first use and cached per tenant; an import in this
 * process invalidates it at once, and the entry expires after `ROSTER_TTL_MS` so that imports made
 * by another replica are seen soon after. The database stays the only copy of the roster.
 */
import type { Store } from '../../memory/store.js';
import type { TalentProfile } from '../../memory/records.js';
import { buildVocabulary, type TalentVocabulary } from './query/vocabulary.js';
import { KeywordIndex } from './rank/keyword-index.js';
import { RosterColumns } from './rank/roster-columns.js';
import { ScratchPool } from './rank/search-scratch.js';

export const ROSTER_TTL_MS = 60_000;

export interface TalentRoster {
  tenant: string;
  profiles: TalentProfile[];
  byId: Map<string, TalentProfile>;
  /** Each person's position in `profiles`: the slot the columns and the keyword index use. */
  slotOf: Map<string, number>;
  /** The ids by slot: one list kept for the roster's life, so the vector index can map it once. */
  ids: readonly string[];
  /** The hard-filter attributes, normalised once. */
  columns: RosterColumns;
  vocabulary: TalentVocabulary;
  keywords: KeywordIndex;
  /** Working arrays for searches of this roster. */
  scratch: ScratchPool;
  /** The embedding model of the stored vectors (undefined when none are stored). */
  model?: string;
}

const cache = new Map<string, { at: number; roster: Promise<TalentRoster> }>();

/** Builds the search view of a list of profiles (also used directly by benchmarks). */
export function buildRoster(tenant: string, profiles: TalentProfile[], model?: string): TalentRoster {
  return {
    tenant,
    profiles,
    byId: new Map(profiles.map((p) => [p.id, p])),
    slotOf: new Map(profiles.map((p, slot) => [p.id, slot])),
    ids: profiles.map((p) => p.id),
    columns: new RosterColumns(profiles),
    vocabulary: buildVocabulary(profiles),
    keywords: new KeywordIndex(profiles),
    scratch: new ScratchPool(profiles.length),
    ...(model ? { model } : {}),
  };
}

export function loadRoster(store: Pick<Store, 'talent'>, tenant: string, now = Date.now()): Promise<TalentRoster> {
  const hit = cache.get(tenant);
  if (hit && now - hit.at < ROSTER_TTL_MS) return hit.roster;
  const roster = store.talent.list(tenant).then((records) => {
    const model = records.find((r) => r.model)?.model;
    return buildRoster(
      tenant,
      records.map((r) => r.profile),
      model,
    );
  });
  cache.set(tenant, { at: now, roster });
  roster.catch(() => {
    if (cache.get(tenant)?.roster === roster) cache.delete(tenant);
  });
  return roster;
}

/** Forgets a tenant's cached roster (after an import), or every tenant's. */
export function invalidateRoster(tenant?: string): void {
  if (tenant === undefined) cache.clear();
  else cache.delete(tenant);
}
