/** What audition bookings touch: the store, the calendar, the scheduler, and the clock. */
import type { Logger } from 'pino';
import type { Store } from '../../memory/store.js';
import type { CalendarPort } from '../../integrations/calendar/calendar.js';
import type { Scheduler } from '../../scheduler/scheduler.js';

export interface AuditionDeps {
  store: Store;
  calendar: CalendarPort;
  scheduler: Scheduler;
  log: Logger;
  now(): Date;
  /** Minutes before an audition that reminders go out (REMINDER_OFFSETS_MINUTES). */
  reminderOffsets: number[];
}
