/**
 * Script analysis: parse-to-breakdown time (median of repeated runs, after warm-up) and peak memory
 * for the full-length Big Fish in each format, and `fountain-js` parsing the same Fountain file as
 * the peer. Goals: Fountain < 100 ms and faster than fountain-js only parses; PDF < 2 s.
 * Big Fish may not be copied into the repository: without the shared data folder beside the
 * checkout, the rows measure the repository's Brick & Steel instead and say so in their names.
 */
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Fountain } from 'fountain-js';
import { analyzeScript } from '../src/casting/script/parse/index.js';
import { summarize, type BenchRow } from './stats.js';
import { scoreBreakdowns } from './breakdown-score.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const SHARED = path.resolve(ROOT, '../shared/data/scripts');
const [SCRIPTS, NAME] = existsSync(path.join(SHARED, 'big_fish.fountain'))
  ? [SHARED, 'big_fish']
  : [path.join(ROOT, 'examples/scripts'), 'brick_and_steel'];
const OPTS = { maxBytes: 50 * 1024 * 1024 };

interface Timing {
  median: number;
  peakMb: number;
}

/** Median wall time of `runs` calls after `warm` unmeasured ones, and the largest RSS growth seen. */
async function measure(fn: () => Promise<unknown> | unknown, warm: number, runs: number): Promise<Timing> {
  for (let i = 0; i < warm; i++) await fn();
  (globalThis as { gc?: () => void }).gc?.();
  const base = process.memoryUsage();
  let peak = 0;
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    await fn();
    samples.push(performance.now() - t);
    const m = process.memoryUsage();
    peak = Math.max(peak, m.heapUsed - base.heapUsed, m.rss - base.rss);
  }
  return { median: summarize(samples).p50, peakMb: peak / 1_048_576 };
}

export async function benchScriptAnalysis(): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  const file = (ext: string) => readFile(path.join(SCRIPTS, `${NAME}.${ext}`));
  const fountainBytes = new Uint8Array(await file('fountain'));
  const fountainText = new TextDecoder().decode(fountainBytes);

  const ours = await measure(() => analyzeScript(fountainBytes, `${NAME}.fountain`, OPTS), 10, 40);
  const peer = await measure(() => new Fountain().parse(fountainText, true), 10, 40);
  rows.push(
    { name: `script: ${NAME}.fountain parse-to-breakdown, median`, value: ours.median, unit: 'ms', goal: '< 100 ms' },
    { name: `script: ${NAME}.fountain peak memory growth`, value: ours.peakMb, unit: 'MB' },
    { name: 'script: fountain-js parse only, same file, median', value: peer.median, unit: 'ms' },
    { name: 'script: ours / fountain-js time ratio', value: ours.median / peer.median, unit: 'x', goal: '< 1' },
  );

  const fdxBytes = new Uint8Array(await file('fdx'));
  const fdx = await measure(() => analyzeScript(fdxBytes, `${NAME}.fdx`, OPTS), 3, 15);
  rows.push(
    { name: `script: ${NAME}.fdx parse-to-breakdown, median`, value: fdx.median, unit: 'ms' },
    { name: `script: ${NAME}.fdx peak memory growth`, value: fdx.peakMb, unit: 'MB' },
  );

  const pdfBytes = new Uint8Array(await file('pdf'));
  const pdf = await measure(() => analyzeScript(pdfBytes, `${NAME}.pdf`, OPTS), 1, 5);
  rows.push(
    { name: `script: ${NAME}.pdf parse-to-breakdown, median`, value: pdf.median, unit: 'ms', goal: '< 2000 ms' },
    { name: `script: ${NAME}.pdf peak memory growth`, value: pdf.peakMb, unit: 'MB' },
  );

  // Quality on the labelled example screenplays (the goals of the breakdown accuracy test).
  const score = await scoreBreakdowns();
  rows.push(
    { name: 'breakdown: gender right where given (labelled set)', value: 100 * score.genderPrecision, unit: '%', goal: '≥ 97 %' },
    { name: 'breakdown: gender given where the text decides it', value: 100 * score.genderCoverage, unit: '%', goal: '≥ 90 %' },
    { name: 'breakdown: age range overlaps the labelled one', value: 100 * score.ageOverlap, unit: '%', goal: '≥ 85 %' },
  );
  return rows;
}
