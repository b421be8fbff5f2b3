/**
 * Talent search as a function: request text in, understood filters and ranked hits out. The skill,
 * the CLI (`castmatch search "QUERY" --json`) and the benchmarks all call this.
 * "like T00017" (the "More like this" button) finds people similar to that person. When fewer
 * than `limit` people meet every requirement, the closest others come back as near misses.
 */
import { embeddingText } from './import/content-hash.js';
import type { TalentFilters } from './query/filter-schema.js';
import { understandQuery } from './query/index.js';
import { rankTalent, type RankedHit } from './rank/hybrid-ranker.js';
import { loadRoster } from './roster-cache.js';
import type { TalentDeps } from './deps.js';

export const DEFAULT_SEARCH_LIMIT = 5;

export interface TalentSearchResult {
  query: string;
  filters: TalentFilters;
  freeText: string;
  /** Who understood the query. */
  via: 'llm' | 'rules' | 'similar';
  results: RankedHit[];
  /** When fewer than `limit` meet everything: the closest others, each with what it misses. */
  nearMisses: RankedHit[];
  /** People who passed the hard filters. */
  candidates: number;
  /** Roster size. */
  total: number;
  notes: string[];
  /** Set for "like <id>": the person the results resemble. */
  similarTo?: { id: string; name: string };
}

const LIKE = /^\s*(?:more\s+)?(?:people\s+)?like\s+([\w.:-]+)\s*$/i;

export async function searchTalent(
  deps: TalentDeps,
  tenant: string,
  query: string,
  opts: { limit?: number } = {},
): Promise<TalentSearchResult> {
  const limit = opts.limit ?? DEFAULT_SEARCH_LIMIT;
  const roster = await loadRoster(deps.store, tenant);
  const base = { query, total: roster.profiles.length };

  const likeId = query.match(LIKE)?.[1];
  const like = likeId ? roster.byId.get(likeId) : undefined;
  if (like) {
    const ranked = await rankTalent(deps, {
      roster,
      filters: {},
      freeText: like.bio ?? '',
      semanticText: embeddingText(like),
      limit,
      exclude: new Set([like.id]),
      weights: { semantic: 0.8, keyword: 0.2, fit: 0 },
    });
    for (const hit of ranked.hits) hit.reasons.unshift(`similar to ${like.name}`);
    return {
      ...base,
      filters: {},
      freeText: '',
      via: 'similar',
      results: ranked.hits,
      nearMisses: [],
      candidates: ranked.candidates,
      notes: ranked.notes,
      similarTo: { id: like.id, name: like.name },
    };
  }

  const understood = await understandQuery(query, roster.vocabulary, deps);
  const ranked = await rankTalent(deps, { roster, filters: understood.filters, freeText: understood.freeText, limit, nearMisses: true });
  deps.log.debug(
    { tenant, via: understood.via, candidates: ranked.candidates, hits: ranked.hits.length, nearMisses: ranked.nearMisses.length },
    'talent search',
  );
  return {
    ...base,
    filters: understood.filters,
    freeText: understood.freeText,
    via: understood.via,
    results: ranked.hits,
    nearMisses: ranked.nearMisses,
    candidates: ranked.candidates,
    notes: ranked.notes,
  };
}
