/**
 * The reminder job: reads the audition by id when it runs, posts through the Outbox to the
 * conversation it was booked in, and claims a once-key first so that a job run twice (two bot
 * processes, a crash after posting) posts once.
 */
import type { Logger } from 'pino';
import type { Config } from '../../config/config.js';
import type { Store } from '../../memory/store.js';
import type { Scheduler, JobData } from '../../scheduler/scheduler.js';
import type { Outbox } from '../../bot/outbox.js';
import type { ConversationAddress } from '../../bot/message.js';
import { ADDRESS_FIELD } from '../../bot/engine.js';
import { ConversationGoneError } from '../../bot/turn-handler.js';
import { reminderReply } from './render-reminder.js';
import { REMINDER_JOB } from './reminders.js';
import { DIGEST_JOB, digestHandler } from './digest.js';

export interface AuditionJobDeps {
  scheduler: Scheduler;
  store: Store;
  outbox: Outbox;
  log: Logger;
  config: Pick<Config, 'REMINDER_OFFSETS_MINUTES'>;
  now?: () => Date;
}

/** How long a reminder's once-key is kept: longer than any job could be retried. */
const ONCE_TTL_MS = 7 * 24 * 3_600_000;

/** Defines the audition jobs (reminders, the opt-in daily digest) on the scheduler; call before `scheduler.start()`. */
export function registerAuditionJobs(deps: AuditionJobDeps): void {
  deps.scheduler.define(REMINDER_JOB, reminderHandler(deps));
  deps.scheduler.define(DIGEST_JOB, digestHandler(deps));
}

/** The reminder job's handler (exported so tests can run it twice on purpose). */
export function reminderHandler(deps: AuditionJobDeps): (data: JobData) => Promise<void> {
  const now = deps.now ?? (() => new Date());
  return async (data) => {
    const auditionId = String(data.auditionId ?? '');
    const log = deps.log.child({ job: REMINDER_JOB, audition: auditionId, key: data.key });
    const a = await deps.store.auditions.get(auditionId);
    if (!a || a.status !== 'booked') {
      log.info('reminder skipped: the audition is gone or cancelled');
      return;
    }
    if (a.startsAt.getTime() <= now().getTime()) {
      log.warn('reminder skipped: the audition has already started (the bot was down when it was due)');
      return;
    }
    // The start time is part of the key: after a reschedule the moved audition is reminded afresh.
    if (!(await deps.store.once.claim(`reminder:${data.key}:${a.startsAt.getTime()}`, ONCE_TTL_MS))) {
      log.info('reminder already posted by another run');
      return;
    }
    const address = await deps.store.channels.get<ConversationAddress>(a.channel, ADDRESS_FIELD);
    if (!address) {
      log.warn('reminder not posted: no address is known for the conversation it was booked in');
      return;
    }
    try {
      await deps.outbox.post(address, reminderReply(a, now()));
      log.info('audition reminder posted');
    } catch (err) {
      // Not rethrown: a retry could not post into a conversation the bot was removed from either.
      if (err instanceof ConversationGoneError) log.warn({ err }, 'reminder not posted: the conversation is gone');
      else throw err;
    }
  };
}
