/**
 * Hybrid ranking. Hard filters decide who may appear; among them the score blends meaning
 * (embedding of the free text against each stored vector, through the vector index), keyword
 * relevance (BM25) and attribute fit. With no free text, people are ranked by fit alone.
 * Every hit carries its score parts and the reasons it matched. When asked, and fewer than
 * `limit` people meet every filter, the closest others follow as near misses, each with what it
 * misses (near-misses.ts).
 */
import type { Logger } from 'pino';
import type { TalentProfile } from '../../../memory/records.js';
import type { Embedder } from '../../../integrations/embeddings/embedder.js';
import { embedQueries } from '../../../integrations/embeddings/query-embedding.js';
import { VectorModelMismatchError, type VectorIndex } from '../../../integrations/vectors/vector-index.js';
import type { TalentFilters } from '../query/filter-schema.js';
import type { TalentRoster } from '../roster-cache.js';
import { BestOf } from './best-of.js';
import { toMetadataFilter } from './filters.js';
import { compileFit, type Preferences } from './fit.js';
import { missCost } from './misses.js';
import { nearMisses } from './near-misses.js';
import { attributeReasons, textReasons } from './reasons.js';
import type { SearchScratch } from './search-scratch.js';
import { SlotSet } from './slot-set.js';

export interface ScoreParts {
  semantic: number;
  keyword: number;
  fit: number;
}

/** One ranked person. Only public profile fields: never contact details. */
export interface RankedHit {
  id: string;
  name: string;
  score: number;
  parts: ScoreParts;
  reasons: string[];
  /** Set on near misses: what of the request this person does not meet ("no horse riding listed"). */
  misses?: string[];
}

export interface RankWeights {
  semantic: number;
  keyword: number;
  fit: number;
}

export const SEARCH_WEIGHTS: RankWeights = { semantic: 0.5, keyword: 0.3, fit: 0.2 };

export interface RankInput {
  roster: TalentRoster;
  filters: TalentFilters;
  /** Matched by meaning and keywords; empty ranks by fit. */
  freeText: string;
  limit: number;
  preferences?: Preferences;
  exclude?: Set<string>;
  weights?: RankWeights;
  /** Text embedded for the semantic part when it should differ from `freeText` ("more like X"). */
  semanticText?: string;
  /** Fill up to `limit` with the closest people who miss something, when too few meet everything. */
  nearMisses?: boolean;
}

export interface RankDeps {
  embedder: Embedder | (() => Promise<Embedder>);
  vectors: VectorIndex;
  log: Logger;
}

export interface RankOutput {
  hits: RankedHit[];
  /** The closest people who miss something, closest first (only when asked for and hits < limit). */
  nearMisses: RankedHit[];
  /** How many people passed the hard filters. */
  candidates: number;
  /** Things the user should know (meaning-based ranking unavailable…). */
  notes: string[];
}

const round3 = (n: number) => Math.round(n * 1000) / 1000;

async function resolveEmbedder(e: RankDeps['embedder']): Promise<Embedder> {
  return typeof e === 'function' ? e() : e;
}

/**
 * Semantic similarity of each candidate (by slot), min-max scaled over the index's answers; 0 for
 * the rest; undefined when meaning-based ranking is unavailable (and a note says so).
 */
async function semanticScores(
  deps: RankDeps,
  input: RankInput,
  candidates: SlotSet,
  out: Float32Array,
  notes: string[],
): Promise<Float32Array | undefined> {
  const { roster } = input;
  const text = input.semanticText ?? input.freeText;
  try {
    const embedder = await resolveEmbedder(deps.embedder);
    if (roster.model && roster.model !== embedder.model) {
      throw new VectorModelMismatchError(roster.tenant, roster.model, embedder.model);
    }
    const [vector] = await embedQueries(embedder, [text]);
    const all = candidates.size === roster.profiles.length;
    const topK = Math.min(candidates.size, Math.max(200, input.limit * 20));
    const matches = await deps.vectors.query(roster.tenant, vector!, {
      topK,
      model: embedder.model,
      ...(all
        ? {}
        : deps.vectors.kind === 'memory'
          ? { among: { universe: roster.ids, picks: candidates.slots } }
          : { ids: Array.from(candidates.slots, (s) => roster.ids[s]!) }),
      // Pinecone evaluates the filter itself; the in-process index already has the allowlist.
      ...(deps.vectors.kind === 'pinecone' ? { filter: toMetadataFilter(input.filters) } : {}),
    });
    const kept: { slot: number; score: number }[] = [];
    for (const m of matches) {
      const slot = roster.slotOf.get(m.id);
      if (slot !== undefined && candidates.has(slot)) kept.push({ slot, score: m.score });
    }
    if (kept.length === 0) return undefined;
    out.fill(0);
    const hi = kept[0]!.score;
    const lo = kept[kept.length - 1]!.score;
    for (const m of kept) out[m.slot] = hi - lo > 1e-6 ? (m.score - lo) / (hi - lo) : 1;
    return out;
  } catch (err) {
    const mismatch = err instanceof VectorModelMismatchError;
    deps.log.warn({ err: (err as Error).message, tenant: roster.tenant }, 'semantic ranking unavailable');
    notes.push(
      mismatch
        ? 'Ranking by keywords only: the roster was embedded with another model. Re-import it to search by meaning.'
        : 'Ranking by keywords only: the meaning-based index is unavailable right now.',
    );
    return undefined;
  }
}

interface Scored {
  p: TalentProfile;
  parts: ScoreParts;
  score: number;
}

/** Best first: score, then fit, then name. */
const better = (a: Scored, b: Scored) => b.score - a.score || b.parts.fit - a.parts.fit || a.p.name.localeCompare(b.p.name);

export async function rankTalent(deps: RankDeps, input: RankInput): Promise<RankOutput> {
  const { roster } = input;
  const scratch = roster.scratch.take();
  const exclude = input.exclude?.size ? (s: number) => input.exclude!.has(roster.profiles[s]!.id) : undefined;
  const candidates = new SlotSet(roster.profiles.length, roster.columns.select(input.filters, exclude, scratch.slots), scratch.mask);
  try {
    const full = candidates.size === 0 ? { hits: [], candidates: 0, notes: [] } : await rankCandidates(deps, input, candidates, scratch);
    // The near misses' pool marks the same mask.
    candidates.clear();
    const wanted = input.nearMisses ? input.limit - full.hits.length : 0;
    if (wanted <= 0) return { ...full, nearMisses: [] };
    const near = await rankNearMisses(deps, input, wanted, exclude, scratch);
    return { ...full, nearMisses: near.hits, notes: [...new Set([...full.notes, ...near.notes])] };
  } finally {
    candidates.clear();
    roster.scratch.give(scratch);
  }
}

/** The closest misses, ranked as hits are among those equally close, each with what it misses. */
async function rankNearMisses(
  deps: RankDeps,
  input: RankInput,
  wanted: number,
  exclude: ((slot: number) => boolean) | undefined,
  scratch: SearchScratch,
): Promise<{ hits: RankedHit[]; notes: string[] }> {
  const { roster } = input;
  const near = nearMisses(roster, input.filters, wanted, exclude);
  const cost = new Map([...near.closer, ...near.level].map((n) => [roster.ids[n.slot]!, n.cost]));
  const hits: RankedHit[] = [];
  const notes: string[] = [];
  // Two groups, so that reasons are worked out only for the people shown.
  for (const [group, limit] of [
    [near.closer, near.closer.length],
    [near.level, near.room],
  ] as const) {
    if (limit === 0) continue;
    const pool = new SlotSet(
      roster.profiles.length,
      Int32Array.from(group, (n) => n.slot),
      scratch.mask,
    );
    try {
      const ranked = await rankCandidates(deps, { ...input, limit }, pool, scratch);
      hits.push(...ranked.hits);
      notes.push(...ranked.notes);
    } finally {
      pool.clear();
    }
  }
  // Sorting is stable: people equally close keep the ranker's order.
  hits.sort((a, b) => cost.get(a.id)! - cost.get(b.id)!);
  for (const h of hits) {
    h.misses = [];
    missCost(roster.byId.get(h.id)!, input.filters, h.misses);
  }
  return { hits, notes };
}

async function rankCandidates(
  deps: RankDeps,
  input: RankInput,
  candidates: SlotSet,
  scratch: SearchScratch,
): Promise<Omit<RankOutput, 'nearMisses'>> {
  const notes: string[] = [];
  const { roster } = input;
  const hasText = input.freeText.trim() !== '' || (input.semanticText ?? '').trim() !== '';
  const keywordOn = input.freeText.trim() !== '';
  const semantic = hasText ? await semanticScores(deps, input, candidates, scratch.semantic, notes) : undefined;
  const keyword = keywordOn ? roster.keywords.scores(input.freeText, candidates, scratch.keyword) : undefined;

  const w = input.weights ?? SEARCH_WEIGHTS;
  const semanticOn = semantic !== undefined;
  const fitOf = compileFit(roster.columns, input.filters, input.preferences);
  const best = new BestOf<Scored>(Math.max(0, input.limit), better);
  for (const slot of candidates.slots) {
    const p = roster.profiles[slot]!;
    const fit = fitOf(slot, p);
    const parts: ScoreParts = { semantic: semantic?.[slot] ?? 0, keyword: keyword?.[slot] ?? 0, fit: fit ?? 0 };
    let score: number;
    if (!hasText) score = fit ?? 0;
    else {
      // Weights of parts that could not be computed are shared among the others.
      const ws = (semanticOn ? w.semantic : 0) + (keywordOn ? w.keyword : 0) + (fit !== undefined ? w.fit : 0);
      score =
        ws === 0
          ? 0
          : ((semanticOn ? w.semantic * parts.semantic : 0) +
              (keywordOn ? w.keyword * parts.keyword : 0) +
              (fit !== undefined ? w.fit * parts.fit : 0)) /
            ws;
    }
    best.offer({ p, parts, score });
  }

  const hits = best.sorted().map(({ p, parts, score }): RankedHit => {
    const reasons = [...attributeReasons(p, input.filters, input.preferences), ...textReasons(p, input.freeText)];
    if (reasons.length === 0 && hasText && parts.semantic > 0.5) reasons.push(`close in meaning to “${truncate(input.freeText, 40)}”`);
    return {
      id: p.id,
      name: p.name,
      score: round3(score),
      parts: { semantic: round3(parts.semantic), keyword: round3(parts.keyword), fit: round3(parts.fit) },
      reasons: [...new Set(reasons)],
    };
  });
  return { hits, candidates: candidates.size, notes };
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
