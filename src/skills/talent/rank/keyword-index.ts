/**
 * BM25 keyword relevance over a tenant's roster (wink-bm25-text-search): bio, skills, credits and
 * accents. Built once per tenant roster load and cached with it; an import invalidates it.
 */
import bm25 from 'wink-bm25-text-search';
import type { TalentProfile } from '../../../memory/records.js';
import { terms } from './text-terms.js';

/** wink refuses to consolidate fewer than three documents; tiny rosters are padded with empty ones. */
const MIN_DOCS = 3;
const PAD_PREFIX = '\u0000pad';

export class KeywordIndex {
  private readonly engine = bm25();

  constructor(profiles: TalentProfile[]) {
    this.engine.defineConfig({ fldWeights: { bio: 1, skills: 1.5, credits: 0.5, accents: 1 }, bm25Params: { k1: 1.2, b: 0.75 }, ovFldNames: ['pid'] });
    this.engine.definePrepTasks([terms as (input: never) => unknown]);
    for (const p of profiles) {
      this.engine.addDoc({
        pid: p.id,
        bio: p.bio ?? '',
        skills: p.skills.join(' ; '),
        credits: p.credits.map((c) => c.title).join(' ; '),
        accents: p.accents.join(' ; '),
      }, p.id);
    }
    for (let i = profiles.length; i < MIN_DOCS; i++) this.engine.addDoc({ pid: `${PAD_PREFIX}${i}`, bio: '', skills: '', credits: '', accents: '' }, `${PAD_PREFIX}${i}`);
    this.engine.consolidate();
  }

  /**
   * BM25 score of every matching person among `allowed` (all when omitted), scaled so the best is 1.
   * People without any query term are absent.
   */
  scores(text: string, allowed?: Set<string>): Map<string, number> {
    if (terms(text).length === 0) return new Map();
    const results = allowed
      // The filter runs inside BM25's posting walk: only allowed people are scored and sorted.
      ? this.engine.search(text, allowed.size, (fields, ids: Set<string>) => ids.has(fields.pid ?? ''), allowed)
      : this.engine.search(text, this.engine.getTotalDocs());
    const out = new Map<string, number>();
    const best = results.reduce((m, [id, s]) => (id.startsWith(PAD_PREFIX) ? m : Math.max(m, s)), 0);
    if (best <= 0) return out;
    for (const [id, s] of results) if (!id.startsWith(PAD_PREFIX)) out.set(id, s / best);
    return out;
  }
}
