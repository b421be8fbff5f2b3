/**
 * Booking, moving and cancelling auditions so that the calendar and the database agree: the
 * calendar is changed first and the database second; when the second step fails the first is
 * undone, so either both hold the change or neither does. Reminders follow the stored audition.
 */
import { randomUUID } from 'node:crypto';
import type { AuditionRecord } from '../../memory/records.js';
import type { CalendarEvent } from '../../integrations/calendar/calendar.js';
import type { AuditionDeps } from './deps.js';
import { auditionEvent, type EventPeople } from './event.js';
import { cancelReminders, scheduleReminders } from './reminders.js';

/** An audition to book: the record's own fields (see AuditionRecord), and its time. */
export type NewAudition = Pick<
  AuditionRecord,
  'tenant' | 'channel' | 'projectId' | 'role' | 'talentId' | 'talentName' | 'timeZone' | 'organizer' | 'organizerId' | 'address'
> & { start: Date; end: Date };

export interface Booked {
  audition: AuditionRecord;
  event: CalendarEvent;
}

export interface Outcome<T> {
  result: T;
  /** Reminders could not be scheduled (the booking itself stands). */
  reminderProblem?: string;
}

/**
 * Books every audition or none: events first (undone if a later one fails), then the rows (events
 * deleted if a row cannot be written).
 */
export async function bookAuditions(
  deps: AuditionDeps,
  items: NewAudition[],
  people: (item: NewAudition) => EventPeople,
): Promise<Outcome<Booked[]>> {
  const now = deps.now();
  const records: AuditionRecord[] = items.map((i) => ({
    id: randomUUID(),
    tenant: i.tenant,
    channel: i.channel,
    role: i.role,
    talentId: i.talentId,
    talentName: i.talentName,
    startsAt: i.start,
    endsAt: i.end,
    timeZone: i.timeZone,
    status: 'booked',
    organizer: i.organizer,
    createdAt: now,
    updatedAt: now,
    ...(i.projectId ? { projectId: i.projectId } : {}),
    ...(i.organizerId ? { organizerId: i.organizerId } : {}),
    ...(i.address ? { address: i.address } : {}),
  }));
  const events: CalendarEvent[] = [];
  try {
    for (const [n, r] of records.entries()) events.push(await deps.calendar.create(auditionEvent(r, people(items[n]!))));
  } catch (err) {
    await undoEvents(deps, events, 'a later event of the same booking failed');
    throw err;
  }
  const written: AuditionRecord[] = [];
  try {
    for (const [n, r] of records.entries()) {
      const e = events[n]!;
      const row: AuditionRecord = { ...r, calendarEventId: e.id, ...(e.videoLink ? { videoLink: e.videoLink } : {}) };
      await deps.store.auditions.insert(row);
      written.push(row);
    }
  } catch (err) {
    await undoEvents(deps, events, 'the audition could not be saved');
    // The store has no delete: rows written before the failure are marked cancelled instead.
    for (const w of written) {
      await deps.store.auditions
        .update(w.id, { status: 'cancelled', updatedAt: deps.now() })
        .catch((e: unknown) => deps.log.error({ err: e, audition: w.id }, 'could not withdraw a half-booked audition'));
    }
    throw err;
  }
  const reminderProblem = await remind(deps, written);
  return { result: written.map((audition, n) => ({ audition, event: events[n]! })), ...(reminderProblem ? { reminderProblem } : {}) };
}

/** Moves an audition: calendar first, then the row (calendar moved back if the row fails), then reminders. */
export async function rescheduleAudition(
  deps: AuditionDeps,
  a: AuditionRecord,
  start: Date,
  end: Date,
  people: EventPeople,
): Promise<Outcome<Booked>> {
  const moved = { ...a, startsAt: start, endsAt: end };
  const eventId = a.calendarEventId ?? a.id;
  const event = await deps.calendar.update(eventId, auditionEvent(moved, people));
  let saved: AuditionRecord | undefined;
  try {
    saved = await deps.store.auditions.update(a.id, {
      startsAt: start,
      endsAt: end,
      updatedAt: deps.now(),
      ...(event.videoLink ? { videoLink: event.videoLink } : {}),
    });
    if (!saved) throw new Error(`audition ${a.id} disappeared while being moved`);
  } catch (err) {
    await deps.calendar
      .update(eventId, auditionEvent(a, people))
      .catch((e: unknown) => deps.log.error({ err: e, audition: a.id }, 'could not move the calendar event back after a failed save'));
    throw err;
  }
  const reminderProblem = await remind(deps, [saved], true);
  return { result: { audition: saved, event }, ...(reminderProblem ? { reminderProblem } : {}) };
}

/** Cancels: the row first (so nothing new is booked against a dying slot), then the calendar; the row is restored if the calendar refuses. */
export async function cancelAudition(
  deps: AuditionDeps,
  a: AuditionRecord,
): Promise<Outcome<{ audition: AuditionRecord; ics?: Uint8Array }>> {
  const cancelled = await deps.store.auditions.update(a.id, { status: 'cancelled', updatedAt: deps.now() });
  if (!cancelled) throw new Error(`audition ${a.id} no longer exists`);
  let ics: Uint8Array | undefined;
  try {
    ics = (await deps.calendar.delete(a.calendarEventId ?? a.id))?.ics;
  } catch (err) {
    await deps.store.auditions
      .update(a.id, { status: 'booked', updatedAt: a.updatedAt })
      .catch((e: unknown) => deps.log.error({ err: e, audition: a.id }, 'could not restore an audition after a failed cancellation'));
    throw err;
  }
  let reminderProblem: string | undefined;
  try {
    await cancelReminders(deps.scheduler, a.id);
  } catch (err) {
    // A leftover reminder finds the audition cancelled and stays silent.
    deps.log.warn({ err, audition: a.id }, 'could not remove reminders of a cancelled audition');
    reminderProblem = 'old reminders could not be removed; they will not be posted';
  }
  return { result: { audition: cancelled, ...(ics ? { ics } : {}) }, ...(reminderProblem ? { reminderProblem } : {}) };
}

async function remind(deps: AuditionDeps, auditions: AuditionRecord[], replace = false): Promise<string | undefined> {
  try {
    for (const a of auditions) {
      if (replace) await cancelReminders(deps.scheduler, a.id);
      await scheduleReminders(deps.scheduler, a, deps.reminderOffsets, deps.now());
    }
    return undefined;
  } catch (err) {
    deps.log.error({ err }, 'could not schedule audition reminders');
    return 'reminders could not be scheduled';
  }
}

async function undoEvents(deps: AuditionDeps, events: CalendarEvent[], why: string): Promise<void> {
  for (const e of events) {
    await deps.calendar
      .delete(e.id)
      .catch((err: unknown) => deps.log.error({ err, eventId: e.id, why }, 'could not remove a calendar event of a failed booking'));
  }
}
