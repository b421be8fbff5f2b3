/**
 * Per-row validation: one roster row's cells in, a RosterRow out, or issues naming the offending
 * field so the caller can name the column and row.
 *
 * A table of cell parsers, not a zod schema: a roster of 100k rows runs it 2 million times, and
 * zod's per-call allocations (a payload object per field and per link of each transform chain)
 * doubled the peak memory of such an import and took most of its time. zod stays at the edges
 * where shapes come from outside (configuration, JSON payloads, model output); here every cell is
 * already a string and each field's rule is one of fields.ts's parsers.
 */
import type { TalentProfile } from '../../../memory/records.js';
import type { RosterField } from './headers.js';
import {
  collapseSpaces,
  isEmail,
  isHttpUrl,
  normalizeGender,
  parseAgeRange,
  parseCredits,
  parseLanguages,
  parseWholeNumber,
  splitList,
  type Parsed,
} from './fields.js';

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = (reason: string): Parsed<never> => ({ ok: false, reason });

/** How one field is read: its cell's parser, and whether a blank cell is an error. */
interface FieldRule<T> {
  parse(s: string): Parsed<T>;
  required?: true;
}

const text = (max: number): FieldRule<string> => ({ parse: (s) => (s.length <= max ? ok(s) : fail(`longer than ${max} characters`)) });
const requiredText = (what: string, max: number): FieldRule<string> & { required: true } => ({
  required: true,
  parse: (s) => (s.length <= max ? ok(s) : fail(`${what} is longer than ${max} characters`)),
});
const age: FieldRule<number> = { parse: (s) => parseWholeNumber(s, 0, 120) };
const list: FieldRule<string[]> = { parse: (s) => ok(splitList(s)) };
const email: FieldRule<string> = { parse: (s) => (isEmail(s) ? ok(s) : fail('is not an e-mail address')) };
const url: FieldRule<string> = { parse: (s) => (isHttpUrl(s) ? ok(s) : fail(`"${s}" is not an http(s) link`)) };

const RULES = {
  id: requiredText('id', 100),
  name: requiredText('name', 200),
  gender: { parse: (s: string) => ok(normalizeGender(s)) },
  pronouns: text(40),
  playing_age_min: age,
  playing_age_max: age,
  playing_age: { parse: parseAgeRange },
  ethnicity: text(100),
  height_cm: { parse: (s: string) => parseWholeNumber(s, 50, 250, 'cm') },
  location: text(200),
  union: text(100),
  languages: { parse: parseLanguages },
  accents: list,
  skills: list,
  credits: { parse: parseCredits },
  bio: text(5000),
  agent: text(200),
  email,
  phone: text(50),
  headshot_url: url,
  reel_url: url,
} satisfies Record<RosterField, FieldRule<unknown>>;

type ValueOf<R> = R extends FieldRule<infer T> ? T : never;

/** A validated row: required fields present, the others undefined when their cell was blank. */
export type RosterRow = {
  [F in keyof typeof RULES]: (typeof RULES)[F] extends { required: true }
    ? ValueOf<(typeof RULES)[F]>
    : ValueOf<(typeof RULES)[F]> | undefined;
};

export interface RowIssue {
  field: RosterField;
  message: string;
}

export type RowResult = { ok: true; row: RosterRow } | { ok: false; issues: RowIssue[] };

const FIELDS = Object.keys(RULES) as RosterField[];

/** Validates one row's cells (missing keys are blank cells); every failing field is reported. */
export function validateRow(cells: Partial<Record<RosterField, string>>): RowResult {
  const row: Record<string, unknown> = {};
  let issues: RowIssue[] | undefined;
  for (const field of FIELDS) {
    const rule: FieldRule<unknown> = RULES[field];
    const raw = cells[field];
    const value = raw === undefined ? '' : collapseSpaces(raw);
    if (value === '') {
      if (rule.required) (issues ??= []).push({ field, message: `${field} is required` });
      continue;
    }
    const parsed = rule.parse(value);
    if (parsed.ok) row[field] = parsed.value;
    else (issues ??= []).push({ field, message: parsed.reason });
  }
  if (issues) return { ok: false, issues };
  const r = row as RosterRow;
  if (r.playing_age_min !== undefined && r.playing_age_max !== undefined && r.playing_age_min > r.playing_age_max) {
    return {
      ok: false,
      issues: [{ field: 'playing_age_max', message: `playing age max ${r.playing_age_max} is below min ${r.playing_age_min}` }],
    };
  }
  return { ok: true, row: r };
}

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
    if (!known) {
      known = Object.freeze({ language: this.text(l.language), fluency: l.fluency });
      this.languages.set(key, known);
    }
    return known;
  }
}

/** The validated row as a profile; `extra` holds the columns CastMatch does not know. */
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
    credits: (r.credits ?? []).map((c) => ({
      ...c,
      title: pool.text(c.title),
      ...(c.size !== undefined ? { size: pool.text(c.size) } : {}),
    })),
    contact: {
      ...(r.email !== undefined ? { email: r.email } : {}),
      ...(r.phone !== undefined ? { phone: r.phone } : {}),
    },
  };
  const optional: Partial<TalentProfile> = {
    gender: pool.text(r.gender),
    pronouns: pool.text(r.pronouns),
    playingAgeMin: lo,
    playingAgeMax: hi,
    ethnicity: pool.text(r.ethnicity),
    heightCm: r.height_cm,
    location: pool.text(r.location),
    union: pool.text(r.union),
    bio: r.bio,
    agent: pool.text(r.agent),
    headshotUrl: r.headshot_url,
    reelUrl: r.reel_url,
  };
  for (const [k, v] of Object.entries(optional)) if (v !== undefined) (profile as unknown as Record<string, unknown>)[k] = v;
  if (Object.keys(extra).length) profile.extra = extra;
  return profile;
}
