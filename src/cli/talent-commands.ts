/**
 * Talent from the command line: `castmatch import talent FILE`, `castmatch search "QUERY"` and
 * `castmatch shortlist ROLE`. They act for the terminal's workspace (`local:local`), the same roster
 * `castmatch chat` searches, and print answers on stdout (logs go to stderr).
 */
import { readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { createApp, type App } from '../app.js';
import { channelKey, tenantKey } from '../bot/message.js';
import { renderText } from '../bot/render/text.js';
import { ChannelMemory } from '../memory/channel-memory.js';
import { importRoster } from '../casting/talent/import/import-roster.js';
import { importSummary, rejectionLines } from '../skills/import-roster/index.js';
import { searchTalent, type TalentSearchResult } from '../casting/talent/search.js';
import { shortlistRole } from '../casting/talent/shortlist/index.js';
import { loadRoster } from '../casting/talent/roster-cache.js';
import { renderSearchReply } from '../skills/search-talent/index.js';
import type { TalentDeps } from '../casting/talent/deps.js';
import { cliLogger, configFrom, type GlobalOptions } from './runtime.js';

const LOCAL = { platform: 'local' as const, workspace: 'local' };
const TENANT = tenantKey(LOCAL);

async function withApp<T>(opts: GlobalOptions, run: (app: App) => Promise<T>): Promise<T> {
  const config = configFrom(opts);
  const app = await createApp({ config, log: cliLogger(config) });
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}

function talentDeps(app: App): TalentDeps {
  return {
    store: app.db.store, embedder: () => app.services.embedder(), vectors: app.services.vectors, log: app.log,
    ...(app.services.llm ? { llm: app.services.llm } : {}),
  };
}

/** `castmatch import talent FILE`: counts, then one line per rejected row; non-zero when nothing imported. */
export async function importTalentCommand(file: string, opts: GlobalOptions): Promise<void> {
  await withApp(opts, async (app) => {
    const size = (await stat(file)).size;
    if (size > app.config.ROSTER_MAX_BYTES) {
      throw new Error(`${file} is ${Math.ceil(size / 1_048_576)} MB; rosters can be up to ${Math.floor(app.config.ROSTER_MAX_BYTES / 1_048_576)} MB (ROSTER_MAX_BYTES).`);
    }
    const result = await importRoster(
      { store: app.db.store, embedder: await app.services.embedder(), vectors: app.services.vectors, log: app.log },
      TENANT, new Uint8Array(await readFile(file)), path.basename(file),
    );
    if (result.fatal) {
      process.stderr.write(`castmatch: nothing imported from ${result.fatal}\n`);
      for (const line of rejectionLines(result)) process.stderr.write(`  ${line}\n`);
      process.exitCode = 1;
      return;
    }
    process.stdout.write(`${path.basename(file)}: ${importSummary(result)}\n`);
    for (const line of rejectionLines(result)) process.stdout.write(`  rejected ${line}\n`);
    if (result.inserted + result.updated + result.unchanged === 0) process.exitCode = 1;
  });
}

export interface SearchOptions extends GlobalOptions { json?: boolean; limit?: string; stdin?: boolean }

/** `castmatch search "QUERY"` or `--stdin` (one query per line). */
export async function searchCommand(query: string | undefined, opts: SearchOptions): Promise<void> {
  const limit = parseLimit(opts.limit);
  if (!opts.stdin && !query?.trim()) throw new Error('say who you are looking for, e.g. castmatch search "Tamil-speaking woman in her 30s"');
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
    query: r.query, filters: r.filters,
    results: r.results.map((h) => ({ id: h.id, name: h.name, score: Number(h.score.toFixed(4)), reasons: h.reasons })),
  };
}

async function searchText(app: App, r: TalentSearchResult): Promise<string> {
  const roster = await loadRoster(app.db.store, TENANT);
  return renderText(renderSearchReply(r, roster.byId));
}

export interface ShortlistOptions extends GlobalOptions { json?: boolean; limit?: string; channel: string }

/** `castmatch shortlist ROLE`: on the active project of the CLI channel (`castmatch chat --channel`). */
export async function shortlistCommand(role: string, opts: ShortlistOptions): Promise<void> {
  const limit = parseLimit(opts.limit);
  await withApp(opts, async (app) => {
    const memory = new ChannelMemory(channelKey({ ...LOCAL, channel: opts.channel }), app.db.store.channels);
    const projectId = await memory.activeProjectId();
    const project = projectId ? await app.db.store.projects.get(projectId) : undefined;
    const result = await shortlistRole(talentDeps(app), { tenant: TENANT, role, limit, ...(project ? { project } : {}) });
    if (!result.ok) {
      const r = result.resolution;
      const why = r.kind === 'unknown-role' ? `${r.project.title} has no role "${r.role}"; its roles: ${r.project.roles.map((x) => x.name).join(', ')}`
        : r.kind === 'ambiguous' ? `"${r.role}" could be ${r.matches.map((m) => m.name).join(' or ')}`
          : `no script has been analyzed in channel ${opts.channel}; analyze one in \`castmatch chat --channel ${opts.channel}\` first`;
      throw new Error(why);
    }
    const entries = result.outcome.entries;
    if (opts.json) {
      process.stdout.write(`${JSON.stringify({ role: result.criteria.role, results: entries.map((e) => ({ id: e.id, name: e.name, score: Number(e.score.toFixed(4)), reasons: e.reasons })) })}\n`);
      return;
    }
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
