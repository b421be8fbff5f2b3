/**
 * The hash that decides whether a re-imported row changed. It covers the whole profile (key order
 * does not matter) and the embedding model, so switching models re-embeds everyone once.
 */
import { createHash } from 'node:crypto';
import type { TalentProfile } from '../../../memory/records.js';

function stable(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stable);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, stable((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}

export function contentHash(profile: TalentProfile, model: string): string {
  return createHash('sha256')
    .update(JSON.stringify([stable(profile), model]))
    .digest('hex');
}

/**
 * The text whose meaning a profile's vector captures: bio, skills, accents and credit titles.
 * Credit sizes and years are left out: they carry no meaning to match, and the model's cost grows
 * with the length of the text.
 */
export function embeddingText(p: TalentProfile): string {
  const parts = [p.bio ?? ''];
  if (p.skills.length) parts.push(`Skills: ${p.skills.join(', ')}.`);
  if (p.accents.length) parts.push(`Accents: ${p.accents.join(', ')}.`);
  if (p.credits.length) parts.push(`Credits: ${p.credits.map((c) => c.title).join('; ')}.`);
  return parts.filter(Boolean).join(' ');
}
