/** The hourly sweep deletes what expired more than a day before the run, and is scheduled once. */
import { defineStoreSweep, startStoreSweep, SWEEP_JOB } from '../../src/ops/store-sweep.js';
import { silent } from './support.js';

test('the job sweeps with a day of grace, under one key', async () => {
  const handlers = new Map<string, () => Promise<void>>();
  const swept: Date[] = [];
  const now = new Date('2026-12-08T12:00:00Z');
  defineStoreSweep(
    { define: (name, fn) => void handlers.set(name, fn as () => Promise<void>) },
    () => ({ sweepExpired: async (before) => (swept.push(before), 3) }),
    silent,
    () => now,
  );
  await handlers.get(SWEEP_JOB)!();
  expect(swept).toEqual([new Date('2026-12-07T12:00:00Z')]);
  const every: unknown[][] = [];
  await startStoreSweep({ every: async (...args: unknown[]) => void every.push(args) });
  expect(every).toEqual([['1 hour', SWEEP_JOB, { key: SWEEP_JOB }]]);
});
