/**
 * What a talent query means, as data: hard filters plus the free-text rest that is matched by
 * meaning and keywords. The same zod schema validates the rule parser's output and Claude's tool
 * input, and generates the tool's JSON schema.
 */
import { z } from 'zod';

export const FLUENCIES = ['basic', 'conversational', 'fluent', 'native'] as const;

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
  return parts.join(' · ');
}
