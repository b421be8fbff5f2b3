/**
 * The search-talent skill: a plain-language search of the tenant's roster. Replies with a compact
 * card per person (name, playing range, location, three reasons; never contact details) and one
 * button each: "Shortlist for ROLE" when the channel has a role in play, else "More like this".
 * When fewer people than asked meet everything, the closest others follow under a line saying
 * so, each card with what that person misses.
 */
import { z } from 'zod';
import { defineSkill } from '../../bot/skill.js';
import { reply, type Button, type Reply } from '../../bot/reply.js';
import { searchTalent, DEFAULT_SEARCH_LIMIT, type TalentSearchResult } from '../../casting/talent/search.js';
import { talentDepsFrom } from '../deps.js';
import { loadRoster } from '../../casting/talent/roster-cache.js';
import { addTalentCard, cardLine } from '../render/talent-cards.js';
import { describeFilters, hasNoFilters } from '../../casting/talent/query/filter-schema.js';
import type { TalentProfile } from '../../memory/records.js';

export const searchTalentArgs = z.object({
  query: z.string().trim().min(1, 'say who you are looking for').max(500, 'keep the search under 500 characters'),
  limit: z.number().int().min(1).max(20).optional(),
});

function understood(r: TalentSearchResult): string {
  if (r.similarTo) return `People like ${r.similarTo.name}`;
  const parts = [hasNoFilters(r.filters) ? '' : describeFilters(r.filters), r.freeText ? `“${r.freeText}”` : ''].filter(Boolean);
  return parts.length ? `Looking for: ${parts.join(' + ')}` : 'Looking for anyone on the roster';
}

/** Says that the people after it miss something, and how many met everything. */
function nearMissIntro(r: TalentSearchResult): string {
  const n = r.results.length;
  if (n === 0)
    return `No one on the roster meets all of ${describeFilters(r.filters) || `“${r.query}”`}. The closest, with what each misses:`;
  return `Only ${n} ${n === 1 ? 'person meets' : 'people meet'} all of it. The closest others, with what each misses:`;
}

/** Builds the reply; exported for the CLI and tests. */
export function renderSearchReply(r: TalentSearchResult, profiles: Map<string, TalentProfile>, activeRole?: string): Reply {
  if (r.total === 0) {
    return reply('The roster is empty: upload a roster CSV or JSON here (the columns are in docs/roster-format.md).')
      .section('The roster is empty: upload a roster CSV or JSON here (the columns are in docs/roster-format.md).')
      .build();
  }
  if (r.results.length === 0 && r.nearMisses.length === 0) {
    const text = `No one on the roster matches ${r.similarTo ? `people like ${r.similarTo.name}` : describeFilters(r.filters) || `“${r.query}”`}. Try fewer requirements or a wider age range.`;
    return reply(text).section(text).build();
  }
  // Near misses are numbered on from the full matches, as "book the sixth one" will count them.
  const listed = [...r.results, ...r.nearMisses];
  const lines = listed.map((h, i) => cardLine(i + 1, profiles.get(h.id), h));
  const full = lines.slice(0, r.results.length);
  const near = lines.slice(r.results.length);
  const text = [`${understood(r)}:`, ...full, ...(near.length ? [nearMissIntro(r), ...near] : [])].join('\n');
  const b = reply(text);
  b.context(`${understood(r)} · ${r.candidates} of ${r.total} on the roster qualify`);
  listed.forEach((hit, i) => {
    if (i === r.results.length) {
      if (i > 0) b.divider();
      b.section(nearMissIntro(r));
    }
    const button: Button = activeRole
      ? { label: `Shortlist for ${activeRole}`, action: { skill: 'propose-shortlist', args: { role: activeRole, include: [hit.id] } } }
      : { label: 'More like this', action: { skill: 'search-talent', args: { query: `like ${hit.id}` } } };
    addTalentCard(b, i + 1, profiles.get(hit.id), hit, [button]);
  });
  for (const note of r.notes) b.context(note);
  return b.build();
}

export const searchTalentSkill = defineSkill({
  id: 'search-talent',
  description: 'Search the agency roster in plain language, with filters and meaning; every hit with its reasons.',
  examples: [
    'Tamil-speaking woman in her 30s who rides horses',
    'find a tall actor in his forties with a deep voice',
    'sinister villain type with a shaved head',
    'SAG-AFTRA singer with a Texan accent, 60+',
  ],
  args: searchTalentArgs,
  sideEffects: false,
  async run(ctx, args) {
    const deps = talentDepsFrom(ctx);
    const result = await searchTalent(deps, ctx.tenant, args.query, { limit: args.limit ?? DEFAULT_SEARCH_LIMIT });
    const listed = [...result.results, ...result.nearMisses];
    const ids = listed.map((h) => h.id);
    await ctx.memory.setLastSearch(args.query, ids);
    if (ids.length) await ctx.memory.setLastListed({ ids, names: listed.map((h) => h.name), source: 'search' });
    const roster = await loadRoster(ctx.store, ctx.tenant);
    return renderSearchReply(result, roster.byId, await ctx.memory.lastRole());
  },
});
