/**
 * Parsers for the roster's compound cells. Each returns the value or a reason a person can act on.
 * Formats (docs/roster-format.md): lists separated by `;`, languages as
 * `English (native); Hindi (fluent)`, credits as `Title (role size, year)`.
 */
import type { Fluency, TalentProfile } from '../../../memory/records.js';

export type Parsed<T> = { ok: true; value: T } | { ok: false; reason: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

export const FLUENCY_ORDER: readonly Fluency[] = ['basic', 'conversational', 'fluent', 'native'];

const FLUENCY_WORDS: Record<string, Fluency> = {
  native: 'native',
  'mother tongue': 'native',
  'first language': 'native',
  bilingual: 'native',
  fluent: 'fluent',
  proficient: 'fluent',
  advanced: 'fluent',
  professional: 'fluent',
  business: 'fluent',
  conversational: 'conversational',
  intermediate: 'conversational',
  working: 'conversational',
  good: 'conversational',
  basic: 'basic',
  beginner: 'basic',
  elementary: 'basic',
  limited: 'basic',
  some: 'basic',
};

/** Reads a fluency word ("Fluent", "mother tongue", "intermediate"), or undefined. */
export function parseFluency(word: string): Fluency | undefined {
  return FLUENCY_WORDS[word.trim().toLowerCase().replace(/\s+/g, ' ')];
}

/**
 * Trims and turns each run of whitespace into one space. Strings already clean come back as they
 * are: V8 builds a replaced string of 13+ characters as a rope, and a roster of 100k rows kept as
 * ropes costs several times its size in memory.
 */
export function collapseSpaces(s: string): string {
  const t = s.trim();
  return /\s{2,}|[^\S ]/.test(t) ? t.replace(/\s+/g, ' ') : t;
}

/** Splits a multi-valued cell on `;`, or on `,` when the cell has no `;` at all. */
export function splitList(cell: string): string[] {
  const sep = cell.includes(';') ? ';' : ',';
  const seen = new Set<string>();
  const out: string[] = [];
  for (const raw of cell.split(sep)) {
    const item = collapseSpaces(raw);
    if (!item || seen.has(item.toLowerCase())) continue;
    seen.add(item.toLowerCase());
    out.push(item);
  }
  return out;
}

/** "tamil" → "Tamil"; mixed-case input is kept as written. */
function capitalise(s: string): string {
  return s === s.toLowerCase() ? s.replace(/(^|[\s-])(\p{L})/gu, (_m, p: string, c: string) => p + c.toUpperCase()) : s;
}

/**
 * "English (native); Hindi (fluent)". Also accepts "Hindi: fluent" and "Hindi - fluent". A language
 * listed without a level is taken as fluent: rosters list the languages a person can work in.
 */
export function parseLanguages(cell: string): Parsed<TalentProfile['languages']> {
  const byName = new Map<string, { language: string; fluency: Fluency }>();
  for (const item of splitList(cell)) {
    const m = item.match(/^(.+?)(?:\s*\(\s*([^)]*?)\s*\)|\s*:\s*([\p{L} ]+)|\s+[-\u2013]\s+([\p{L} ]+))?$/u);
    const language = capitalise((m?.[1] ?? item).trim());
    const level = m?.[2] ?? m?.[3] ?? m?.[4];
    if (!/^[\p{L}][\p{L} .'-]*$/u.test(language)) return fail(`"${item}" is not a language name; write e.g. "Hindi (fluent)"`);
    let fluency: Fluency = 'fluent';
    if (level !== undefined && level.trim() !== '') {
      const f = parseFluency(level);
      if (!f) return fail(`unknown fluency "${level}" for ${language}: use native, fluent, conversational or basic`);
      fluency = f;
    }
    const key = language.toLowerCase();
    const prev = byName.get(key);
    if (!prev || FLUENCY_ORDER.indexOf(fluency) > FLUENCY_ORDER.indexOf(prev.fluency)) byName.set(key, { language, fluency });
  }
  return ok([...byName.values()]);
}

/** "Salt (lead, 2021); Blue Hour (day player, 2019)"; size and year are each optional. */
export function parseCredits(cell: string): Parsed<TalentProfile['credits']> {
  const credits: TalentProfile['credits'] = [];
  // Credits are always `;`-separated: titles may contain commas.
  for (const raw of cell.split(';')) {
    const item = raw.trim();
    if (!item) continue;
    const m = item.match(/^(.*?)\s*\(([^()]*)\)\s*$/);
    const title = (m ? m[1]! : item).trim();
    if (!title) return fail(`credit "${item}" has no title`);
    const credit: TalentProfile['credits'][number] = { title };
    for (const part of (m?.[2] ?? '')
      .split(',')
      .map((p) => p.trim())
      .filter(Boolean)) {
      if (/^\d{4}$/.test(part)) {
        const year = Number(part);
        if (year < 1900 || year > 2100) return fail(`credit "${title}" has an impossible year ${part}`);
        credit.year = year;
      } else if (/^\d+$/.test(part)) {
        return fail(`credit "${title}" has a year that is not four digits: ${part}`);
      } else {
        credit.size = part.toLowerCase();
      }
    }
    credits.push(credit);
  }
  return ok(credits);
}

/** A whole number within [min, max]; "28.0" is accepted, "28-36" and "twenty" are not. */
export function parseWholeNumber(cell: string, min: number, max: number, unit = ''): Parsed<number> {
  const s = unit ? cell.replace(new RegExp(`\\s*${unit}$`, 'i'), '') : cell;
  const n = Number(s);
  if (s.trim() === '' || !Number.isFinite(n) || !Number.isInteger(n)) return fail(`"${cell}" is not a whole number`);
  if (n < min || n > max) return fail(`${n} is outside ${min}–${max}`);
  return ok(n);
}

/** "28-36", "28–36", "28 to 36" or a single age. */
export function parseAgeRange(cell: string): Parsed<[number, number]> {
  const m = cell.trim().match(/^(\d{1,3})(?:\s*(?:-|–|—|to)\s*(\d{1,3}))?$/i);
  if (!m) return fail(`"${cell}" is not an age range like 28-36`);
  const lo = Number(m[1]);
  const hi = m[2] === undefined ? lo : Number(m[2]);
  if (lo > 120 || hi > 120) return fail(`"${cell}" is outside 0–120`);
  if (lo > hi) return fail(`"${cell}" starts above where it ends`);
  return ok([lo, hi]);
}

const GENDERS: Record<string, string> = {
  f: 'female',
  female: 'female',
  woman: 'female',
  w: 'female',
  m: 'male',
  male: 'male',
  man: 'male',
  nb: 'non-binary',
  'non-binary': 'non-binary',
  nonbinary: 'non-binary',
  'non binary': 'non-binary',
  enby: 'non-binary',
};

/** Normalises the common spellings; any other self-description is kept, lower-cased. */
export function normalizeGender(cell: string): string {
  const g = cell.trim().toLowerCase().replace(/\s+/g, ' ');
  return GENDERS[g] ?? g;
}

export function isEmail(s: string): boolean {
  return /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(s);
}

export function isHttpUrl(s: string): boolean {
  try {
    const u = new URL(s);
    return u.protocol === 'http:' || u.protocol === 'https:';
  } catch {
    return false;
  }
}
