/**
 * Picks the calendar from the configuration: Google Calendar when GOOGLE_SERVICE_ACCOUNT_JSON is
 * set, otherwise the embedded calendar kept in the database (invitations as .ics attachments).
 */
import type { Logger } from 'pino';
import type { Config } from '../../config/config.js';
import type { Store } from '../../memory/store.js';
import type { CalendarPort } from './calendar.js';
import { LocalCalendar } from './local-calendar.js';

export { CalendarError, type CalendarPort } from './calendar.js';

/** Per-request limit on Google calls: a booking waits at most this long before it is refused. */
export const GOOGLE_TIMEOUT_MS = 10_000;

export interface CalendarDeps {
  store: Store;
  log: Logger;
  /** The clock of DTSTAMP in invitations (tests pass theirs). */
  now?: () => Date;
  /** Overrides for what config does not carry (tests: a short timeout, a fake token endpoint). */
  google?: { timeoutMs?: number; tokenUrl?: string };
}

/**
 * The calendar port for this configuration. Invalid Google credentials stop start-up with the
 * variable named. googleapis is loaded only when Google is configured.
 */
export async function createCalendar(config: Config, deps: CalendarDeps): Promise<CalendarPort> {
  if (!config.GOOGLE_SERVICE_ACCOUNT_JSON) {
    return new LocalCalendar({ store: deps.store, ...(deps.now ? { now: deps.now } : {}) });
  }
  const [{ googleAuthFromJson }, { GoogleCalendar }] = await Promise.all([import('./google-auth.js'), import('./google-calendar.js')]);
  const auth = googleAuthFromJson(config.GOOGLE_SERVICE_ACCOUNT_JSON, {
    ...(config.GOOGLE_IMPERSONATE_USER ? { subject: config.GOOGLE_IMPERSONATE_USER } : {}),
    ...(deps.google?.tokenUrl ? { tokenUrl: deps.google.tokenUrl } : {}),
  });
  const log = deps.log.child({ part: 'google-calendar' });
  log.info({ calendar: config.GOOGLE_CALENDAR_ID, teamCalendars: config.GOOGLE_TEAM_CALENDARS?.length ?? 0 }, 'calendar: Google Calendar');
  return new GoogleCalendar({
    auth,
    log,
    calendarId: config.GOOGLE_CALENDAR_ID,
    // Without a team list, the calendar the events go to is the one whose busy time counts.
    teamCalendars: config.GOOGLE_TEAM_CALENDARS?.length ? config.GOOGLE_TEAM_CALENDARS : [config.GOOGLE_CALENDAR_ID],
    timeoutMs: deps.google?.timeoutMs ?? GOOGLE_TIMEOUT_MS,
    ...(config.GOOGLE_API_ROOT_URL ? { rootUrl: config.GOOGLE_API_ROOT_URL } : {}),
  });
}
