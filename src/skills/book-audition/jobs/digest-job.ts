/**
 * The opt-in morning digest: each day at 08:00 in the channel's zone, the day's auditions of the
 * workspace are posted to the channels that asked for it. One one-off job per day, keyed
 * `digest:<channel>:<date>`: each run schedules the next, computed on the zone's calendar (DST-safe).
 */
import { DateTime } from 'luxon';
import { reply, type Reply } from '../../../bot/reply.js';
import { addressFromChannelKey, channelKey, type ConversationAddress } from '../../../memory/address.js';
import type { JobData, Scheduler } from '../../../scheduler/scheduler.js';
import type { AuditionRecord } from '../../../memory/records.js';
import type { ChannelMemoryRepo } from '../../../memory/store.js';
import type { AuditionJobDeps } from './deps.js';
import { formatSpan } from '../../../casting/auditions/time.js';

export const DIGEST_JOB = 'audition-digest';
/** Channel-memory field holding the channel's digest setting (absent = off). */
export const DIGEST_FIELD = 'auditions:digest';
export const DIGEST_HOUR = 8;

export interface DigestSetting {
  zone: string;
  /** Where the digest was turned on, thread included (absent on settings stored before it was kept). */
  address?: ConversationAddress;
}

export const digestPrefix = (channel: string) => `digest:${channel}:`;

/** The next 08:00 in the zone strictly after `now`. */
export function nextDigestAt(now: Date, zone: string): DateTime {
  const local = DateTime.fromJSDate(now, { zone });
  const today = local.set({ hour: DIGEST_HOUR, minute: 0, second: 0, millisecond: 0 });
  return today > local ? today : today.plus({ days: 1 });
}

export async function scheduleDigest(scheduler: Scheduler, channel: string, zone: string, now: Date): Promise<Date> {
  const at = nextDigestAt(now, zone);
  await scheduler.at(at.toJSDate(), DIGEST_JOB, { key: `${digestPrefix(channel)}${at.toISODate()}`, channel });
  return at.toJSDate();
}

export async function enableDigest(
  deps: { scheduler: Scheduler; channels: ChannelMemoryRepo },
  address: ConversationAddress,
  zone: string,
  now: Date,
): Promise<Date> {
  const channel = channelKey(address);
  await deps.channels.set(channel, DIGEST_FIELD, { zone, address } satisfies DigestSetting);
  await deps.scheduler.cancel(digestPrefix(channel));
  return scheduleDigest(deps.scheduler, channel, zone, now);
}

export async function disableDigest(deps: { scheduler: Scheduler; channels: ChannelMemoryRepo }, channel: string): Promise<void> {
  await deps.channels.delete(channel, DIGEST_FIELD);
  await deps.scheduler.cancel(digestPrefix(channel));
}

/** The digest job: posts the day's auditions (if any), once per channel and day, then schedules tomorrow's. */
export function digestHandler(deps: AuditionJobDeps): (data: JobData) => Promise<void> {
  const now = deps.now ?? (() => new Date());
  return async (data) => {
    const channel = String(data.channel ?? '');
    const log = deps.log.child({ job: DIGEST_JOB, channel });
    const setting = await deps.store.channels.get<DigestSetting>(channel, DIGEST_FIELD);
    if (!setting) return void log.info('digest skipped: turned off');
    const day = DateTime.fromJSDate(now(), { zone: setting.zone });
    // Tomorrow's run is scheduled first, so a failure below does not end the series.
    await scheduleDigest(deps.scheduler, channel, setting.zone, day.endOf('day').toJSDate());
    if (!(await deps.store.once.claim(`digest:${channel}:${day.toISODate()}:posted`, 2 * 24 * 3_600_000))) return;
    const tenant = channel.split(':').slice(0, 2).join(':');
    const rows = await deps.store.auditions.listBetween(tenant, day.startOf('day').toJSDate(), day.endOf('day').toJSDate());
    if (rows.length === 0) return void log.info('digest not posted: no auditions today');
    await deps.outbox.post(setting.address ?? addressFromChannelKey(channel), digestReply(rows, setting.zone, day));
    log.info({ auditions: rows.length }, 'audition digest posted');
  };
}

export function digestReply(rows: AuditionRecord[], zone: string, day: DateTime): Reply {
  const heading = `Today's auditions (${day.toFormat('cccc d LLLL')}): ${rows.length}`;
  const lines = rows.map((a) => `${formatSpan(a.startsAt, a.endsAt, zone)} ${a.talentName} (${a.role})`);
  return reply(`${heading}\n${lines.join('\n')}`)
    .heading(heading)
    .table(
      ['When', 'Who', 'Role', 'Video'],
      rows.map((a) => [formatSpan(a.startsAt, a.endsAt, zone), a.talentName, a.role, a.videoLink ?? '—']),
    )
    .build();
}
