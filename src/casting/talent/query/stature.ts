/**
 * Relative height words against the tenant's own roster: "tall" is the top quartile of height_cm
 * among people of the same gender, "short" and "petite" the bottom quartile. A 175 cm woman is tall
 * on most rosters and a 175 cm man is not, so when the request names no gender each gender gets
 * its own threshold.
 */
import type { TalentProfile } from '../../../memory/records.js';
import { normTerm } from '../metadata.js';
import type { HeightBounds, Stature, TalentFilters } from './filter-schema.js';

/** The heights that open the top quartile and close the bottom one. */
export interface Quartiles {
  low: number;
  high: number;
}

export interface HeightNorms {
  /** Over everyone with a height; undefined when nobody on the roster has one. */
  all?: Quartiles;
  /** By normalised gender, for genders with enough heights to have quartiles of their own. */
  byGender: Record<string, Quartiles>;
}

// Below this a quartile is one or two people, whose heights say little about the gender's range.
const MIN_GROUP = 8;

function quartiles(heights: number[]): Quartiles {
  const h = [...heights].sort((a, b) => a - b);
  const quarter = Math.ceil(h.length / 4);
  return { low: h[quarter - 1]!, high: h[h.length - quarter]! };
}

export function heightNorms(profiles: readonly TalentProfile[]): HeightNorms {
  const all: number[] = [];
  const byGender = new Map<string, number[]>();
  for (const p of profiles) {
    if (p.heightCm === undefined) continue;
    all.push(p.heightCm);
    if (!p.gender) continue;
    const g = normTerm(p.gender);
    const list = byGender.get(g);
    if (list) list.push(p.heightCm);
    else byGender.set(g, [p.heightCm]);
  }
  const norms: HeightNorms = { byGender: {} };
  if (all.length) norms.all = quartiles(all);
  for (const [g, heights] of byGender) if (heights.length >= MIN_GROUP) norms.byGender[g] = quartiles(heights);
  return norms;
}

function boundsOf(word: Stature, q: Quartiles): HeightBounds {
  return word === 'tall' ? { min: q.high } : { max: q.low };
}

/** Both bounds at once ("a tall man over 185 cm" keeps the higher floor). */
export function intersectBounds(a: HeightBounds, b: HeightBounds): HeightBounds {
  const out: HeightBounds = {};
  const min = Math.max(a.min ?? -Infinity, b.min ?? -Infinity);
  const max = Math.min(a.max ?? Infinity, b.max ?? Infinity);
  if (Number.isFinite(min)) out.min = min;
  if (Number.isFinite(max)) out.max = max;
  return out;
}

/**
 * The height filter for what was asked: explicit bounds as they are, a relative word as heights
 * of the asked gender (or of each gender, when none was asked). Undefined when nothing bounds it.
 */
export function resolveHeight(
  asked: HeightBounds & { word?: Stature },
  gender: string | undefined,
  norms: HeightNorms,
): TalentFilters['height'] {
  const explicit: HeightBounds = intersectBounds(asked, {});
  const word = asked.word && norms.all ? asked.word : undefined;
  if (!word) return explicit.min === undefined && explicit.max === undefined ? undefined : explicit;
  if (gender) return { word, ...intersectBounds(explicit, boundsOf(word, norms.byGender[normTerm(gender)] ?? norms.all!)) };
  const byGender: Record<string, HeightBounds> = {};
  for (const [g, q] of Object.entries(norms.byGender)) byGender[g] = intersectBounds(explicit, boundsOf(word, q));
  return { word, ...intersectBounds(explicit, boundsOf(word, norms.all!)), ...(Object.keys(byGender).length ? { byGender } : {}) };
}
