/**
 * Per-row validation (zod): one roster row's cells in, a TalentProfile out, or issues whose path is
 * the offending field so the caller can name the column and row.
 */
import { z } from 'zod';
import type { TalentProfile } from '../../../memory/records.js';
import type { RosterField } from './headers.js';
import {
  collapseSpaces, isEmail, isHttpUrl, normalizeGender, parseAgeRange, parseCredits, parseLanguages, parseWholeNumber, splitList, type Parsed,
} from './fields.js';

/** A cell's text with runs of spaces collapsed; an empty or blank cell is a missing value. */
function present(raw: string | undefined): string | undefined {
  const t = raw === undefined ? undefined : collapseSpaces(raw);
  return t ? t : undefined;
}

/**
 * An optional cell parsed by `parse`; a parse failure becomes a zod issue with its reason. One
 * transform per cell, not a chain: a roster of 100k rows runs this 2 million times, and each link
 * of a chain allocates per call.
 */
function parsedCell<T>(parse: (s: string) => Parsed<T>) {
  return z.string().optional().transform((raw, ctx): T | undefined => {
    const v = present(raw);
    if (v === undefined) return undefined;
    const r = parse(v);
    if (r.ok) return r.value;
    ctx.addIssue({ code: 'custom', message: r.reason });
    return z.NEVER;
  });
}

/** A cell that must be there, at most `max` characters long. */
const required = (what: string, max: number) => z.string().optional().transform((raw, ctx) => {
  const v = present(raw);
  if (v === undefined) ctx.addIssue({ code: 'custom', message: `${what} is required` });
  else if (v.length > max) ctx.addIssue({ code: 'custom', message: `${what} is longer than ${max} characters` });
  else return v;
  return z.NEVER;
});

const text = (max: number) => parsedCell<string>((s) => (s.length <= max ? { ok: true, value: s } : { ok: false, reason: `longer than ${max} characters` }));
const age = parsedCell((s) => parseWholeNumber(s, 0, 120));
const list = parsedCell<string[]>((s) => ({ ok: true, value: splitList(s) }));
const email = parsedCell<string>((s) => (isEmail(s) ? { ok: true, value: s } : { ok: false, reason: 'is not an e-mail address' }));
const url = parsedCell<string>((s) => (isHttpUrl(s) ? { ok: true, value: s } : { ok: false, reason: `"${s}" is not an http(s) link` }));

export const rosterRowSchema = z.object({
  id: required('id', 100),
  name: required('name', 200),
  gender: parsedCell((s) => ({ ok: true, value: normalizeGender(s) })),
  pronouns: text(40),
  playing_age_min: age,
  playing_age_max: age,
  playing_age: parsedCell(parseAgeRange),
  ethnicity: text(100),
  height_cm: parsedCell((s) => parseWholeNumber(s, 50, 250, 'cm')),
  location: text(200),
  union: text(100),
  languages: parsedCell(parseLanguages),
  accents: list,
  skills: list,
  credits: parsedCell(parseCredits),
  bio: text(5000),
  agent: text(200),
  email,
  phone: text(50),
  headshot_url: url,
  reel_url: url,
} satisfies Record<RosterField, z.ZodType>).superRefine((r, ctx) => {
  if (r.playing_age_min !== undefined && r.playing_age_max !== undefined && r.playing_age_min > r.playing_age_max) {
    ctx.addIssue({ code: 'custom', path: ['playing_age_max'], message: `playing age max ${r.playing_age_max} is below min ${r.playing_age_min}` });
  }
});

export type RosterRow = z.infer<typeof rosterRowSchema>;

/** The validated row as a profile; `extra` holds the columns CastMatch does not know. */
/**
 * One instance of each repeated value (a language, a skill, a city, an agency) for a whole roster:
 * a 100k roster otherwise holds 100k copies of "English" and of each city name.
 */
export class ValuePool {
  private readonly strings = new Map<string, string>();
  private readonly languages = new Map<string, TalentProfile['languages'][number]>();

  text<T extends string | undefined>(s: T): T {
    if (s === undefined) return s;
    const known = this.strings.get(s);
    if (known !== undefined) return known as T;
    this.strings.set(s, s);
    return s;
  }

  /** Language entries are shared read-only objects, one per language and fluency. */
  language(l: TalentProfile['languages'][number]): TalentProfile['languages'][number] {
    const key = `${l.language}\u0000${l.fluency}`;
    let known = this.languages.get(key);
    if (!known) { known = Object.freeze({ language: this.text(l.language), fluency: l.fluency }); this.languages.set(key, known); }
    return known;
  }
}

export function rowToProfile(r: RosterRow, extra: Record<string, string>, pool = new ValuePool()): TalentProfile {
  // Separate min/max columns win over a combined "playing age" column.
  const lo = r.playing_age_min ?? (r.playing_age_max === undefined ? r.playing_age?.[0] : undefined);
  const hi = r.playing_age_max ?? (r.playing_age_min === undefined ? r.playing_age?.[1] : undefined);
  const texts = (xs: string[] | undefined) => (xs ?? []).map((x) => pool.text(x));
  const profile: TalentProfile = {
    id: r.id,
    name: r.name,
    languages: (r.languages ?? []).map((l) => pool.language(l)),
    accents: texts(r.accents),
    skills: texts(r.skills),
    credits: (r.credits ?? []).map((c) => ({ ...c, title: pool.text(c.title), ...(c.size !== undefined ? { size: pool.text(c.size) } : {}) })),
    contact: {
      ...(r.email !== undefined ? { email: r.email } : {}),
      ...(r.phone !== undefined ? { phone: r.phone } : {}),
    },
  };
  const optional: Partial<TalentProfile> = {
    gender: pool.text(r.gender), pronouns: pool.text(r.pronouns), playingAgeMin: lo, playingAgeMax: hi, ethnicity: pool.text(r.ethnicity),
    heightCm: r.height_cm, location: pool.text(r.location), union: pool.text(r.union), bio: r.bio, agent: pool.text(r.agent),
    headshotUrl: r.headshot_url, reelUrl: r.reel_url,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (profile as unknown as Record<string, unknown>)[k] = v;
  if (Object.keys(extra).length) profile.extra = extra;
  return profile;
}
