/** From a cue line as written to the name it gives, and to the key that merges its spellings. */

const PARENS = /\([^)]*\)?/g;

/**
 * The cue's name verbatim: forced `@`, dual `^` and every `( … )` extension removed, spaces
 * collapsed, case kept ("@McCABE" → "McCABE", "EDWARD  (V.O.)(CONT'D)" → "EDWARD").
 */
export function cueName(line: string): string {
  let s = line.trim();
  if (s.startsWith('@')) s = s.slice(1);
  if (s.endsWith('^')) s = s.slice(0, -1);
  if (s.includes('(')) s = s.replace(PARENS, ' ');
  return s.replace(/\s+/g, ' ').trim();
}

/** The key spellings of one name share: upper case, no trailing punctuation other than a period. */
export function nameKey(name: string): string {
  return name
    .toUpperCase()
    .replace(/[:;,]+$/, '')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Whether a trimmed line reads as a cue by case: upper case once extensions go, with a letter. */
export function looksLikeCueText(t: string): boolean {
  const bare = t.endsWith('^') ? t.slice(0, -1) : t;
  const name = bare.includes('(') ? bare.replace(PARENS, '') : bare;
  return /\p{L}/u.test(name) && name === name.toUpperCase();
}
