/** Small statistics helpers shared by the benchmarks. */
export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  goal?: string;
}

export function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  const i = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[i] ?? NaN;
}

export function summarize(samples: number[]): { p50: number; p95: number; p99: number; mean: number } {
  const s = [...samples].sort((a, b) => a - b);
  return { p50: percentile(s, 50), p95: percentile(s, 95), p99: percentile(s, 99), mean: s.reduce((a, b) => a + b, 0) / s.length };
}

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;

export function printTable(rows: BenchRow[]): void {
  const w = Math.max(...rows.map((r) => r.name.length), 10);
  process.stdout.write(`${'benchmark'.padEnd(w)}  ${'value'.padStart(12)}  unit      goal\n`);
  for (const r of rows) {
    process.stdout.write(`${r.name.padEnd(w)}  ${String(round(r.value)).padStart(12)}  ${r.unit.padEnd(8)}  ${r.goal ?? ''}\n`);
  }
}
