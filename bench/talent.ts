/**
 * Talent benchmarks at 100k generated (seeded) profiles: roster import, filtered hybrid top-10
 * search latency, recall of the in-process index against exact search, peak memory; and the
 * default model's (Universal Sentence Encoder lite) embedding throughput on real sample bios.
 * Vectors at 100k come from the hashed embedder: USE would take hours to embed 100k bios on two
 * cores, so its throughput is measured separately. Run alone with `npx tsx bench/talent.ts`.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { createLogger } from '../src/log/logger.js';
import { HashedEmbedder } from '../src/integrations/embeddings/hashed-embedder.js';
import { UseEmbedder } from '../src/integrations/embeddings/use-embedder.js';
import { MemoryVectorIndex } from '../src/integrations/vectors/memory-index.js';
import { talentMetadata } from '../src/integrations/vectors/talent-metadata.js';
import { parseRoster } from '../src/skills/talent/import/parse-roster.js';
import { embeddingText } from '../src/skills/talent/import/content-hash.js';
import { buildRoster } from '../src/skills/talent/roster-cache.js';
import { understandQuery } from '../src/skills/talent/query/index.js';
import { rankTalent } from '../src/skills/talent/rank/hybrid-ranker.js';
import { printTable, round, summarize, type BenchRow } from './stats.js';

const N = Number(process.env.TALENT_BENCH_N ?? 100_000);
const TENANT = 'bench:talent';

/** mulberry32: the same roster every run. */
function rng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const FIRST = ['Meera', 'Arjun', 'Grace', 'Omar', 'Sam', 'Noor', 'Kabir', 'Ava', 'Chidi', 'Lena', 'Tomas', 'Priya', 'Dev', 'Zoe', 'Ravi', 'Yuki', 'Malik', 'Sofia', 'Ivan', 'Amara'];
const LAST = ['Iyer', 'Rao', 'Chen', 'Okafor', 'Tanaka', 'Khan', 'Haddad', 'Levi', 'Park', 'Vidal', 'Desai', 'Kim', 'Mensah', 'Lopez', 'Reddy', 'Bianchi'];
const CITIES = ['Mumbai, India', 'Chennai, India', 'Delhi, India', 'Bengaluru, India', 'London, UK', 'New York, USA', 'Los Angeles, USA', 'Toronto, Canada', 'Atlanta, USA', 'Vancouver, Canada'];
const UNIONS = ['CINTAA', 'SAG-AFTRA', 'Equity', 'ACTRA', 'non-union'];
const LANGS = ['Hindi', 'Tamil', 'Telugu', 'Marathi', 'Urdu', 'Bengali', 'Spanish', 'French', 'Punjabi', 'Kannada', 'Malayalam', 'Gujarati', 'Arabic', 'Cantonese'];
const LEVELS = ['native', 'fluent', 'conversational', 'basic'];
const ACCENTS = ['RP', 'Scottish', 'New York', 'Texan', 'Irish', 'Cockney', 'Australian', 'Indian English', 'Mumbai Hindi', 'Nigerian'];
const SKILLS = ['horse riding', 'kathak', 'stage combat', 'singing (baritone)', 'singing (soprano)', 'salsa', 'karate', 'swimming', 'guitar', 'piano', 'fencing', 'archery', 'improv', 'boxing', 'parkour', 'juggling', 'yoga', 'cricket'];
const LOOKS = ['a shaved head', 'long dark hair', 'silver hair', 'a full beard', 'freckles', 'an athletic build', 'a petite frame', 'sharp cheekbones', 'warm brown eyes', 'tattooed forearms'];
const TYPES = ['a villain, quietly menacing', 'a grieving parent, with deep emotional range', 'comic relief, with impeccable comic timing', 'a romantic lead, with easy charm', 'a tough cop or soldier, intense and physical', 'a village elder, gentle and wise', 'royalty, poised and commanding', 'an eccentric professor, quirky and verbal'];
const TRAINING = ['trained at RADA', 'a graduate of FTII Pune', 'trained in the Meisner technique', 'self-taught through street theatre', 'a Juilliard graduate'];

const q = (s: string) => (/[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

/** A roster CSV of `n` people in the sample's format. */
export function generateRosterCsv(n: number, seed = 42): string {
  const r = rng(seed);
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)]!;
  const some = <T>(xs: T[], max: number) => [...new Set(Array.from({ length: Math.floor(r() * (max + 1)) }, () => pick(xs)))];
  const lines = ['id,name,gender,pronouns,playing_age_min,playing_age_max,ethnicity,height_cm,location,union,languages,accents,skills,credits,bio,agent,email,phone,headshot_url,reel_url'];
  for (let i = 1; i <= n; i++) {
    const gender = r() < 0.48 ? 'female' : r() < 0.93 ? 'male' : 'non-binary';
    const lo = 6 + Math.floor(r() * 70);
    const name = `${pick(FIRST)} ${pick(LAST)}`;
    const city = pick(CITIES);
    const skills = some(SKILLS, 4);
    const languages = ['English (native)', ...some(LANGS, 3).map((l) => `${l} (${pick(LEVELS)})`)];
    const bio = `${name.split(' ')[0]} is a ${city.split(',')[0]}-based actor with ${pick(LOOKS)}, often cast as ${pick(TYPES)}. They are ${pick(TRAINING)}.`;
    lines.push([
      `G${String(i).padStart(6, '0')}`, name, gender, '', String(lo), String(lo + 3 + Math.floor(r() * 8)), '', String(150 + Math.floor(r() * 45)),
      q(city), pick(UNIONS), languages.join('; '), some(ACCENTS, 2).join('; '), skills.join('; '), q(`Salt (lead, ${2000 + Math.floor(r() * 24)})`),
      q(bio), 'Bench Agency', `p${i}@example.com`, `+1-555-${String(i % 10000).padStart(4, '0')}`, '', '',
    ].join(','));
  }
  return `${lines.join('\n')}\n`;
}

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

class PeakRss {
  peak = process.memoryUsage().rss;
  private readonly timer = setInterval(() => this.sample(), 20);
  sample(): void { this.peak = Math.max(this.peak, process.memoryUsage().rss); }
  stop(): number { clearInterval(this.timer); this.sample(); return this.peak; }
}

async function timed<T>(fn: () => Promise<T> | T): Promise<[T, number]> {
  const t = performance.now();
  const out = await fn();
  return [out, performance.now() - t];
}

export async function benchTalent(): Promise<BenchRow[]> {
  const log = createLogger('silent');
  const rows: BenchRow[] = [];
  const rss = new PeakRss();

  // Import: parse + validate, embed (hashed), index the vectors, build the search view (BM25, vocabulary).
  const embedder = new HashedEmbedder(256);
  const vectors = new MemoryVectorIndex();
  // A Buffer is the Uint8Array a file read or a download gives: no second copy of 60 MB.
  const [parsed, parseMs] = await timed(() => parseRoster(Buffer.from(generateRosterCsv(N)), 'bench.csv'));
  if (parsed.profiles.length !== N) throw new Error(`generated roster parsed to ${parsed.profiles.length} people, expected ${N}`);
  const [, embedMs] = await timed(async () => {
    for (let i = 0; i < parsed.profiles.length; i += 5000) {
      const chunk = parsed.profiles.slice(i, i + 5000);
      const vs = await embedder.embed(chunk.map(embeddingText));
      await vectors.upsert(TENANT, chunk.map((p, k) => ({ id: p.id, vector: vs[k]!, metadata: talentMetadata(p) })), embedder.model);
    }
  });
  const [roster, buildMs] = await timed(() => buildRoster(TENANT, parsed.profiles, embedder.model));
  rows.push(
    { name: `talent import ${N / 1000}k: parse+validate`, value: round(parseMs / 1000), unit: 's' },
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
    }
  }
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
  rows.push({ name: 'talent index recall@10 vs exact', value: hit / (probeVectors.length * 10), unit: 'ratio', goal: '1.0 (exact)' });
  rows.push({ name: `talent peak RSS (${N / 1000}k import + search)`, value: round(rss.stop() / 1_048_576, 0), unit: 'MB', goal: '< 600 MB' });

  // The default model on real sample bios.
  const sample = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../shared/data/talent/sample-roster.csv');
  const bios = parseRoster(new Uint8Array(readFileSync(sample)), 'sample.csv').profiles.slice(0, 64).map(embeddingText);
  const use = new UseEmbedder();
  const [, loadMs] = await timed(() => use.load());
  await use.embed(bios.slice(0, 4));
  const [, useMs] = await timed(() => use.embed(bios));
  rows.push(
    { name: 'USE lite model load', value: round(loadMs), unit: 'ms' },
    { name: 'USE lite embedding throughput (profile texts)', value: round(bios.length / (useMs / 1000), 1), unit: 'texts/s' },
    { name: 'RSS with USE lite loaded', value: round(process.memoryUsage().rss / 1_048_576, 0), unit: 'MB' },
  );
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  printTable(await benchTalent());
}
