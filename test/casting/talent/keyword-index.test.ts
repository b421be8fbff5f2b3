/** BM25F keyword scores: restricted to the candidates, and the same weights as the reference library. */
import bm25 from 'wink-bm25-text-search';
import { BM25, KeywordIndex, keywordFields } from '../../../src/casting/talent/rank/keyword-index.js';
import { SlotSet } from '../../../src/casting/talent/rank/slot-set.js';
import { terms } from '../../../src/casting/talent/rank/text-terms.js';
import type { TalentProfile } from '../../../src/memory/records.js';
import { sampleProfiles } from './roster-fixture.js';

const profiles = sampleProfiles();

describe('keyword scores', () => {
  const people: TalentProfile[] = [
    { ...profiles[0]!, id: 'a', bio: 'Rides horses daily; a trained horse rider', skills: [], accents: [], credits: [] },
    { ...profiles[0]!, id: 'b', bio: 'Plays the cello', skills: ['horse riding'], accents: [], credits: [] },
    { ...profiles[0]!, id: 'c', bio: 'Sings opera', skills: [], accents: [], credits: [] },
    { ...profiles[0]!, id: 'd', bio: 'Horse whisperer and rider', skills: [], accents: [], credits: [] },
  ];
  const index = new KeywordIndex(people);

  test('only candidates are scored, the best is 1 and people without a query term score 0', () => {
    const all = index.scores('horse riding', new SlotSet(4, Int32Array.from([0, 1, 2, 3])));
    expect(Math.max(...all)).toBe(1);
    expect(all[2]).toBe(0);
    expect(all[0]).toBeGreaterThan(0);
    const some = index.scores('horse riding', new SlotSet(4, Int32Array.from([1, 2])));
    expect([...some]).toEqual([0, 1, 0, 0]);
  });

  test('a query of unknown or stop words scores nobody', () => {
    expect([...index.scores('the of zyzzyva', new SlotSet(4, Int32Array.from([0, 1, 2, 3])))]).toEqual([0, 0, 0, 0]);
  });
});

test('keyword weights agree with wink-bm25-text-search, the reference BM25F, on the sample roster', async () => {
  const engine = bm25();
  engine.defineConfig({ fldWeights: { ...BM25.fields }, bm25Params: { k1: BM25.k1, b: BM25.b, k: BM25.k } });
  engine.definePrepTasks([terms as (input: never) => unknown]);
  profiles.forEach((p, slot) => engine.addDoc(keywordFields(p), slot));
  engine.consolidate();
  const index = new KeywordIndex(profiles);
  const everyone = new SlotSet(profiles.length, Int32Array.from(profiles.keys()));
  for (const q of ['horse riding', 'shaved head villain', 'trained at RADA', 'Scottish accent', 'opera singer singing']) {
    const reference = engine.search(q, profiles.length);
    expect(reference.length).toBeGreaterThan(0);
    const best = reference[0]![1];
    const ours = index.scores(q, everyone);
    const expected = new Float32Array(profiles.length);
    for (const [slot, score] of reference) expected[Number(slot)] = score / best;
    for (let s = 0; s < profiles.length; s++) expect(Math.abs(ours[s]! - expected[s]!)).toBeLessThan(2e-3);
  }
});
