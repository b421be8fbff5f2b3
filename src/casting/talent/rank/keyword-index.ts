/**
 * BM25F keyword relevance over a tenant's roster: bio, skills, credits and accents, each field's
 * term counts weighted (skills count more than credits), lengths normalised, IDF from the roster.
 *
 * Why not a library's index: wink-bm25-text-search (which computes the same weights, and is kept
 * as the reference the tests compare against) held about 250 MB while learning a 100k roster and
 * scored and sorted every document that shares a word with the query. Here each term's weights are
 * one posting list (slots and weights in typed arrays), built in two passes over the roster, and a
 * query walks the postings of its terms over the people who passed the hard filters only.
 */
import type { TalentProfile } from '../../../memory/records.js';
import type { SlotSet } from './slot-set.js';
import { terms } from './text-terms.js';

/** Field weights of BM25F, and the usual k1, b; k is added inside the IDF's logarithm (never negative). */
export const BM25 = { fields: { bio: 1, skills: 1.5, credits: 0.5, accents: 1 }, k1: 1.2, b: 0.75, k: 1 } as const;

type Field = keyof typeof BM25.fields;

/** The keyword text of each field of a person. */
export function keywordFields(p: TalentProfile): Record<Field, string> {
  return {
    bio: p.bio ?? '',
    skills: p.skills.join(' ; '),
    credits: p.credits.map((c) => c.title).join(' ; '),
    accents: p.accents.join(' ; '),
  };
}

interface Posting {
  slots: Int32Array;
  weights: Float32Array;
}

export class KeywordIndex {
  private readonly postings = new Map<string, Posting>();

  constructor(profiles: readonly TalentProfile[]) {
    // Pass 1: each person's weighted term counts, packed (term ids, counts) with offsets per slot.
    const termIds = new Map<string, number>();
    const termNames: string[] = [];
    const offsets = new Int32Array(profiles.length + 1);
    // Typed and grown by hand: plain arrays of millions of numbers take twice the bytes, and their
    // garbage is what set this index's peak memory.
    const packed = new PackedTermCounts(profiles.length * 40); // a profile's distinct terms, roughly
    const lengths = new Float64Array(profiles.length);
    // One person's weighted count per term id, and the ids it touched (reset after each person).
    const own: number[] = [];
    const touched: number[] = [];
    profiles.forEach((p, slot) => {
      const fields = keywordFields(p);
      for (const field of Object.keys(BM25.fields) as Field[]) {
        const weight = BM25.fields[field];
        const words = terms(fields[field]);
        lengths[slot]! += words.length * weight;
        for (const w of words) {
          let id = termIds.get(w);
          if (id === undefined) {
            id = termNames.length;
            termNames.push(w);
            termIds.set(w, id);
            own.push(0);
          }
          if (own[id] === 0) touched.push(id);
          own[id]! += weight;
        }
      }
      for (const id of touched) {
        packed.push(id, own[id]!);
        own[id] = 0;
      }
      touched.length = 0;
      offsets[slot + 1] = packed.length;
    });
    const { ids: packedIds, counts: packedCounts } = packed.trimmed();

    // Pass 2: document frequencies, then every (person, term) weight into its term's posting list.
    const df = new Int32Array(termNames.length);
    for (const id of packedIds) df[id]!++;
    const n = profiles.length;
    const avgLength = n > 0 ? lengths.reduce((a, b) => a + b, 0) / n : 0;
    const idf = Float64Array.from(df, (d) => Math.log((n - d + 0.5) / (d + 0.5) + BM25.k));
    const lists = termNames.map((_, id) => ({ slots: new Int32Array(df[id]!), weights: new Float32Array(df[id]!) }));
    const filled = new Int32Array(termNames.length);
    for (let slot = 0; slot < n; slot++) {
      const norm = avgLength > 0 ? 1 - BM25.b + BM25.b * (lengths[slot]! / avgLength) : 1;
      for (let i = offsets[slot]!; i < offsets[slot + 1]!; i++) {
        const id = packedIds[i]!;
        const tf = packedCounts[i]!;
        const at = filled[id]!++;
        lists[id]!.slots[at] = slot;
        lists[id]!.weights[at] = (idf[id]! * (tf * (BM25.k1 + 1))) / (BM25.k1 * norm + tf);
      }
    }
    termNames.forEach((term, id) => this.postings.set(term, lists[id]!));
  }

  /**
   * BM25 score of each person among `candidates`, by slot, scaled so the best is 1; 0 for the
   * others and for those without a query term. A term said twice counts twice, as in BM25's query side.
   * Written into `sums` (roster-sized, overwritten) when given.
   */
  scores(text: string, candidates: SlotSet, sums: Float32Array = new Float32Array(candidates.capacity)): Float32Array {
    sums.fill(0);
    let best = 0;
    for (const term of terms(text)) {
      const posting = this.postings.get(term);
      if (!posting) continue;
      const { slots, weights } = posting;
      for (let i = 0; i < slots.length; i++) {
        const s = slots[i]!;
        if (candidates.has(s)) best = Math.max(best, (sums[s] = sums[s]! + weights[i]!));
      }
    }
    if (best > 0) for (const s of candidates.slots) sums[s]! /= best;
    return sums;
  }
}

/** (term id, weighted count) pairs in typed arrays that grow by half as they fill. */
class PackedTermCounts {
  private ids: Int32Array;
  private counts: Float32Array;
  length = 0;

  constructor(capacity: number) {
    this.ids = new Int32Array(Math.max(16, capacity));
    this.counts = new Float32Array(this.ids.length);
  }

  push(id: number, count: number): void {
    if (this.length === this.ids.length) {
      const capacity = Math.ceil(this.length * 1.5);
      const ids = new Int32Array(capacity);
      ids.set(this.ids);
      const counts = new Float32Array(capacity);
      counts.set(this.counts);
      this.ids = ids;
      this.counts = counts;
    }
    this.ids[this.length] = id;
    this.counts[this.length++] = count;
  }

  /** Views of the filled part (no copy). */
  trimmed(): { ids: Int32Array; counts: Float32Array } {
    return { ids: this.ids.subarray(0, this.length), counts: this.counts.subarray(0, this.length) };
  }
}
