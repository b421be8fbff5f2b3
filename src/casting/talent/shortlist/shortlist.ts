/**
 * Builds a shortlist for a role: people who meet the role's requirements, ranked mostly by fit and
 * then by how well their bio matches the role's description; near-duplicates (vector similarity
 * above 0.97 with someone already picked) are skipped, and people already booked at the requested
 * time can be left out. When too few people meet every requirement, requirements are relaxed in a
 * stated order (skills, then languages, then age by five years, then age) and become preferences
 * that still count towards fit; the reply says what was relaxed.
 */
import type { TalentFilters } from '../query/filter-schema.js';
import { describeFilters } from '../query/filter-schema.js';
import { matchesFilters } from '../rank/filters.js';
import type { Preferences } from '../rank/fit.js';
import { rankTalent, type RankedHit, type RankWeights } from '../rank/hybrid-ranker.js';
import { attributeReasons } from '../rank/reasons.js';
import { loadRoster } from '../roster-cache.js';
import type { TalentDeps } from '../deps.js';
import type { RoleCriteria } from './role-criteria.js';

export const DEFAULT_SHORTLIST_SIZE = 5;
export const NEAR_DUPLICATE_SIMILARITY = 0.97;
// Everyone left has passed the role's hard requirements: what the role is like decides most, age centring the rest.
export const SHORTLIST_WEIGHTS: RankWeights = { semantic: 0.4, keyword: 0.3, fit: 0.3 };

export interface ShortlistRequest {
  tenant: string;
  criteria: RoleCriteria;
  limit?: number;
  exclude?: string[];
  /** People to put on the list whatever the ranking says (added from a search). */
  include?: string[];
  /** Leave out people with a booked audition overlapping this window. */
  busy?: { from: Date; to: Date };
}

export interface ShortlistOutcome {
  entries: RankedHit[];
  /** The requirements as finally applied. */
  applied: TalentFilters;
  relaxed: string[];
  notes: string[];
  skippedBusy: string[];
  skippedDuplicates: string[];
}

interface Step {
  filters: TalentFilters;
  prefs: Preferences;
  relaxed: string[];
}

/** The relaxation ladder, strictest first. */
function ladder(f: TalentFilters): Step[] {
  const steps: Step[] = [{ filters: f, prefs: {}, relaxed: [] }];
  let cur = steps[0]!;
  if (f.skills?.length) {
    const { skills, ...rest } = cur.filters;
    cur = { filters: rest, prefs: { ...cur.prefs, skills }, relaxed: [...cur.relaxed, `skills (${skills!.join(', ')})`] };
    steps.push(cur);
  }
  if (f.languages?.length) {
    const { languages, ...rest } = cur.filters;
    cur = {
      filters: rest,
      prefs: { ...cur.prefs, languages },
      relaxed: [...cur.relaxed, `languages (${languages!.map((l) => l.language).join(', ')})`],
    };
    steps.push(cur);
  }
  if (f.ageRange) {
    const a = f.ageRange;
    const wider = { min: Math.max(0, a.min - 5), max: a.max + 5 };
    steps.push({
      filters: { ...cur.filters, ageRange: wider },
      prefs: { ...cur.prefs, ageRange: a },
      relaxed: [...cur.relaxed, `age (widened to ${wider.min}–${wider.max})`],
    });
    const { ageRange: _a, ...rest } = cur.filters;
    steps.push({ filters: rest, prefs: { ...cur.prefs, ageRange: a }, relaxed: [...cur.relaxed, 'age'] });
  }
  return steps;
}

function cosine(a: Float32Array, b: Float32Array): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length && i < b.length; i++) {
    dot += a[i]! * b[i]!;
    na += a[i]! * a[i]!;
    nb += b[i]! * b[i]!;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

async function busyPeople(deps: TalentDeps, tenant: string, busy: ShortlistRequest['busy']): Promise<Set<string>> {
  if (!busy) return new Set();
  const booked = await deps.store.auditions.listBetween(tenant, busy.from, busy.to);
  return new Set(booked.filter((a) => a.status === 'booked').map((a) => a.talentId));
}

export async function buildShortlist(deps: TalentDeps, req: ShortlistRequest): Promise<ShortlistOutcome> {
  const limit = req.limit ?? DEFAULT_SHORTLIST_SIZE;
  const roster = await loadRoster(deps.store, req.tenant);
  const busy = await busyPeople(deps, req.tenant, req.busy);
  const excluded = new Set(req.exclude ?? []);
  const skippedBusy = [...busy].filter((id) => !excluded.has(id) && roster.byId.has(id));
  const exclude = new Set([...excluded, ...busy]);

  const steps = ladder(req.criteria.filters);
  const available = roster.profiles.filter((p) => !exclude.has(p.id));
  const step = steps.find((s) => available.filter((p) => matchesFilters(p, s.filters)).length >= limit) ?? steps[steps.length - 1]!;

  const pinned = (req.include ?? [])
    .filter((id) => !exclude.has(id))
    .map((id) => roster.byId.get(id))
    .filter((p) => !!p);
  const ranked = await rankTalent(deps, {
    roster,
    filters: step.filters,
    preferences: step.prefs,
    freeText: req.criteria.description,
    limit: limit * 4 + pinned.length,
    exclude,
    weights: SHORTLIST_WEIGHTS,
  });

  const entries: RankedHit[] = [];
  const picked: Float32Array[] = [];
  const skippedDuplicates: string[] = [];
  const vectorOf = async (id: string) => (await deps.store.talent.get(req.tenant, id))?.vector;
  for (const p of pinned) {
    const hit = ranked.hits.find((h) => h.id === p.id);
    entries.push(
      hit ?? {
        id: p.id,
        name: p.name,
        score: 0,
        parts: { semantic: 0, keyword: 0, fit: 0 },
        reasons: ['added from a search', ...attributeReasons(p, step.filters, step.prefs)],
      },
    );
    const v = await vectorOf(p.id);
    if (v) picked.push(v);
  }
  for (const hit of ranked.hits) {
    if (entries.length >= Math.max(limit, pinned.length)) break;
    if (entries.some((e) => e.id === hit.id)) continue;
    const v = await vectorOf(hit.id);
    if (v && picked.some((q) => cosine(q, v) > NEAR_DUPLICATE_SIMILARITY)) {
      skippedDuplicates.push(hit.id);
      continue;
    }
    if (v) picked.push(v);
    entries.push(hit);
  }

  const notes = [...ranked.notes];
  if (step.relaxed.length) notes.push(`Fewer than ${limit} people meet every requirement, so I relaxed: ${step.relaxed.join('; ')}.`);
  deps.log.info(
    {
      tenant: req.tenant,
      role: req.criteria.role,
      entries: entries.length,
      relaxed: step.relaxed.length,
      applied: describeFilters(step.filters),
    },
    'shortlist built',
  );
  return { entries, applied: step.filters, relaxed: step.relaxed, notes, skippedBusy, skippedDuplicates };
}
