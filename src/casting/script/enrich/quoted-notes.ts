/**
 * Claude's notes are kept only where the script bears them out: a description, a gender or an age
 * stays when its quote is found in the script excerpt it was read from, and is dropped otherwise
 * (a model can write a plausible "retired cop, 60s" the script never says). Values it does keep
 * fill only what the offline reading left unknown, with the quote as their evidence.
 */
import type { Breakdown } from '../parse/index.js';
import type { RoleNote, RoleNotes } from './role-notes.js';

/** Quotes shorter than this prove nothing ("he"). */
const MIN_QUOTE = 6;

const squash = (s: string) =>
  s
    .toLowerCase()
    .replace(/[“”"‘’']/g, "'")
    .replace(/\s+/g, ' ')
    .trim();

export function foundIn(text: string, quote: string | undefined): boolean {
  if (!quote || quote.trim().length < MIN_QUOTE) return false;
  return squash(text).includes(squash(quote));
}

/** The note with every unquoted or misquoted value removed. */
export function keepQuoted(note: RoleNote, excerpt: string): RoleNote {
  const { descriptionQuote, gender, age, ...rest } = note;
  const ageOk = age && age.min <= age.max && foundIn(excerpt, age.quote);
  return {
    ...rest,
    description: foundIn(excerpt, descriptionQuote) ? note.description : '',
    ...(foundIn(excerpt, descriptionQuote) ? { descriptionQuote } : {}),
    ...(gender && foundIn(excerpt, gender.quote) ? { gender } : {}),
    ...(ageOk ? { age } : {}),
  };
}

/** The breakdown with quoted gender and age filled in where the offline reading found none. */
export function fillFromNotes(b: Breakdown, notes: RoleNotes | undefined): Breakdown {
  if (!notes) return b;
  return {
    ...b,
    characters: b.characters.map((c) => {
      const n = notes[c.name];
      if (!n) return c;
      const gender = c.gender ?? n.gender?.value ?? null;
      const ageRange = c.ageRange ?? (n.age ? ([n.age.min, n.age.max] as [number, number]) : null);
      const evidence = [
        ...c.evidence,
        ...(!c.gender && n.gender ? [`“${n.gender.quote}” (Claude)`] : []),
        ...(!c.ageRange && n.age ? [`“${n.age.quote}” (Claude)`] : []),
      ];
      // A model's reading, however well quoted, is likely rather than stated.
      const confidence = {
        ...c.confidence,
        ...(!c.gender && n.gender ? { gender: 'likely' as const } : {}),
        ...(!c.ageRange && n.age ? { age: 'likely' as const } : {}),
      };
      return { ...c, gender, ageRange, evidence, confidence };
    }),
  };
}
