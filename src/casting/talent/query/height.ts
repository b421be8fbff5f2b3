/**
 * Height phrases → what was asked, in centimetres: "over 185 cm" 186+, "under 5'6" up to 167,
 * "at least 6 ft" 183+, "between 170 and 180 cm", "6'2" alone 186–190 (an inch either way), and
 * the relative words "tall", "short", "petite" (resolved against the roster in stature.ts).
 */
import type { HeightBounds, Stature } from './filter-schema.js';
import { intersectBounds } from './stature.js';
import type { Token } from './tokens.js';

export interface HeightAsk extends HeightBounds {
  word?: Stature;
  /** Token indices the phrase used. */
  used: number[];
}

type Bound = 'over' | 'atLeast' | 'under' | 'atMost' | 'around';

/** Comparators before a height, as token sequences; longest first where one starts another. */
const BEFORE: [string[], Bound][] = [
  [['no', 'shorter', 'than'], 'atLeast'],
  [['no', 'taller', 'than'], 'atMost'],
  [['no', 'more', 'than'], 'atMost'],
  [['taller', 'than'], 'over'],
  [['more', 'than'], 'over'],
  [['greater', 'than'], 'over'],
  [['shorter', 'than'], 'under'],
  [['less', 'than'], 'under'],
  [['at', 'least'], 'atLeast'],
  [['at', 'most'], 'atMost'],
  [['up', 'to'], 'atMost'],
  [['over'], 'over'],
  [['above'], 'over'],
  [['min'], 'atLeast'],
  [['minimum'], 'atLeast'],
  [['under'], 'under'],
  [['below'], 'under'],
  [['max'], 'atMost'],
  [['maximum'], 'atMost'],
  [['around'], 'around'],
  [['about'], 'around'],
  [['roughly'], 'around'],
  [['approximately'], 'around'],
  [['approx'], 'around'],
];
const AFTER: [string[], Bound][] = [
  [['or', 'taller'], 'atLeast'],
  [['or', 'more'], 'atLeast'],
  [['or', 'above'], 'atLeast'],
  [['or', 'over'], 'atLeast'],
  [['and', 'up'], 'atLeast'],
  [['and', 'above'], 'atLeast'],
  [['and', 'over'], 'atLeast'],
  [['plus'], 'atLeast'],
  [['or', 'shorter'], 'atMost'],
  [['or', 'less'], 'atMost'],
  [['or', 'under'], 'atMost'],
  [['and', 'under'], 'atMost'],
  [['or', 'below'], 'atMost'],
];
/** Words that only say "this is a height" ("6 ft tall", "height over 185"). */
const HEIGHT_WORDS = new Set(['tall', 'height', 'heights', 'standing']);
const STATURE_WORDS: Record<string, Stature> = { tall: 'tall', short: 'short', petite: 'petite' };
/** "short hair", "a tall order": the word describes the next noun, not the person's height. */
const NOT_STATURE_BEFORE = new Set([
  'hair',
  'haired',
  'haircut',
  'cut',
  'film',
  'films',
  'movie',
  'story',
  'stories',
  'tale',
  'tales',
  'notice',
  'order',
  'term',
  'fuse',
  'temper',
  'tempered',
  'sleeves',
  'sleeved',
  'list',
  'listed',
  'scene',
  'scenes',
  'role',
  'roles',
  'part',
  'parts',
  'shoot',
  'dress',
  'skirt',
]);
// An inch either way: a height said alone is a type ("a 6'2" lead"), not an exact measure.
const AROUND_CM = 2.54;
/** A bare number after a comparator is a height in this range ("over 185"), never an age. */
const BARE_CM = { min: 120, max: 230 };

const norm = (tokens: Token[], i: number) => tokens[i]?.norm ?? '';

function seqAt(tokens: Token[], i: number, seq: string[]): boolean {
  return seq.every((w, k) => norm(tokens, i + k) === w);
}

function boundOf(kind: Bound, cm: number): HeightBounds {
  if (kind === 'around') return { min: Math.ceil(cm - AROUND_CM), max: Math.floor(cm + AROUND_CM) };
  // Rosters record whole centimetres: "over" and "under" exclude the height itself ("over 185 cm" is
  // 186+), "at least" and "at most" include its nearest centimetre ("at least 6 ft", 182.88, is 183+).
  if (kind === 'over') return { min: Math.floor(cm) + 1 };
  if (kind === 'under') return { max: Math.ceil(cm) - 1 };
  return kind === 'atLeast' ? { min: Math.round(cm) } : { max: Math.round(cm) };
}

/** The centimetres a token states: a height token, or a bare number in the height range. */
function cmAt(tokens: Token[], i: number, bareAllowed: boolean): number | undefined {
  const t = tokens[i];
  if (!t) return undefined;
  if (t.cm !== undefined) return t.cm;
  if (!bareAllowed || !/^\d{3}$/.test(t.norm)) return undefined;
  const n = Number(t.norm);
  return n >= BARE_CM.min && n <= BARE_CM.max ? n : undefined;
}

/** The comparator ending just before token `i`, with its first index. */
function comparatorBefore(tokens: Token[], i: number): { kind: Bound; from: number } | undefined {
  for (const [seq, kind] of BEFORE) if (seqAt(tokens, i - seq.length, seq)) return { kind, from: i - seq.length };
  return undefined;
}

/** Reads explicit heights and a relative word; undefined when the request says nothing about height. */
export function readHeight(tokens: Token[], used: boolean[], opts: { relative: boolean }): HeightAsk | undefined {
  let bounds: HeightBounds = {};
  const taken: number[] = [];
  const take = (from: number, to: number) => {
    for (let k = from; k <= to; k++) if (!taken.includes(k)) taken.push(k);
  };
  let found = false;
  for (let i = 0; i < tokens.length; i++) {
    if (used[i] || taken.includes(i)) continue;
    const before = comparatorBefore(tokens, i);
    // "between 170 and 180 cm", "170 to 180 cm", "5'6 to 5'10": the unit of the second serves both.
    const rangeEnd = ['and', 'to'].includes(norm(tokens, i + 1)) ? cmAt(tokens, i + 2, false) : undefined;
    const first = cmAt(tokens, i, rangeEnd !== undefined || before !== undefined);
    if (first === undefined) continue;
    found = true;
    let from = i;
    let to = i;
    if (rangeEnd !== undefined && !tokens[i]!.norm.endsWith('+')) {
      bounds = intersectBounds(bounds, { ...boundOf('atLeast', first), ...boundOf('atMost', rangeEnd) });
      to = i + 2;
      if (['between', 'from'].includes(norm(tokens, i - 1))) from = i - 1;
    } else if (before) {
      bounds = intersectBounds(bounds, boundOf(before.kind, first));
      from = before.from;
    } else {
      const after = AFTER.find(([seq]) => seqAt(tokens, i + 1, seq));
      if (after) to = i + after[0].length;
      const kind: Bound | undefined = tokens[i]!.norm.endsWith('+') ? 'atLeast' : after?.[1];
      bounds = intersectBounds(bounds, boundOf(kind ?? 'around', first));
    }
    if (HEIGHT_WORDS.has(norm(tokens, from - 1))) from--;
    if (HEIGHT_WORDS.has(norm(tokens, to + 1))) to++;
    take(from, to);
    i = to;
  }
  let word: Stature | undefined;
  if (opts.relative) {
    for (let i = 0; i < tokens.length && !word; i++) {
      const w = STATURE_WORDS[norm(tokens, i)];
      if (!w || used[i] || taken.includes(i) || NOT_STATURE_BEFORE.has(norm(tokens, i + 1)) || norm(tokens, i - 1) === 'in') continue;
      word = w;
      take(norm(tokens, i - 1) === 'very' ? i - 1 : i, i);
    }
  }
  if (!found && !word) return undefined;
  return { ...bounds, ...(word ? { word } : {}), used: taken.sort((a, b) => a - b) };
}
