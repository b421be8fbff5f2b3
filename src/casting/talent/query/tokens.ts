/**
 * Word tokens of a request with a normalised form for matching: lower case, possessive "'s"
 * dropped, number words as digits ("thirties" → "30s", "forty" → "40"), "25-35" read as "25 to 35".
 * A height however written ("6'2\"", "6 ft 2", "185 cm", "1.85 m") is one token, normalised to
 * whole centimetres ("188cm"), so the feet and inches marks survive and no age rule mistakes it
 * for an age.
 */

export interface Token {
  /** As written. */
  text: string;
  /** Normalised for matching. */
  norm: string;
  /** The height this token states, in centimetres (unrounded: "over 6 ft" is over 182.88). */
  cm?: number;
}

const FEET_UNIT = String.raw`(?:['’′](?!\p{L})|ft(?!\p{L})\.?|feet(?!\p{L})|foot(?!\p{L}))`;
// "in" is only inches when it does not start "in his forties".
const INCH_UNIT = String.raw`(?:["”″]|''|’’|inch(?:es)?(?!\p{L})|in(?!\p{L})\.?(?!\s+(?:his|her|their|the|a|an)\b))`;
const HEIGHT = [
  String.raw`(?<![\d.,])(?<ft>[3-7])\s*${FEET_UNIT}(?:\s*(?<in>1[01]|\d)(?!\d)(?:\s*${INCH_UNIT})?)?`,
  String.raw`(?<![\d.,])(?<cm>\d{2,3})\s*(?:cms?|centimet(?:er|re)s?)(?!\p{L})`,
  String.raw`(?<![\d.,])(?<m>[12][.,]\d{1,2})\s*(?:m|metres?|meters?)(?!\p{L})`,
];
const TOKEN = new RegExp(`(?:${HEIGHT.join('|')})(?:\\s*(?<plus>\\+))?|\\d+\\s*\\+|[\\p{L}\\p{N}]+(?:['’][\\p{L}]+)*`, 'gu');

function heightCm(g: Record<string, string | undefined>): number | undefined {
  if (g.ft) return Number(g.ft) * 30.48 + Number(g.in ?? 0) * 2.54;
  if (g.cm) return Number(g.cm);
  if (g.m) return Number(g.m.replace(',', '.')) * 100;
  return undefined;
}

const NUMBER_WORDS: Record<string, string> = {
  twenties: '20s',
  thirties: '30s',
  forties: '40s',
  fifties: '50s',
  sixties: '60s',
  seventies: '70s',
  eighties: '80s',
  nineties: '90s',
  ten: '10',
  twelve: '12',
  fifteen: '15',
  eighteen: '18',
  twenty: '20',
  thirty: '30',
  forty: '40',
  fifty: '50',
  sixty: '60',
  seventy: '70',
  eighty: '80',
};

export function normWord(w: string): string {
  const lower = w
    .toLowerCase()
    .replace(/['’]s$/, 's')
    .replace(/['’]/g, '');
  // "20's" and "20s" alike; "60 +" and "60+" alike
  const n = lower.replace(/\s+/g, '');
  return NUMBER_WORDS[n] ?? n;
}

export function tokenize(text: string): Token[] {
  const prepared = text.replace(/(\d)\s*[-–—]\s*(\d)/g, '$1 to $2');
  const out: Token[] = [];
  for (const m of prepared.matchAll(TOKEN)) {
    const cm = m.groups ? heightCm(m.groups) : undefined;
    if (cm === undefined) out.push({ text: m[0], norm: normWord(m[0]) });
    else out.push({ text: m[0], norm: `${Math.round(cm)}cm${m.groups!.plus ? '+' : ''}`, cm });
  }
  return out;
}

/** Normalised token sequence of a vocabulary phrase ("SAG-AFTRA" → ["sag", "aftra"]). */
export function phraseTokens(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}
