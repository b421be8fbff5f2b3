/**
 * Word tokens of a request with a normalised form for matching: lower case, possessive "'s"
 * dropped, number words as digits ("thirties" → "30s", "forty" → "40"), "25-35" read as "25 to 35".
 */

export interface Token {
  /** As written. */
  text: string;
  /** Normalised for matching. */
  norm: string;
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
  for (const m of prepared.matchAll(/\d+\s*\+|[\p{L}\p{N}]+(?:['’][\p{L}]+)*/gu)) {
    out.push({ text: m[0], norm: normWord(m[0]) });
  }
  return out;
}

/** Normalised token sequence of a vocabulary phrase ("SAG-AFTRA" → ["sag", "aftra"]). */
export function phraseTokens(phrase: string): string[] {
  return tokenize(phrase).map((t) => t.norm);
}
