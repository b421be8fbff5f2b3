/**
 * Talent from the command line: `castmatch search "QUERY"` and `castmatch shortlist ROLE`. They act
 * for the terminal's workspace (`local:local`), the same roster `castmatch chat` searches, and print
 * answers on stdout (logs go to stderr). Importing a roster is `import-command.ts`.
 */
import { describeFilters } from '../casting/talent/query/filter-schema.js';
import readline from 'node:readline';
import type { App } from '../app.js';
import { renderText } from '../bot/render/text.js';
import { searchTalent, type TalentSearchResult } from '../casting/talent/search.js';
import { shortlistRole } from '../casting/talent/shortlist/index.js';
import { loadRoster } from '../casting/talent/roster-cache.js';
import { renderSearchReply } from '../skills/search-talent/index.js';
import type { TalentDeps } from '../casting/talent/deps.js';
import { activeProject, TENANT } from './local-workspace.js';
import { withApp, type GlobalOptions } from './runtime.js';

function talentDeps(app: App): TalentDeps {
  return {
    store: app.db.store,
    embedder: () => app.services.embedder(),
    vectors: app.services.vectors,
    log: app.log,
    ...(app.services.llm ? { llm: app.services.llm } : {}),
  };
}

export interface SearchOptions extends GlobalOptions {
  json?: boolean;
  limit?: string;
  stdin?: boolean;
}

/** `castmatch search "QUERY"` or `--stdin` (one query per line). */
export async function searchCommand(query: string | undefined, opts: SearchOptions): Promise<void> {
  const limit = parseLimit(opts.limit);
  if (!opts.stdin && !query?.trim())
    throw new Error('say who you are looking for, e.g. castmatch search "Tamil-speaking woman in her 30s"');
  await withApp(opts, async (app) => {
    const deps = talentDeps(app);
    const answer = async (q: string) => {
      const result = await searchTalent(deps, TENANT, q, { limit });
      process.stdout.write(opts.json ? `${JSON.stringify(searchJson(result))}\n` : `${await searchText(app, result)}\n`);
    };
    if (!opts.stdin) return answer(query!);
    for await (const line of readline.createInterface({ input: process.stdin, crlfDelay: Infinity })) {
      if (line.trim()) await answer(line.trim());
    }
  });
}

function searchJson(r: TalentSearchResult): unknown {
  return {
    query: r.query,
    filters: r.filters,
    results: r.results.map((h) => ({ id: h.id, name: h.name, score: Number(h.score.toFixed(4)), reasons: h.reasons })),
    // The closest people when too few meet everything, each with what it misses.
    nearMisses: r.nearMisses.map((h) => ({ id: h.id, name: h.name, score: Number(h.score.toFixed(4)), misses: h.misses ?? [] })),
  };
}

async function searchText(app: App, r: TalentSearchResult): Promise<string> {
  const roster = await loadRoster(app.db.store, TENANT);
  return renderText(renderSearchReply(r, roster.byId));
}

export interface ShortlistOptions extends GlobalOptions {
  json?: boolean;
  limit?: string;
  channel: string;
}

/** `castmatch shortlist ROLE`: on the active project of the CLI channel (`castmatch chat --channel`). */
export async function shortlistCommand(role: string, opts: ShortlistOptions): Promise<void> {
  const limit = parseLimit(opts.limit);
  await withApp(opts, async (app) => {
    const project = await activeProject(app, opts.channel);
    const result = await shortlistRole(talentDeps(app), { tenant: TENANT, role, limit, ...(project ? { project } : {}) });
    if (!result.ok) {
      const r = result.resolution;
      const why =
        r.kind === 'unknown-role'
          ? `${r.project.title} has no role "${r.role}"; its roles: ${r.project.roles.map((x) => x.name).join(', ')}`
          : r.kind === 'ambiguous'
            ? `"${r.role}" could be ${r.matches.map((m) => m.name).join(' or ')}`
            : `no script has been analyzed in channel ${opts.channel}; run \`castmatch analyze FILE --save --channel ${opts.channel}\`, or \`/upload FILE\` in \`castmatch chat --channel ${opts.channel}\``;
      throw new Error(why);
    }
    const entries = result.outcome.entries;
    if (opts.json) {
      process.stdout.write(
        `${JSON.stringify({ role: result.criteria.role, filters: result.outcome.applied, results: entries.map((e) => ({ id: e.id, name: e.name, score: Number(e.score.toFixed(4)), reasons: e.reasons })) })}\n`,
      );
      return;
    }
    // The criteria used stand above the list, as in chat.
    const wants = describeFilters(result.outcome.applied);
    if (wants) process.stdout.write(`Wants: ${wants}\n`);
    if (entries.length === 0) process.stdout.write(`No one on the roster fits ${result.criteria.role}.\n`);
    entries.forEach((e, i) => process.stdout.write(`${i + 1}. ${e.name} (${e.id}) ${e.score.toFixed(2)}: ${e.reasons.join(' · ')}\n`));
  });
}

function parseLimit(raw: string | undefined): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 100) throw new Error(`--limit must be a whole number from 1 to 100, not "${raw}"`);
  return n;
}
