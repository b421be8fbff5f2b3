/**
 * Reminder jobs of an audition: one Agenda job per offset, keyed `audition:<id>:<offset>`, whose
 * data holds ids only. Rescheduling replaces them (same keys); cancelling removes them.
 */
import { DateTime } from 'luxon';
import type { Scheduler } from '../../scheduler/scheduler.js';
import type { AuditionRecord } from '../../memory/records.js';

export const REMINDER_JOB = 'audition-reminder';

export const reminderKey = (auditionId: string, offsetMinutes: number) => `audition:${auditionId}:${offsetMinutes}`;
/** Prefix of every reminder of one audition (ids are UUIDs, so no prefix is another's). */
export const reminderPrefix = (auditionId: string) => `audition:${auditionId}:`;

/**
 * When each reminder goes out. Whole days are counted on the calendar of the audition's zone, so
 * "24 h before" a 10:00 audition is 10:00 the day before even across a daylight-saving change;
 * the rest are exact minutes.
 */
export function reminderTimes(start: Date, zone: string, offsets: number[]): { offset: number; at: Date }[] {
  const s = DateTime.fromJSDate(start, { zone });
  return offsets.map((offset) => {
    const days = Math.floor(offset / 1440);
    return {
      offset,
      at: s
        .minus({ days })
        .minus({ minutes: offset - days * 1440 })
        .toJSDate(),
    };
  });
}

/** Schedules the reminders still in the future; returns how many. */
export async function scheduleReminders(
  scheduler: Scheduler,
  a: Pick<AuditionRecord, 'id' | 'startsAt' | 'timeZone'>,
  offsets: number[],
  now: Date,
): Promise<number> {
  let n = 0;
  for (const { offset, at } of reminderTimes(a.startsAt, a.timeZone, offsets)) {
    const key = reminderKey(a.id, offset);
    // Booked closer than this offset: no late reminder. (A moved audition's old jobs were cancelled first.)
    if (at.getTime() <= now.getTime()) continue;
    await scheduler.at(at, REMINDER_JOB, { key, auditionId: a.id, offsetMinutes: offset });
    n++;
  }
  return n;
}

export function cancelReminders(scheduler: Scheduler, auditionId: string): Promise<number> {
  return scheduler.cancel(reminderPrefix(auditionId));
}
