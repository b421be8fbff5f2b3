/** The audition jobs: reminders before each audition and the opt-in morning digest. */
import type { AuditionJobDeps } from './deps.js';
import { REMINDER_JOB } from '../../../casting/auditions/reminders.js';
import { reminderHandler } from './reminder-job.js';
import { DIGEST_JOB, digestHandler } from './digest-job.js';

export type { AuditionJobDeps } from './deps.js';

/** Defines the audition jobs (reminders, the opt-in daily digest) on the scheduler; call before `scheduler.start()`. */
export function registerAuditionJobs(deps: AuditionJobDeps): void {
  deps.scheduler.define(REMINDER_JOB, reminderHandler(deps));
  deps.scheduler.define(DIGEST_JOB, digestHandler(deps));
}
