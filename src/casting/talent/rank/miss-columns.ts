/**
 * The cost of what a person misses (misses.ts), compiled once per search over the roster's
 * columns. Near misses are looked for among everyone of the asked gender, half of a 100k roster;
 * comparing column codes there, instead of normalising each person's strings, keeps that to a few
 * milliseconds. The costs and their order are misses.ts's (tested to agree).
 */
import type { HeightBounds, TalentFilters } from '../query/filter-schema.js';
import type { TalentRoster } from '../roster-cache.js';
import { heightBoundsFor } from './filters.js';
import { ageCost, fluencyCost, heightCost, MISSED } from './misses.js';

/** The cost for a slot, stopping once it is over `budget` (then only known to be over it). */
export type MissCostOf = (slot: number, budget: number) => number;

export function compileMissCost(roster: TalentRoster, f: TalentFilters): MissCostOf {
  const { columns, profiles } = roster;
  const parts: ((slot: number) => number)[] = [];
  if (f.ageRange) {
    const asked = f.ageRange;
    parts.push((s) => ageCost(columns.playingRange(s), asked));
  }
  if (f.height) {
    const h = f.height;
    const byGender = new Map<string | undefined, HeightBounds>();
    parts.push((s) => {
      const p = profiles[s]!;
      let b = byGender.get(p.gender);
      if (!b) byGender.set(p.gender, (b = heightBoundsFor(h, p.gender)));
      return heightCost(p.heightCm, b);
    });
  }
  for (const l of f.languages ?? []) {
    const code = columns.languageCode(l.language);
    parts.push((s) => fluencyCost(columns.fluencyOf(s, code), l.minFluency));
  }
  // Met or not, nothing in between: who meets each is one pass of the columns' own filter.
  const metOrNot = (part: TalentFilters, cost: number) => {
    const meets = new Uint8Array(columns.size);
    for (const s of columns.select(part)) meets[s] = 1;
    parts.push((s) => (meets[s] ? 0 : cost));
  };
  if (f.city || f.country) metOrNot({ ...(f.city ? { city: f.city } : {}), ...(f.country ? { country: f.country } : {}) }, MISSED.place);
  if (f.union) metOrNot({ union: f.union }, MISSED.union);
  for (const skill of f.skills ?? []) metOrNot({ skills: [skill] }, MISSED.skill);
  for (const accent of f.accents ?? []) metOrNot({ accents: [accent] }, MISSED.accent);
  for (const look of f.looks ?? []) parts.push((s) => (columns.showsLook(s, look) ? 0 : MISSED.look));
  return (slot, budget) => {
    let cost = 0;
    for (const part of parts) {
      cost += part(slot);
      if (cost > budget) break;
    }
    return cost;
  };
}
