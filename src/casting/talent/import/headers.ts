/**
 * Maps a roster's header row onto CastMatch's fields, whatever the column order, case, spacing or
 * common alternative names; columns CastMatch does not know are kept (they land in `extra`).
 */

export const ROSTER_FIELDS = [
  'id',
  'name',
  'gender',
  'pronouns',
  'playing_age_min',
  'playing_age_max',
  'playing_age',
  'ethnicity',
  'height_cm',
  'location',
  'union',
  'languages',
  'accents',
  'skills',
  'credits',
  'bio',
  'agent',
  'email',
  'phone',
  'headshot_url',
  'reel_url',
] as const;

export type RosterField = (typeof ROSTER_FIELDS)[number];

const ALIASES: Record<string, RosterField> = {
  talent_id: 'id',
  person_id: 'id',
  actor_id: 'id',
  roster_id: 'id',
  external_id: 'id',
  full_name: 'name',
  display_name: 'name',
  talent_name: 'name',
  actor_name: 'name',
  sex: 'gender',
  min_age: 'playing_age_min',
  age_min: 'playing_age_min',
  playing_age_from: 'playing_age_min',
  playing_min: 'playing_age_min',
  max_age: 'playing_age_max',
  age_max: 'playing_age_max',
  playing_age_to: 'playing_age_max',
  playing_max: 'playing_age_max',
  playing_age_range: 'playing_age',
  playing_range: 'playing_age',
  age_range: 'playing_age',
  height: 'height_cm',
  height_in_cm: 'height_cm',
  city: 'location',
  base: 'location',
  based_in: 'location',
  base_city: 'location',
  union_membership: 'union',
  unions: 'union',
  language: 'languages',
  spoken_languages: 'languages',
  accent: 'accents',
  dialects: 'accents',
  skill: 'skills',
  special_skills: 'skills',
  credit: 'credits',
  selected_credits: 'credits',
  biography: 'bio',
  description: 'bio',
  notes: 'bio',
  agency: 'agent',
  email_address: 'email',
  e_mail: 'email',
  mail: 'email',
  phone_number: 'phone',
  mobile: 'phone',
  telephone: 'phone',
  tel: 'phone',
  headshot: 'headshot_url',
  photo_url: 'headshot_url',
  photo: 'headshot_url',
  reel: 'reel_url',
  showreel: 'reel_url',
  showreel_url: 'reel_url',
  video_url: 'reel_url',
};

/** "Playing Age Min " → "playing_age_min"; "E-mail" → "e_mail". */
export function normalizeHeader(h: string): string {
  return h
    .replace(/^\uFEFF/, '')
    .trim()
    .toLowerCase()
    .replace(/\(cm\)/g, 'cm')
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
}

export interface HeaderMap {
  /** Column index of each known field present. */
  fields: Partial<Record<RosterField, number>>;
  /** Original header text per column, for messages that name the column as the user wrote it. */
  names: string[];
  /** Columns kept as `extra`: index and original name. */
  extra: { index: number; name: string }[];
}

export function mapHeaders(headers: string[]): HeaderMap {
  const fields: Partial<Record<RosterField, number>> = {};
  const extra: { index: number; name: string }[] = [];
  const names = headers.map((h) => h.replace(/^\uFEFF/, '').trim());
  names.forEach((name, index) => {
    const key = normalizeHeader(name);
    if (!key) return;
    const field = (ROSTER_FIELDS as readonly string[]).includes(key) ? (key as RosterField) : ALIASES[key];
    // The first column of a field wins; a repeated one is kept as extra rather than silently merged.
    if (field && fields[field] === undefined) fields[field] = index;
    else extra.push({ index, name });
  });
  return { fields, names, extra };
}
