/**
 * `npm run bench`: every benchmark of the project, one table, and bench/results.json.
 * Speed goals live here, never as timed assertions in the test suite.
 * Each suite runs in a process of its own: a suite's memory peak and its garbage collections
 * must not include what the suites before it left on the heap.
 */
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { printTable, type BenchRow } from './stats.js';

type Suite = { name: string; load: () => Promise<() => Promise<BenchRow[]>> };

const SUITES: Suite[] = [
  { name: 'core', load: async () => (await import('./core.js')).benchCore },
  { name: 'routing', load: async () => (await import('./routing.js')).benchRouting },
  { name: 'script-analysis', load: async () => (await import('./script-analysis.js')).benchScriptAnalysis },
  { name: 'talent', load: async () => (await import('./talent.js')).benchTalent },
  { name: 'slack', load: async () => (await import('./slack.js')).benchSlack },
];

const self = fileURLToPath(import.meta.url);
const ONE = '--one';

/** Runs one suite in a child process (same Node flags and loader), which prints its rows as JSON. */
function runAlone(name: string): Promise<BenchRow[]> {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [...process.execArgv, self, ONE, name], { maxBuffer: 16 * 1024 * 1024 }, (err, stdout, stderr) => {
      process.stderr.write(stderr);
      if (err) reject(new Error(`${name} exited with ${err.code ?? err.signal}`));
      else resolve(JSON.parse(stdout.trim().split('\n').pop() ?? '[]') as BenchRow[]);
    });
  });
}

if (process.argv[2] === ONE) {
  const suite = SUITES.find((s) => s.name === process.argv[3]);
  if (!suite) throw new Error(`no bench suite ${process.argv[3]}`);
  process.stdout.write(`${JSON.stringify(await (await suite.load())())}\n`);
  process.exit(0);
}

const only = process.argv.slice(2);
const results: Record<string, BenchRow[] | { error: string }> = {};
const all: BenchRow[] = [];
for (const suite of SUITES.filter((s) => only.length === 0 || only.includes(s.name))) {
  process.stderr.write(`running ${suite.name}…\n`);
  try {
    const rows = await runAlone(suite.name);
    results[suite.name] = rows;
    all.push(...rows);
  } catch (err) {
    results[suite.name] = { error: (err as Error).message };
    process.stderr.write(`  ${suite.name} failed: ${(err as Error).message}\n`);
  }
}
printTable(all);
const out = path.join(path.dirname(fileURLToPath(import.meta.url)), 'results.json');
await writeFile(
  out,
  `${JSON.stringify({ at: new Date().toISOString(), machine: { cpus: os.cpus().length, node: process.version }, results }, null, 2)}\n`,
);
process.stderr.write(`wrote ${out}\n`);
