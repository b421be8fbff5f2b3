/** What audition bookings touch: the store, the calendar, the scheduler, and the clock. */
import type { Logger } from 'pino';
import type { Store } from '../../memory/store.js';
import type { CalendarPort } from '../../integrations/calendar/calendar.js';
import type { Scheduler } from '../../scheduler/scheduler.js';
import type { SkillContext } from '../types.js';

export interface AuditionDeps {
  store: Store;
  calendar: CalendarPort;
  scheduler: Scheduler;
  log: Logger;
  now(): Date;
  /** Minutes before an audition that reminders go out (REMINDER_OFFSETS_MINUTES). */
  reminderOffsets: number[];
}

export function auditionDepsFrom(ctx: SkillContext): AuditionDeps {
  return {
    store: ctx.store, calendar: ctx.services.calendar, scheduler: ctx.services.scheduler, log: ctx.log,
    now: ctx.now, reminderOffsets: ctx.services.config.REMINDER_OFFSETS_MINUTES,
  };
}
