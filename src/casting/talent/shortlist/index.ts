/**
 * Shortlists as functions: resolve the role (project role or description), turn it into criteria
 * and build the list. The propose-shortlist skill and the CLI (`castmatch shortlist ROLE`) call this.
 */
import type { ProjectRecord } from '../../../memory/records.js';
import { loadRoster } from '../roster-cache.js';
import type { TalentDeps } from '../deps.js';
import { criteriaFromDescription, criteriaFromRole, type RoleCriteria } from './role-criteria.js';
import { resolveRole, type RoleResolution } from './resolve-role.js';
import { buildShortlist, DEFAULT_SHORTLIST_SIZE, type ShortlistOutcome } from './shortlist.js';

export { DEFAULT_SHORTLIST_SIZE } from './shortlist.js';
export type { ShortlistOutcome } from './shortlist.js';
export type { RoleResolution } from './resolve-role.js';
export { saysNothing, type RoleCriteria } from './role-criteria.js';

export interface ShortlistRoleInput {
  tenant: string;
  /** The channel's active project, when there is one. */
  project?: ProjectRecord;
  role: string;
  description?: string;
  limit?: number;
  exclude?: string[];
  include?: string[];
  /** Leave out people booked for an audition overlapping [at, at + minutes). */
  at?: Date;
  auditionMinutes?: number;
}

export type ShortlistRoleResult =
  | { ok: true; resolution: Extract<RoleResolution, { kind: 'role' | 'described' }>; criteria: RoleCriteria; outcome: ShortlistOutcome }
  | { ok: false; resolution: Exclude<RoleResolution, { kind: 'role' | 'described' }> };

export async function shortlistRole(deps: TalentDeps, input: ShortlistRoleInput): Promise<ShortlistRoleResult> {
  const resolution = resolveRole(input.project, input.role, input.description);
  if (resolution.kind !== 'role' && resolution.kind !== 'described') return { ok: false, resolution };
  const roster = await loadRoster(deps.store, input.tenant);
  const criteria =
    resolution.kind === 'role'
      ? criteriaFromRole(resolution.role, roster.vocabulary, input.description)
      : criteriaFromDescription(resolution.role, resolution.description, roster.vocabulary);
  const outcome = await buildShortlist(deps, {
    tenant: input.tenant,
    criteria,
    limit: input.limit ?? DEFAULT_SHORTLIST_SIZE,
    ...(input.exclude ? { exclude: input.exclude } : {}),
    ...(input.include ? { include: input.include } : {}),
    ...(input.at ? { busy: { from: input.at, to: new Date(input.at.getTime() + (input.auditionMinutes ?? 20) * 60_000) } } : {}),
  });
  return { ok: true, resolution, criteria, outcome };
}
