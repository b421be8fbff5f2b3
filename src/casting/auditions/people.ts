/**
 * Who an audition is for: a talent id (from a button or "the second one", already resolved by the
 * router), or a name on the tenant's roster. Several matches are a question, not a guess.
 */
import type { Store } from '../../memory/store.js';
import type { TalentProfile } from '../../memory/records.js';
import { loadRoster } from '../talent/roster-cache.js';

export type PersonResolution =
  { kind: 'one'; profile: TalentProfile } | { kind: 'many'; matches: TalentProfile[] } | { kind: 'none'; rosterSize: number };

const fold = (s: string) =>
  s
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

export async function resolvePerson(store: Pick<Store, 'talent'>, tenant: string, text: string): Promise<PersonResolution> {
  const roster = await loadRoster(store, tenant);
  const byId = roster.byId.get(text.trim());
  if (byId) return { kind: 'one', profile: byId };
  const want = fold(text);
  if (!want) return { kind: 'none', rosterSize: roster.profiles.length };
  const exact = roster.profiles.filter((p) => fold(p.name) === want);
  if (exact.length === 1) return { kind: 'one', profile: exact[0]! };
  if (exact.length > 1) return { kind: 'many', matches: exact };
  // "Meera", "Patil", "meera p": every word written starts a word of the name.
  const words = want.split(' ');
  const partial = roster.profiles.filter((p) => {
    const nameWords = fold(p.name).split(' ');
    return words.every((w) => nameWords.some((n) => n.startsWith(w)));
  });
  if (partial.length === 1) return { kind: 'one', profile: partial[0]! };
  if (partial.length > 1) return { kind: 'many', matches: partial };
  return { kind: 'none', rosterSize: roster.profiles.length };
}
