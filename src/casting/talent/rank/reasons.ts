/**
 * Why a person matched, in words a casting director reads at a glance: "speaks Tamil (fluent)",
 * "plays 28–36", "horse riding", "bio: 'shaved head'". Never contact details.
 */
import type { TalentProfile } from '../../../memory/records.js';
import { normTerm, splitLocation } from '../metadata.js';
import type { TalentFilters } from '../query/filter-schema.js';
import { lookInBio } from '../query/looks.js';
import { fluencyAtLeast, heightBoundsFor, heightWithin, playingRange, satisfyingSkill, spokenLanguage } from './filters.js';
import type { Preferences } from './fit.js';
import { stem, terms } from './text-terms.js';

export function formatRange(p: TalentProfile): string | undefined {
  const r = playingRange(p);
  if (!r) return undefined;
  return r[0] === r[1] ? `plays ${r[0]}` : `plays ${r[0]}–${r[1]}`;
}

/**
 * Reasons from the filters and preferences the person satisfies. Each filter is checked, not
 * assumed: a near miss gets reasons only for what it does meet (its misses are said apart).
 */
export function attributeReasons(p: TalentProfile, f: TalentFilters, prefs: Preferences = {}): string[] {
  const out: string[] = [];
  for (const l of f.languages ?? []) {
    const spoken = spokenLanguage(p, l.language);
    if (spoken && fluencyAtLeast(spoken.fluency, l.minFluency)) out.push(`speaks ${spoken.language} (${spoken.fluency})`);
  }
  for (const l of prefs.languages ?? []) {
    const spoken = spokenLanguage(p, l.language);
    if (spoken) out.push(`speaks ${spoken.language} (${spoken.fluency})`);
  }
  const r = playingRange(p);
  const inRange = (a: { min: number; max: number }) => r !== undefined && r[0] <= a.max && r[1] >= a.min;
  if ((f.ageRange && inRange(f.ageRange)) || prefs.ageRange) {
    const range = formatRange(p);
    if (range) out.push(range);
  }
  if (f.height && p.heightCm !== undefined && heightWithin(p.heightCm, heightBoundsFor(f.height, p.gender)))
    out.push(f.height.word ? `${f.height.word}: ${p.heightCm} cm` : `${p.heightCm} cm`);
  for (const s of [...(f.skills ?? []), ...(prefs.skills ?? [])]) {
    const have = satisfyingSkill(p, s);
    if (have && !out.includes(have)) out.push(have);
  }
  const accents = new Set(p.accents.map(normTerm));
  for (const a of f.accents ?? []) if (accents.has(normTerm(a))) out.push(`accent: ${a}`);
  for (const look of f.looks ?? []) {
    const said = lookInBio(p.bio, look);
    if (said) out.push(`bio: '${said}'`);
  }
  const loc = splitLocation(p.location);
  if (f.city && loc.city && normTerm(loc.city) === normTerm(f.city)) out.push(`based in ${loc.city}`);
  else if (f.country && p.location && normTerm(loc.country ?? '') === normTerm(f.country)) out.push(`based in ${p.location}`);
  if (f.union && p.union && normTerm(p.union) === normTerm(f.union)) out.push(p.union);
  if (f.ethnicity && p.ethnicity) out.push(p.ethnicity);
  return out;
}

/**
 * The shortest stretches of the bio that hold the query's words ("bio: 'shaved head'"), best first,
 * at most `max`; plus skills and credits that share a word with the query.
 */
export function textReasons(p: TalentProfile, freeText: string, max = 2): string[] {
  const wanted = new Set(terms(freeText));
  if (wanted.size === 0) return [];
  const out: string[] = [];
  const clauses = (p.bio ?? '')
    .split(/[.;,!?]\s*/)
    .map((c) => c.trim())
    .filter(Boolean);
  const scored = clauses
    .map((clause) => {
      const words = clause.split(/\s+/);
      const hits = words.map((w, i) => ({ i, hit: wanted.has(stem(w.toLowerCase().replace(/[^\p{L}\p{N}]/gu, ''))) })).filter((x) => x.hit);
      if (hits.length === 0) return undefined;
      const span = words.slice(hits[0]!.i, hits[hits.length - 1]!.i + 1).join(' ');
      return { span, n: hits.length };
    })
    .filter((x): x is { span: string; n: number } => !!x && x.span.length <= 60);
  scored.sort((a, b) => b.n - a.n || a.span.length - b.span.length);
  for (const s of scored.slice(0, max)) out.push(`bio: '${s.span}'`);
  for (const skill of p.skills) if (terms(skill).some((t) => wanted.has(t)) && !out.includes(skill)) out.push(skill);
  for (const c of p.credits) {
    if (terms(c.title).some((t) => wanted.has(t)))
      out.push(`credit: ${c.title}${c.size ? ` (${c.size}${c.year ? `, ${c.year}` : ''})` : ''}`);
  }
  return out;
}
