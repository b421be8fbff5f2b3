/**
 * Playing-age phrases → an age range: "in her 30s" 30–39, "mid-20s" 23–26, "in his forties" 40–49,
 * "around 40" 37–43, "teen" 13–19, "60+" 60–120, "between 25 and 35" 25–35, "under 25" 0–24,
 * "a 25-year-old" 25–25. The pronoun of "in her/his …" is returned as a gender hint.
 */
import type { Token } from './tokens.js';

export interface AgeMatch {
  range: { min: number; max: number };
  /** `her`/`his` from "in her 30s": the request's gender when it names none otherwise. */
  pronoun?: 'her' | 'his';
  /** Token indices consumed. */
  from: number;
  to: number;
}

export const MAX_AGE = 120;

type Rule = { re: RegExp; range: (m: RegExpMatchArray) => { min: number; max: number } | undefined };

const YEARS = '(?: years?(?: old)?| yrs?(?: old)?| yo| year old)?';
const PRON = '(?:in (her|his|their) )?';

function decade(d: string, part?: string): { min: number; max: number } {
  const lo = Number(d) * 10;
  if (part === 'early') return { min: lo, max: lo + 3 };
  if (part === 'mid') return { min: lo + 3, max: lo + 6 };
  if (part === 'late') return { min: lo + 6, max: lo + 9 };
  return { min: lo, max: lo + 9 };
}

function ordered(a: number, b: number): { min: number; max: number } | undefined {
  return a <= b && b <= MAX_AGE ? { min: a, max: b } : undefined;
}

/** Tried in order; the first that matches anywhere wins. */
const RULES: Rule[] = [
  { re: new RegExp(`\\bbetween (?:the ages of )?(\\d{1,3}) and (\\d{1,3})${YEARS}\\b`), range: (m) => ordered(Number(m[1]), Number(m[2])) },
  {
    re: new RegExp(`\\b(?:(?:aged?|ages|playing(?: age)?|from) )?(\\d{1,2}) to (\\d{1,3})${YEARS}\\b`),
    range: (m) => ordered(Number(m[1]), Number(m[2])),
  },
  { re: new RegExp(`\\b${PRON}(?:(early|mid|late) )?([1-9])0s\\b`), range: (m) => decade(m[3]!, m[2]) },
  { re: new RegExp(`\\b${PRON}([1-9])0 something\\b`), range: (m) => decade(m[2]!) },
  {
    re: new RegExp(`\\b${PRON}(?:(early|late) )?teens\\b`),
    range: (m) => (m[2] === 'early' ? { min: 13, max: 15 } : m[2] === 'late' ? { min: 17, max: 19 } : { min: 13, max: 19 }),
  },
  {
    re: new RegExp(`\\b(?:around|about|roughly|approximately|approx|circa|near) (\\d{1,2})${YEARS}\\b`),
    range: (m) => ({ min: Math.max(0, Number(m[1]) - 3), max: Number(m[1]) + 3 }),
  },
  { re: /\b(\d{1,2})ish\b/, range: (m) => ({ min: Math.max(0, Number(m[1]) - 3), max: Number(m[1]) + 3 }) },
  { re: /\b(\d{1,2})\+(?= |$)/, range: (m) => ({ min: Number(m[1]), max: MAX_AGE }) },
  { re: new RegExp(`\\b(?:over|above|older than|at least) (\\d{1,2})${YEARS}\\b`), range: (m) => ({ min: Number(m[1]), max: MAX_AGE }) },
  { re: /\b(\d{1,2}) (?:or|and) (?:older|over|above|up)\b/, range: (m) => ({ min: Number(m[1]), max: MAX_AGE }) },
  {
    re: new RegExp(`\\b(?:under|below|younger than) (\\d{1,2})${YEARS}\\b`),
    range: (m) => ({ min: 0, max: Math.max(0, Number(m[1]) - 1) }),
  },
  {
    re: /\b(?:at most|no older than) (\d{1,2})\b|\b(\d{1,2}) (?:or|and) (?:younger|under)\b/,
    range: (m) => ({ min: 0, max: Number(m[1] ?? m[2]) }),
  },
  { re: /\b(?:aged?) (\d{1,2})\b/, range: (m) => ({ min: Number(m[1]), max: Number(m[1]) }) },
  { re: /\b(\d{1,2}) (?:years? old|year old|yrs? old|yo)\b/, range: (m) => ({ min: Number(m[1]), max: Number(m[1]) }) },
  { re: /\b(?:teen|teenage|teenager|teenagers|adolescent|adolescents)\b/, range: () => ({ min: 13, max: 19 }) },
  { re: /\b(?:child|kid) (?:actor|actress|performer|talent)s?\b|\b(?:a|an) (?:child|kid)\b/, range: () => ({ min: 5, max: 12 }) },
  { re: /\bmiddle aged\b/, range: () => ({ min: 40, max: 60 }) },
  { re: /\b(?:elderly|senior citizen|pensioner|octogenarian)\b/, range: () => ({ min: 65, max: MAX_AGE }) },
];

export function extractAge(tokens: Token[]): AgeMatch | undefined {
  const starts: number[] = [];
  let joined = '';
  for (const t of tokens) {
    if (joined) joined += ' ';
    starts.push(joined.length);
    joined += t.norm;
  }
  for (const rule of RULES) {
    const m = joined.match(rule.re);
    if (!m || m.index === undefined) continue;
    const range = rule.range(m);
    if (!range) continue;
    const end = m.index + m[0].length;
    const from = starts.findIndex((s) => s >= m.index!);
    let to = from;
    while (to + 1 < tokens.length && starts[to + 1]! < end) to++;
    const pron = m[0].match(/^in (her|his) /)?.[1] as 'her' | 'his' | undefined;
    return { range, from, to, ...(pron ? { pronoun: pron } : {}) };
  }
  return undefined;
}
