/**
 * An hourly job that deletes what expired more than a day ago (channel fields with a lifetime,
 * confirmations, once-keys). Reads already ignore expired rows; without this they would stay for
 * ever. The day's grace keeps an expired confirmation known for a while, so a late press is told it
 * expired rather than that it never existed.
 */
import type { Logger } from 'pino';
import type { Store } from '../memory/store.js';
import type { Scheduler } from '../scheduler/scheduler.js';

export const SWEEP_JOB = 'store-sweep';
const GRACE_MS = 24 * 3_600_000;

export function defineStoreSweep(
  scheduler: Pick<Scheduler, 'define'>,
  store: () => Pick<Store, 'sweepExpired'>,
  log: Logger,
  now = () => new Date(),
): void {
  scheduler.define(SWEEP_JOB, async () => {
    const gone = await store().sweepExpired(new Date(now().getTime() - GRACE_MS));
    if (gone) log.info({ gone }, 'expired rows swept');
  });
}

export function startStoreSweep(scheduler: Pick<Scheduler, 'every'>): Promise<void> {
  return scheduler.every('1 hour', SWEEP_JOB, { key: SWEEP_JOB });
}
