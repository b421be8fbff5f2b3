/**
 * The hard-filter view of a roster: each attribute a filter can ask about, normalised once and kept
 * as integer codes in typed arrays indexed by slot (the profile's position in the roster). A query
 * narrows the roster by its filters with integer comparisons, where checking the profiles
 * themselves would normalise the same strings for every person on every search.
 * `columns.select(f)` holds exactly the slots whose profiles `matchesFilters(p, f)` accepts (tested).
 */
import type { Fluency, TalentProfile } from '../../../memory/records.js';
import { normTerm, skillBase, splitLocation } from '../metadata.js';
import { FLUENCY_ORDER } from '../import/fields.js';
import type { HeightBounds, TalentFilters } from '../query/filter-schema.js';
import { isLook, lookInBio } from '../query/looks.js';
import { heightBoundsFor, heightWithin, playingRange, skillSatisfies } from './filters.js';

const NONE = -1;

type Check =
  | { kind: 'equal'; column: Int32Array; code: number }
  | { kind: 'age'; min: number; max: number }
  | { kind: 'where'; test: (slot: number) => boolean };

/** Keeps, in place and in order, the first `n` slots whose column value is `code`; returns how many. */
function keepEqual(slots: Int32Array, n: number, column: Int32Array, code: number): number {
  let kept = 0;
  for (let k = 0; k < n; k++) {
    const s = slots[k]!;
    if (column[s] === code) slots[kept++] = s;
  }
  return kept;
}

/** Keeps the slots whose playing range overlaps min–max (NONE: no range, never kept). */
function keepAge(slots: Int32Array, n: number, lo: Int16Array, hi: Int16Array, min: number, max: number): number {
  let kept = 0;
  for (let k = 0; k < n; k++) {
    const s = slots[k]!;
    const l = lo[s]!;
    if (l !== NONE && l <= max && hi[s]! >= min) slots[kept++] = s;
  }
  return kept;
}

function keepWhere(slots: Int32Array, n: number, test: (slot: number) => boolean): number {
  let kept = 0;
  for (let k = 0; k < n; k++) {
    const s = slots[k]!;
    if (test(s)) slots[kept++] = s;
  }
  return kept;
}

/** The single-valued attributes a filter compares for equality. */
const SINGLE = ['gender', 'city', 'country', 'union', 'ethnicity'] as const;
type Single = (typeof SINGLE)[number];

function singleValues(p: TalentProfile): Record<Single, string | undefined> {
  const { city, country } = splitLocation(p.location);
  return { gender: p.gender, city, country, union: p.union, ethnicity: p.ethnicity };
}

/** Variable-length lists per slot: the values of slot s are `values[offsets[s]]…values[offsets[s+1]-1]`. */
interface Lists {
  offsets: Int32Array;
  values: Int32Array;
}

function packLists(lists: number[][]): Lists {
  const offsets = new Int32Array(lists.length + 1);
  for (let s = 0; s < lists.length; s++) offsets[s + 1] = offsets[s]! + lists[s]!.length;
  const values = new Int32Array(offsets[lists.length]!);
  for (let s = 0; s < lists.length; s++) values.set(lists[s]!, offsets[s]!);
  return { offsets, values };
}

export class RosterColumns {
  readonly size: number;
  /** Every distinct normalised value, and its code. */
  private readonly codes = new Map<string, number>();
  /** Code of each slot's value of each single-valued attribute (NONE when blank). */
  private readonly single = {} as Record<Single, Int32Array>;
  private readonly ageLo: Int16Array;
  private readonly ageHi: Int16Array;
  /** Language codes in the profile's order, with the fluency rank of each beside it. */
  private readonly languages: Lists;
  private readonly fluency: Uint8Array;
  private readonly skills: Lists;
  private readonly accents: Lists;
  private readonly height: Int16Array;
  /** The profiles' own bio strings (not copies), for the look checks, which read them as written. */
  private readonly bios: readonly (string | undefined)[];
  /** Per look, whose bio shows it: bios are read once per look and roster, not on every search. */
  private readonly looks = new Map<string, Uint8Array>();

  constructor(profiles: readonly TalentProfile[]) {
    const n = profiles.length;
    this.size = n;
    for (const a of SINGLE) this.single[a] = new Int32Array(n);
    this.ageLo = new Int16Array(n);
    this.ageHi = new Int16Array(n);
    this.height = Int16Array.from(profiles, (p) => p.heightCm ?? NONE);
    this.bios = profiles.map((p) => p.bio);
    const languages: number[][] = [];
    const fluency: number[] = [];
    const skills: number[][] = [];
    const accents: number[][] = [];
    profiles.forEach((p, s) => {
      const values = singleValues(p);
      for (const a of SINGLE) this.single[a][s] = values[a] ? this.code(normTerm(values[a])) : NONE;
      const range = playingRange(p);
      this.ageLo[s] = range ? range[0] : NONE;
      this.ageHi[s] = range ? range[1] : NONE;
      languages.push(
        p.languages.map((l) => {
          fluency.push(FLUENCY_ORDER.indexOf(l.fluency));
          return this.code(normTerm(l.language));
        }),
      );
      skills.push(p.skills.map((x) => this.code(normTerm(x))));
      accents.push(p.accents.map((x) => this.code(normTerm(x))));
    });
    this.languages = packLists(languages);
    this.fluency = Uint8Array.from(fluency);
    this.skills = packLists(skills);
    this.accents = packLists(accents);
  }

  /**
   * The filters as checks over slots: together they hold for exactly the people `matchesFilters`
   * lets through. Equality and age, the common ones, are plain column comparisons that `select`
   * runs as loops of their own; the list-valued ones are predicates.
   */
  private checks(f: TalentFilters): Check[] {
    const checks: Check[] = [];
    for (const a of SINGLE) {
      const value = f[a];
      if (value) checks.push({ kind: 'equal', column: this.single[a], code: this.lookup(normTerm(value)) });
    }
    if (f.ageRange) checks.push({ kind: 'age', min: f.ageRange.min, max: f.ageRange.max });
    for (const l of f.languages ?? []) {
      const code = this.languageCode(l.language);
      const least = FLUENCY_ORDER.indexOf(l.minFluency);
      checks.push({
        kind: 'where',
        test: (s) => {
          const level = this.fluencyOf(s, code);
          return level !== undefined && FLUENCY_ORDER.indexOf(level) >= least;
        },
      });
    }
    for (const wanted of f.skills ?? []) {
      const w = normTerm(wanted);
      const ok = new Set<number>();
      this.codes.forEach((code, value) => {
        if (skillSatisfies(value, skillBase(value), w)) ok.add(code);
      });
      checks.push({ kind: 'where', test: (s) => this.any(this.skills, s, ok) });
    }
    for (const accent of f.accents ?? []) {
      const code = new Set([this.lookup(normTerm(accent))]);
      checks.push({ kind: 'where', test: (s) => this.any(this.accents, s, code) });
    }
    if (f.height) {
      const h = f.height;
      const byGender = new Map<number, HeightBounds>(Object.entries(h.byGender ?? {}).map(([g, b]) => [this.lookup(normTerm(g)), b]));
      const others = heightBoundsFor(h, undefined);
      const gender = this.single.gender;
      checks.push({
        kind: 'where',
        test: (s) => heightWithin(this.height[s] === NONE ? undefined : this.height[s], byGender.get(gender[s]!) ?? others),
      });
    }
    for (const look of f.looks ?? []) checks.push({ kind: 'where', test: (s) => this.showsLook(s, look) });
    return checks;
  }

  /** Whether the bio of a slot shows a look (query/looks.ts), as `lookInBio` reads it. */
  showsLook(slot: number, look: string): boolean {
    let shows = this.looks.get(look);
    if (!shows) {
      // An unknown look is shown by nobody, and not kept: the map holds at most the known looks.
      if (!isLook(look)) return false;
      shows = Uint8Array.from(this.bios, (bio) => (lookInBio(bio, look) === undefined ? 0 : 1));
      this.looks.set(look, shows);
    }
    return shows[slot] === 1;
  }

  /** The playing range of a slot, as playingRange() gives it for the profile. */
  playingRange(slot: number): [number, number] | undefined {
    const lo = this.ageLo[slot]!;
    return lo === NONE ? undefined : [lo, this.ageHi[slot]!];
  }

  /** The code of a language as the columns know it (one nobody speaks when unknown). */
  languageCode(language: string): number {
    return this.lookup(normTerm(language));
  }

  /** The fluency of slot's first entry for a language code, as spokenLanguage() finds it. */
  fluencyOf(slot: number, languageCode: number): Fluency | undefined {
    const { offsets, values } = this.languages;
    for (let i = offsets[slot]!; i < offsets[slot + 1]!; i++) if (values[i] === languageCode) return FLUENCY_ORDER[this.fluency[i]!];
    return undefined;
  }

  /**
   * The slots, in order, that pass the filters and are not excluded. Each check narrows the list
   * left by the one before, in a loop of its own: a broad search runs a few tight passes over
   * integer columns instead of a chain of predicates for each of the roster's people. The answer
   * is a view of `out` (roster-sized) when given.
   */
  select(f: TalentFilters, excluded?: (slot: number) => boolean, out: Int32Array = new Int32Array(this.size)): Int32Array {
    for (let s = 0; s < this.size; s++) out[s] = s;
    let n = this.size;
    for (const check of this.checks(f)) {
      if (check.kind === 'equal') n = keepEqual(out, n, check.column, check.code);
      else if (check.kind === 'age') n = keepAge(out, n, this.ageLo, this.ageHi, check.min, check.max);
      else n = keepWhere(out, n, check.test);
    }
    if (excluded) n = keepWhere(out, n, (s) => !excluded(s));
    return out.subarray(0, n);
  }

  private any(lists: Lists, s: number, codes: Set<number>): boolean {
    for (let i = lists.offsets[s]!; i < lists.offsets[s + 1]!; i++) if (codes.has(lists.values[i]!)) return true;
    return false;
  }

  private code(value: string): number {
    let c = this.codes.get(value);
    if (c === undefined) {
      c = this.codes.size;
      this.codes.set(value, c);
    }
    return c;
  }

  /** The code of a value nobody has is one no slot holds. */
  private lookup(value: string): number {
    return this.codes.get(value) ?? -2;
  }
}
