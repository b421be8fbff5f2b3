/**
 * The embedded calendar: no outside service. Busy time is the tenant's booked auditions (the
 * database is the calendar); each event's invitation details and SEQUENCE are kept in the store's
 * key/value memory, so every change produces an updated .ics with the same UID. There is no video
 * link: none is invented.
 */
import { randomUUID } from 'node:crypto';
import type { Store } from '../../memory/store.js';
import type { BusyInterval, CalendarCancellation, CalendarEvent, CalendarEventInput, CalendarPort } from './calendar.js';
import { invitationBytes, type StoredEvent } from './invitation.js';

/** The store's key/value namespace of the local calendar (not a chat channel: two parts, not three). */
export const LOCAL_CALENDAR_NAMESPACE = 'calendar:local';
/** How long an event's invitation state outlives the event (late cancellations still get an .ics). */
const KEEP_AFTER_END_MS = 90 * 24 * 3_600_000;

interface EventState {
  sequence: number;
  event: StoredEvent;
  cancelled?: boolean;
}

export interface LocalCalendarOptions {
  store: Store;
  /** DTSTAMP clock; tests pass their fixed clock. */
  now?: () => Date;
}

export class LocalCalendar implements CalendarPort {
  readonly kind = 'local' as const;
  private readonly now: () => Date;

  constructor(private readonly opts: LocalCalendarOptions) {
    this.now = opts.now ?? (() => new Date());
  }

  /** `calendars` are tenant keys: their booked auditions are the busy time. */
  async freeBusy(calendars: string[], from: Date, to: Date): Promise<BusyInterval[]> {
    const lists = await Promise.all(
      calendars.map(async (tenant) =>
        (await this.opts.store.auditions.listBetween(tenant, from, to)).map((a) => ({
          start: a.startsAt,
          end: a.endsAt,
          calendar: tenant,
        })),
      ),
    );
    return lists.flat().sort((a, b) => a.start.getTime() - b.start.getTime());
  }

  async create(input: CalendarEventInput): Promise<CalendarEvent> {
    const id = input.uid ?? randomUUID();
    const state: EventState = { sequence: 0, event: stored(input) };
    await this.save(id, state);
    return { id, ics: this.invitation(id, state, 'REQUEST') };
  }

  async update(id: string, input: CalendarEventInput): Promise<CalendarEvent> {
    const previous = await this.load(id);
    // Read-then-write is fine here: one audition is changed by one confirmed request at a time.
    const state: EventState = { sequence: (previous?.sequence ?? 0) + 1, event: stored(input) };
    await this.save(id, state);
    return { id, ics: this.invitation(id, state, 'REQUEST') };
  }

  async delete(id: string): Promise<CalendarCancellation> {
    const previous = await this.load(id);
    if (!previous || previous.cancelled) return {};
    const state: EventState = { ...previous, sequence: previous.sequence + 1, cancelled: true };
    await this.save(id, state);
    return { ics: this.invitation(id, state, 'CANCEL') };
  }

  private invitation(id: string, state: EventState, method: 'REQUEST' | 'CANCEL'): Uint8Array {
    return invitationBytes({ uid: id, sequence: state.sequence, method, event: state.event, now: this.now() });
  }

  private load(id: string): Promise<EventState | undefined> {
    return this.opts.store.channels.get<EventState>(LOCAL_CALENDAR_NAMESPACE, `event:${id}`);
  }

  private async save(id: string, state: EventState): Promise<void> {
    const ttl = Math.max(0, new Date(state.event.end).getTime() - this.now().getTime()) + KEEP_AFTER_END_MS;
    await this.opts.store.channels.set(LOCAL_CALENDAR_NAMESPACE, `event:${id}`, state, ttl);
  }
}

function stored(e: CalendarEventInput): StoredEvent {
  return {
    summary: e.summary,
    description: e.description,
    start: e.start.toISOString(),
    end: e.end.toISOString(),
    timeZone: e.timeZone,
    attendees: e.attendees.map((a) => ({ name: a.name, ...(a.email ? { email: a.email } : {}), ...(a.ref ? { ref: a.ref } : {}) })),
    ...(e.organizer ? { organizer: e.organizer } : {}),
  };
}
