/**
 * Ages from family ties to someone whose age the script gives: "Beamen's daughter JENNY", "MARGE,
 * Walt's wife". Only for a character the script gives no age of its own, and only as a likely range
 * (a daughter of a 40-year-old is somewhere between a baby and 22), with the words as evidence.
 * The tie also says the gender ("daughter") when nothing else did.
 */
import type { CharacterBreakdown } from './types.js';

/** Years the relative is younger (negative: older) than the person named, as a range. */
const OFFSETS: Record<string, [number, number]> = {
  daughter: [18, 45],
  son: [18, 45],
  child: [18, 45],
  kid: [18, 45],
  granddaughter: [36, 80],
  grandson: [36, 80],
  wife: [-10, 10],
  husband: [-10, 10],
  sister: [-10, 10],
  brother: [-10, 10],
  mother: [-45, -18],
  father: [-45, -18],
  mom: [-45, -18],
  dad: [-45, -18],
  grandmother: [-80, -36],
  grandfather: [-80, -36],
};
const TIE = Object.keys(OFFSETS).join('|');
const FEMALE_TIES = /^(?:daughter|granddaughter|wife|sister|mother|mom|grandmother)$/;
const MALE_TIES = /^(?:son|grandson|husband|brother|father|dad|grandfather)$/;
/** "Beamen's daughter" just before the name, or ", Beamen's daughter" just after it. */
const BEFORE = new RegExp(`\\b([\\p{L}.'-]+?)['’]s\\s+(?:\\p{Ll}+\\s+){0,2}?(${TIE})\\s*,?\\s*$`, 'iu');
const AFTER = new RegExp(`^\\s*,\\s*(?:the\\s+|a\\s+)?(?:\\p{Ll}+\\s+)?([\\p{L}.'-]+?)['’]s\\s+(?:\\p{Ll}+\\s+){0,2}?(${TIE})\\b`, 'iu');

export interface IntroWords {
  before: string;
  after: string;
}

/** Fills ages (likely) from ties to characters of known age; the others are returned as they were. */
export function agesFromRelations(characters: CharacterBreakdown[], intros: Map<string, IntroWords>): CharacterBreakdown[] {
  const byName = new Map<string, CharacterBreakdown>();
  for (const c of characters) for (const n of [c.name, ...c.aliases]) byName.set(n.toUpperCase(), c);
  return characters.map((c) => {
    if (c.ageRange && c.gender) return c;
    const intro = intros.get(c.name);
    const m = intro && (BEFORE.exec(intro.before) ?? AFTER.exec(intro.after));
    const relative = m && byName.get(m[1]!.toUpperCase());
    const offset = m && OFFSETS[m[2]!.toLowerCase()];
    if (!relative || !offset || relative === c) return c;
    const tie = m[2]!.toLowerCase();
    const quote = m[0].trim().replace(/^,\s*/, '');
    const evidence = c.evidence.includes(quote) ? c.evidence : [...c.evidence, quote];
    const gender = c.gender ?? (FEMALE_TIES.test(tie) ? 'female' : MALE_TIES.test(tie) ? 'male' : null);
    const confidence = { ...c.confidence, ...(!c.gender && gender ? { gender: 'stated' as const } : {}) };
    if (!relative.ageRange) return gender === c.gender ? c : { ...c, gender, evidence, confidence };
    if (c.ageRange) return gender === c.gender ? c : { ...c, gender, evidence, confidence };
    const [lo, hi] = relative.ageRange;
    const range: [number, number] = [Math.max(0, lo - offset[1]), Math.max(0, hi - offset[0])];
    if (range[0] > range[1] || range[1] > 110) return c;
    return { ...c, gender, ageRange: range, evidence, confidence: { ...confidence, age: 'likely' } };
  });
}
