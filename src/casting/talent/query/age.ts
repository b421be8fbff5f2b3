/**
 * Playing-age phrases → an age range: "in her 30s" 30–39, "mid-20s" 23–26, "in his forties" 40–49,
 * "around 40" 37–43, "teen" 13–19, "60+" 60–120, "between 25 and 35" 25–35, "under 25" 0–24,
 * "a 25-year-old" 25–25, "kid" 5–12. The pronoun of "in her/his …" is returned as a gender hint.
 * Vague words ("older" 50+, "senior" 60+, "elderly" 65+, "young" 18–30, "middle-aged" 40–60) give
 * the range only when nothing more precise is said; either way they are taken, so "an older man in
 * his 50s" is 50–59 with no "older" left over for the free text.
 */
import type { Token } from './tokens.js';

export interface AgeMatch {
  range: { min: number; max: number };
  /** `her`/`his` from "in her 30s": the request's gender when it names none otherwise. */
  pronoun?: 'her' | 'his';
  /** Token indices consumed. */
  used: number[];
}

export const MAX_AGE = 120;

type Rule = { re: RegExp; range: (m: RegExpMatchArray) => { min: number; max: number } | undefined; vague?: true };

const PERSON =
  'man|men|woman|women|lady|ladies|gentleman|gentlemen|actor|actors|actress|actresses|performer|performers|person|people|citizen|citizens|talent';
const RELATIVE = 'than|brother|brothers|sister|sisters|sibling|siblings|son|sons|daughter|daughters|cousin|cousins|self';
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

/** Tried in order; the first that matches anywhere wins. The vague ones come last. */
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
  { re: /\bolder (?:teen|teens|teenager|teenagers)\b/, range: () => ({ min: 16, max: 19 }) },
  { re: /\b(?:teen|teens|teenage|teenager|teenagers|adolescent|adolescents)\b/, range: () => ({ min: 13, max: 19 }) },
  {
    // Asking for a child, not "a mother of three children".
    re: /(?<!\b(?:of|with|has|have|her|his|their|own|raising|no)(?: \w+)? )\b(?:kids?|child|children)(?= (?:who|that|actors?|actress|actresses|performers?|talent|models?)\b|$)|^(?:kids?|child|children)\b|\b(?:a|an) (?:child|kid)\b|\b(?:young|little) (?:kids?|child|children)\b|\b(?:young|little)(?= (?:girls?|boys?)\b)/,
    range: () => ({ min: 5, max: 12 }),
  },
  { re: /\bmiddle aged?\b/, range: () => ({ min: 40, max: 60 }), vague: true },
  { re: /\b(?:elderly|senior citizens?|pensioners?|octogenarians?)\b/, range: () => ({ min: 65, max: MAX_AGE }), vague: true },
  {
    re: /\bold (?:man|men|woman|women|lady|ladies|gentleman|gentlemen|person|people|timer)\b/,
    range: () => ({ min: 60, max: MAX_AGE }),
    vague: true,
  },
  // "senior" only of a person: a "senior detective" is a rank, not an age.
  { re: new RegExp(`\\bseniors?(?= (?:${PERSON})\\b|$)`), range: () => ({ min: 60, max: MAX_AGE }), vague: true },
  // "older sister" is a relation and "older than 40" a number rule's: neither says "over 50".
  { re: new RegExp(`\\bolder\\b(?! (?:${RELATIVE})\\b)`), range: () => ({ min: 50, max: MAX_AGE }), vague: true },
  { re: new RegExp(`\\b(?:young|younger|youthful)\\b(?! (?:${RELATIVE})\\b)`), range: () => ({ min: 18, max: 30 }), vague: true },
];

/** Tokens taken by other rules are blanked, so no age phrase runs across them. */
export function extractAge(tokens: Token[], used: boolean[] = []): AgeMatch | undefined {
  const starts: number[] = [];
  let joined = '';
  tokens.forEach((t, i) => {
    if (joined) joined += ' ';
    starts.push(joined.length);
    joined += used[i] ? '_' : t.norm;
  });
  const span = (m: RegExpMatchArray): number[] => {
    const end = m.index! + m[0].length;
    const out: number[] = [];
    for (let i = starts.findIndex((s) => s >= m.index!); i >= 0 && i < tokens.length && starts[i]! < end; i++) out.push(i);
    return out;
  };
  let best: { range: AgeMatch['range']; m: RegExpMatchArray } | undefined;
  const vague: number[] = [];
  for (const rule of RULES) {
    const m = joined.match(rule.re);
    if (!m || m.index === undefined) continue;
    const range = rule.range(m);
    if (!range) continue;
    if (rule.vague) vague.push(...span(m));
    // The vague rules come last, so the first rule that matches is the most precise one.
    best ??= { range, m };
  }
  if (!best) return undefined;
  const pron = best.m[0].match(/^in (her|his) /)?.[1] as 'her' | 'his' | undefined;
  return { range: best.range, used: [...new Set([...span(best.m), ...vague])].sort((a, b) => a - b), ...(pron ? { pronoun: pron } : {}) };
}
