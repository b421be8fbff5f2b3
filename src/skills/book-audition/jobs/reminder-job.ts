/**
 * The reminder job: reads the audition by id when it runs, posts through the Outbox to the
 * conversation it was booked in and, directly, to the organizer who booked it (unless that
 * conversation already is their one-to-one chat with the bot). Each destination has its own
 * once-key, claimed before posting, so that a job run twice (two bot processes, a crash after
 * posting) posts once to each; a failure at one destination never stops the other.
 */
import type { Logger } from 'pino';
import type { AuditionRecord } from '../../../memory/records.js';
import type { JobData } from '../../../scheduler/scheduler.js';
import { addressFromChannelKey, type ConversationAddress } from '../../../memory/address.js';
import { ConversationGoneError } from '../../../bot/turn-handler.js';
import { reminderReply } from './render-reminder.js';
import { REMINDER_JOB } from '../../../casting/auditions/reminders.js';
import type { AuditionJobDeps } from './deps.js';

/** How long a reminder's once-key is kept: longer than any job could be retried. */
const ONCE_TTL_MS = 7 * 24 * 3_600_000;

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
    // Where it was booked, thread included; auditions booked before addresses were kept go to the channel.
    const address = a.address ?? addressFromChannelKey(a.channel);
    // The start time is part of the keys: after a reschedule the moved audition is reminded afresh.
    const once = `reminder:${data.key}:${a.startsAt.getTime()}`;
    let channelFailure: unknown;
    try {
      if (await deps.store.once.claim(once, ONCE_TTL_MS)) {
        await deps.outbox.post(address, reminderReply(a, now()));
        log.info('audition reminder posted');
      } else {
        log.info('reminder already posted by another run');
      }
    } catch (err) {
      // Not rethrown: a retry could not post into a conversation the bot was removed from either.
      if (err instanceof ConversationGoneError) log.warn({ err }, 'reminder not posted: the conversation is gone');
      else channelFailure = err;
    }
    await remindOrganizer(deps, log, a, address, `${once}:organizer`, now());
    if (channelFailure) throw channelFailure;
  };
}

/**
 * The organizer's own copy, sent to them directly. Skipped for auditions stored before the
 * organizer's id was kept, and when the booking conversation is their 1:1 chat with the bot (the
 * channel post already reached them there). Failures are logged, never thrown: the channel post
 * stands on its own, and its once-key keeps a retry from repeating it.
 */
async function remindOrganizer(
  deps: AuditionJobDeps,
  log: Logger,
  a: AuditionRecord,
  address: ConversationAddress,
  once: string,
  now: Date,
): Promise<void> {
  if (!a.organizerId) {
    log.info('no direct reminder: the audition was booked before organizers were recorded');
    return;
  }
  if (address.direct) return;
  try {
    if (!(await deps.store.once.claim(once, ONCE_TTL_MS))) {
      log.info('direct reminder already sent by another run');
      return;
    }
    await deps.outbox.postDirect(address, a.organizerId, reminderReply(a, now, { toOrganizer: true }));
    log.info('audition reminder sent to the organizer directly');
  } catch (err) {
    if (err instanceof ConversationGoneError) log.warn({ err }, 'direct reminder not sent: the organizer cannot be reached');
    else log.error({ err }, 'direct reminder not sent');
  }
}
