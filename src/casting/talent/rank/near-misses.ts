/**
 * The people closest to a request that too few meet in full: among those who meet its hard part
 * (gender, ethnicity), the ones whose misses cost least, within `closeEnough`. The ranker orders
 * them by that cost, then by its usual score, and shows each with what it misses.
 */
import type { TalentFilters } from '../query/filter-schema.js';
import type { TalentRoster } from '../roster-cache.js';
import { compileMissCost } from './miss-columns.js';
import { closeEnough, hardPart, softCount } from './misses.js';

export interface NearMiss {
  slot: number;
  cost: number;
}

export interface NearMisses {
  /** Closer than the n-th closest: all of them are shown. */
  closer: NearMiss[];
  /** Level with the n-th closest: the ranker's score picks `room` of them. */
  level: NearMiss[];
  room: number;
}

/** The n closest near misses, as those surely in and those level at the edge; empty when nothing soft was asked. */
export function nearMisses(roster: TalentRoster, f: TalentFilters, n: number, excluded?: (slot: number) => boolean): NearMisses {
  const none = { closer: [], level: [], room: 0 };
  if (n <= 0 || softCount(f) === 0) return none;
  const limit = closeEnough(f);
  const costOf = compileMissCost(roster, f);
  const found: NearMiss[] = [];
  for (const slot of roster.columns.select(hardPart(f), excluded)) {
    const cost = costOf(slot, limit);
    // 0: meets everything, so already among the hits.
    if (cost > 0 && cost <= limit) found.push({ slot, cost });
  }
  if (found.length === 0) return none;
  found.sort((a, b) => a.cost - b.cost || a.slot - b.slot);
  const edge = found[Math.min(n, found.length) - 1]!.cost;
  const closer = found.filter((x) => x.cost < edge);
  return { closer, level: found.filter((x) => x.cost === edge), room: Math.min(n, found.length) - closer.length };
}
