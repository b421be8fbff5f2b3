/**
 * What a talent query means, as data: hard filters plus the free-text rest that is matched by
 * meaning and keywords. The same zod schema validates the rule parser's output and Claude's tool
 * input, and generates the tool's JSON schema.
 */
import { z } from 'zod';

export const FLUENCIES = ['basic', 'conversational', 'fluent', 'native'] as const;
export const STATURES = ['tall', 'short', 'petite'] as const;
export type Stature = (typeof STATURES)[number];

const cm = z.number().int().min(50).max(250);
const heightBounds = z.object({ min: cm.optional(), max: cm.optional() });
export type HeightBounds = z.infer<typeof heightBounds>;

export const talentFiltersSchema = z.object({
  gender: z.string().min(1).optional().describe('female, male or non-binary; only when the request says so'),
  ageRange: z
    .object({
      min: z.number().int().min(0).max(120),
      max: z.number().int().min(0).max(120),
    })
    .refine((r) => r.min <= r.max, 'min must not exceed max')
    .optional()
    .describe('Playing age asked for: "in her 30s" is 30-39, "around 40" is 37-43, "60+" is 60-120'),
  languages: z
    .array(
      z.object({
        language: z.string().min(1),
        minFluency: z.enum(FLUENCIES).describe('lowest acceptable level; "speaks X" means fluent'),
      }),
    )
    .optional(),
  skills: z.array(z.string().min(1)).optional().describe('special skills, using the roster names (e.g. "horse riding")'),
  city: z.string().min(1).optional(),
  country: z.string().min(1).optional(),
  union: z.string().min(1).optional(),
  accents: z.array(z.string().min(1)).optional().describe('accents the person must be able to do'),
  ethnicity: z.string().min(1).optional().describe('ONLY when the request explicitly asks for an ethnicity; never inferred'),
  height: heightBounds
    .extend({
      word: z
        .enum(STATURES)
        .optional()
        .describe('tall, short or petite as asked: CastMatch turns it into heights from the roster, so give no centimetres for it'),
      byGender: z
        .record(z.string(), heightBounds)
        .optional()
        .describe("set by CastMatch (a relative word's heights per gender); leave it out"),
    })
    .optional()
    .describe('Height in whole cm: "over 185 cm" is min 186, "under 5\'6" is max 167, "6\'2" is 186-190'),
  looks: z
    .array(z.string().min(1))
    .optional()
    .describe('build and look words the bio must show, e.g. "bald", "burly", "slim", "athletic", "red hair"'),
});

export type TalentFilters = z.infer<typeof talentFiltersSchema>;

export const talentQuerySchema = z.object({
  filters: talentFiltersSchema,
  freeText: z
    .string()
    .describe('The rest of the request: look, type, experience, anything not captured by a filter. Empty when nothing is left.'),
});

export type TalentQuery = z.infer<typeof talentQuerySchema>;

/** True when no hard filter is set. */
export function hasNoFilters(f: TalentFilters): boolean {
  return Object.values(f).every((v) => v === undefined || (Array.isArray(v) && v.length === 0));
}

/** "female · 30–39 · Tamil (fluent+) · horse riding · Chennai": for replies and logs. */
export function describeFilters(f: TalentFilters): string {
  const parts: string[] = [];
  if (f.gender) parts.push(f.gender);
  if (f.ageRange) parts.push(f.ageRange.max >= 120 ? `${f.ageRange.min}+` : `ages ${f.ageRange.min}–${f.ageRange.max}`);
  for (const l of f.languages ?? []) parts.push(l.minFluency === 'native' ? `${l.language} (native)` : `${l.language} (${l.minFluency}+)`);
  for (const s of f.skills ?? []) parts.push(s);
  for (const a of f.accents ?? []) parts.push(`${a} accent`);
  if (f.city) parts.push(f.city);
  if (f.country) parts.push(f.country);
  if (f.union) parts.push(f.union);
  if (f.ethnicity) parts.push(f.ethnicity);
  if (f.height) parts.push(describeHeight(f.height));
  for (const l of f.looks ?? []) parts.push(l);
  return parts.join(' · ');
}

/** "186+ cm", "up to 167 cm", "186–190 cm"; empty when unbounded. */
export function describeBounds(b: HeightBounds): string {
  if (b.min !== undefined && b.max !== undefined) return b.min === b.max ? `${b.min} cm` : `${b.min}–${b.max} cm`;
  if (b.min !== undefined) return `${b.min}+ cm`;
  return b.max !== undefined ? `up to ${b.max} cm` : '';
}

const GROUP: Record<string, string> = { female: 'women', male: 'men' };

/** "tall (188+ cm)", or per gender when the request named none: "tall (women 171+ cm, men 188+ cm)". */
function describeHeight(h: NonNullable<TalentFilters['height']>): string {
  const groups = Object.entries(h.byGender ?? {});
  const bounds = groups.length ? groups.map(([g, b]) => `${GROUP[g] ?? g} ${describeBounds(b)}`).join(', ') : describeBounds(h);
  return h.word ? `${h.word} (${bounds})` : bounds;
}
