/**
 * Talent benchmarks at 100k generated (seeded) profiles: roster import, filtered hybrid top-10
 * search latency, recall of the in-process index against exact search, peak memory; and the
 * default model's (Universal Sentence Encoder lite) embedding throughput on real sample bios.
 * Vectors at 100k come from the hashed embedder: USE would take hours to embed 100k bios on two
 * cores, so its throughput is measured separately, and so is the time it takes to embed one search
 * query, which a search with the default model adds to the figures at 100k (the hashed embedder's
 * own is negligible). Run alone with `npx tsx bench/talent.ts`.
 */
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { createLogger } from '../src/log/logger.js';
import { HashedEmbedder } from '../src/integrations/embeddings/hashed-embedder.js';
import { UseEmbedder } from '../src/integrations/embeddings/use-embedder.js';
import { MemoryVectorIndex } from '../src/integrations/vectors/memory-index.js';
import { talentMetadata } from '../src/casting/talent/metadata.js';
import { parseRoster } from '../src/casting/talent/import/parse-roster.js';
import { embeddingText } from '../src/casting/talent/import/content-hash.js';
import { buildRoster } from '../src/casting/talent/roster-cache.js';
import { understandQuery } from '../src/casting/talent/query/index.js';
import { rankTalent } from '../src/casting/talent/rank/hybrid-ranker.js';
import { printTable, round, summarize, type BenchRow } from './stats.js';

const N = Number(process.env.TALENT_BENCH_N ?? 100_000);
const TENANT = 'bench:talent';

const QUERIES = [
  'Tamil-speaking woman in her 30s who is quietly menacing',
  'man in his forties with a full beard, trained at RADA',
  'SAG-AFTRA baritone with a warm, easy charm',
  'non-binary performer under 25 who does parkour',
  'fluent Spanish speaker based in Los Angeles, comic timing',
  'woman around 60 with silver hair, grieving parent',
  'Scottish accent, tough cop, 30s',
  'Hindi speaker in Mumbai who rides horses, villain with a shaved head',
];

function unit(v: Float32Array): Float32Array {
  const n = Math.hypot(...v);
  return n > 0 ? v.map((x) => x / n) : v;
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}

/**
 * The process's peak RSS so far: the kernel's high-water mark where there is one (Linux), which
 * sees the peaks inside long synchronous steps that a sampling timer cannot.
 */
function peakRss(): number {
  try {
    const hwm = /^VmHWM:\s+(\d+) kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (hwm) return Number(hwm[1]) * 1024;
  } catch {
    /* not Linux */
  }
  return process.memoryUsage().rss;
}

/** With BENCH_DEBUG set, the peak so far after each step, to find the step that sets it. */
function notePeak(step: string): void {
  if (process.env.BENCH_DEBUG) process.stderr.write(`talent: peak RSS after ${step}: ${round(peakRss() / 1_048_576, 0)} MB\n`);
}

/** Writes the generated roster from a separate process; resolves with the file's path. */
async function rosterFile(n: number): Promise<string> {
  const file = path.join(await mkdtemp(path.join(os.tmpdir(), 'castmatch-bench-talent-')), `roster-${n}.csv`);
  const script = fileURLToPath(new URL('./talent-roster.ts', import.meta.url));
  await promisify(execFile)(process.execPath, [...process.execArgv, script, String(n), file], { maxBuffer: 1 << 20 });
  return file;
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

export async function benchTalent(): Promise<BenchRow[]> {
  const log = createLogger('silent');
  const rows: BenchRow[] = [];
  const file = await rosterFile(N);

  // Import: parse + validate, embed (hashed), index the vectors, build the search view (BM25, vocabulary).
  const embedder = new HashedEmbedder(256);
  const vectors = new MemoryVectorIndex();
  notePeak('start');
  // As an import reads it: the file's bytes, then parse and validate.
  const [parsed, parseMs] = await timed(async () => parseRoster(await readFile(file), path.basename(file)));
  if (parsed.profiles.length !== N) throw new Error(`generated roster parsed to ${parsed.profiles.length} people, expected ${N}`);
  notePeak('parse');
  const [, embedMs] = await timed(async () => {
    for (let i = 0; i < parsed.profiles.length; i += 5000) {
      const chunk = parsed.profiles.slice(i, i + 5000);
      const vs = await embedder.embed(chunk.map(embeddingText));
      await vectors.upsert(
        TENANT,
        chunk.map((p, k) => ({ id: p.id, vector: vs[k]!, metadata: talentMetadata(p) })),
        embedder.model,
      );
    }
  });
  notePeak('embed');
  const [roster, buildMs] = await timed(() => buildRoster(TENANT, parsed.profiles, embedder.model));
  notePeak('search view');
  rows.push(
    { name: `talent import ${N / 1000}k: read+parse+validate`, value: round(parseMs / 1000), unit: 's' },
    { name: `talent import ${N / 1000}k: embed (hashed)+index`, value: round(embedMs / 1000), unit: 's' },
    { name: `talent import ${N / 1000}k: search view (BM25, vocab)`, value: round(buildMs / 1000), unit: 's' },
    { name: `talent import ${N / 1000}k: total (no database)`, value: round((parseMs + embedMs + buildMs) / 1000), unit: 's' },
  );

  // Filtered hybrid top-10 search: understand the query, filter, semantic + BM25 + fit.
  const deps = { embedder, vectors, log };
  const samples: number[] = [];
  for (let round_ = 0; round_ < 12; round_++) {
    for (const text of QUERIES) {
      const t = performance.now();
      const u = await understandQuery(text, roster.vocabulary, { log });
      await rankTalent(deps, { roster, filters: u.filters, freeText: u.freeText, limit: 10 });
      if (round_ >= 2) samples.push(performance.now() - t); // two warm-up rounds
      if (process.env.BENCH_DEBUG && round_ >= 2) process.stderr.write(`q${QUERIES.indexOf(text)} ${(performance.now() - t).toFixed(1)}\n`);
    }
  }
  // Measured before the recall check below, whose exact search re-embeds everyone: the bench's own work.
  const peak = peakRss();
  const s = summarize(samples);
  rows.push(
    { name: `talent search ${N / 1000}k filtered hybrid top-10 p50`, value: round(s.p50), unit: 'ms' },
    { name: `talent search ${N / 1000}k filtered hybrid top-10 p95`, value: round(s.p95), unit: 'ms', goal: '< 20 ms' },
  );

  // Recall@10 of the in-process index against exact cosine computed here, a chunk of vectors at a
  // time. The index is exact, so 1.0 is expected; a tie at the 10th place counts as a hit.
  const probe = parsed.profiles.filter((_, i) => i % Math.floor(N / 50) === 0).slice(0, 50);
  const probeVectors = (await embedder.embed(probe.map((p) => `${p.bio} villain`))).map(unit);
  const exact = probeVectors.map(() => [] as number[]);
  for (let i = 0; i < parsed.profiles.length; i += 5000) {
    const chunk = (await embedder.embed(parsed.profiles.slice(i, i + 5000).map(embeddingText))).map(unit);
    probeVectors.forEach((qv, k) => {
      const scores = [...exact[k]!, ...chunk.map((v) => dot(v, qv))];
      exact[k] = scores.sort((a, b) => b - a).slice(0, 10);
    });
  }
  let hit = 0;
  for (const [k, qv] of probeVectors.entries()) {
    const tenth = exact[k]![9]!;
    hit += (await vectors.query(TENANT, qv, { topK: 10 })).filter((m) => m.score >= tenth - 1e-5).length;
  }
  rows.push({ name: `talent peak RSS (${N / 1000}k import + search)`, value: round(peak / 1_048_576, 0), unit: 'MB', goal: '< 600 MB' });
  rows.push({ name: 'talent index recall@10 vs exact', value: hit / (probeVectors.length * 10), unit: 'ratio', goal: '1.0 (exact)' });
  await rm(path.dirname(file), { recursive: true, force: true });

  // The default model on real sample bios.
  const sample = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../examples/talent/sample-roster.csv');
  const bios = (await parseRoster(new Uint8Array(readFileSync(sample)), 'sample.csv')).profiles.slice(0, 64).map(embeddingText);
  const use = new UseEmbedder();
  const [, loadMs] = await timed(() => use.load());
  await use.embed(bios.slice(0, 4));
  const [, useMs] = await timed(() => use.embed(bios));
  // A search with the default model embeds its free text first: the part of a search the 100k
  // figures above (hashed vectors) leave out.
  const queryMs: number[] = [];
  for (let round_ = 0; round_ < 4; round_++) {
    for (const text of QUERIES) {
      const t = performance.now();
      await use.embed([text]);
      queryMs.push(performance.now() - t);
    }
  }
  const perQuery = summarize(queryMs);
  rows.push(
    { name: 'USE lite model load', value: round(loadMs), unit: 'ms' },
    { name: 'USE lite embedding throughput (profile texts)', value: round(bios.length / (useMs / 1000), 1), unit: 'texts/s' },
    { name: 'USE lite: one search query embedded p50', value: round(perQuery.p50), unit: 'ms' },
    { name: 'USE lite: one search query embedded p95', value: round(perQuery.p95), unit: 'ms' },
    { name: 'RSS with USE lite loaded', value: round(process.memoryUsage().rss / 1_048_576, 0), unit: 'MB' },
  );
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printTable(await benchTalent());
}
