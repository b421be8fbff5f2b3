/**
 * Talent: roster import, query understanding, hybrid ranking, search and shortlists. The functions
 * the CLI calls are exported here.
 */
export { parseRoster, type ParsedRoster, type RosterRejection } from './import/parse-roster.js';
export { importRoster, type ImportDeps, type ImportResult } from './import/import-roster.js';
export { searchTalent, type TalentSearchResult } from './search.js';
export { shortlistRole, type ShortlistRoleInput, type ShortlistRoleResult } from './shortlist/index.js';
export { loadRoster, invalidateRoster } from './roster-cache.js';
export type { TalentDeps } from './deps.js';
export type { RankedHit } from './rank/hybrid-ranker.js';
export type { TalentFilters } from './query/filter-schema.js';
