/**
 * Free-slot arithmetic: does a proposed audition (with its buffers) overlap busy time, and which
 * are the next free starts. Pure functions over intervals; the caller fetches the busy time.
 */
import { DateTime } from 'luxon';

export interface Interval {
  start: Date;
  end: Date;
}

/** Where suggestions are looked for: working hours in the audition's zone. */
export interface SlotWindow {
  zone: string;
  /** First and last hour (local) an audition may start or end in. */
  dayStartHour: number;
  dayEndHour: number;
  /** Candidate starts are on this grid (minutes). */
  stepMinutes: number;
}

export const DEFAULT_WINDOW: Omit<SlotWindow, 'zone'> = { dayStartHour: 9, dayEndHour: 19, stepMinutes: 15 };

/** The busy intervals a slot overlaps once `bufferMinutes` are kept clear on both sides. */
export function conflictsOf<T extends Interval>(slot: Interval, busy: T[], bufferMinutes: number): T[] {
  const pad = bufferMinutes * 60_000;
  const from = slot.start.getTime() - pad;
  const to = slot.end.getTime() + pad;
  return busy.filter((b) => b.start.getTime() < to && b.end.getTime() > from);
}

/**
 * The next `count` free starts at or after `after`, inside working hours, within `horizonDays`.
 * Used both for "next free slots" suggestions and to lay out a session.
 */
export function nextFreeSlots(
  after: Date,
  durationMinutes: number,
  bufferMinutes: number,
  busy: Interval[],
  window: SlotWindow,
  count: number,
  horizonDays = 14,
): Interval[] {
  const found: Interval[] = [];
  const step = window.stepMinutes;
  let t = DateTime.fromJSDate(after, { zone: window.zone });
  // Round up onto the grid so suggestions read as 10:15, not 10:07.
  const rem = t.minute % step;
  t = t.set({ second: 0, millisecond: 0 }).plus({ minutes: rem || t.second || t.millisecond ? step - rem : 0 });
  const limit = t.plus({ days: horizonDays });
  while (found.length < count && t < limit) {
    const end = t.plus({ minutes: durationMinutes });
    const dayStart = t.set({ hour: window.dayStartHour, minute: 0 });
    const dayEnd = t.set({ hour: window.dayEndHour, minute: 0 });
    if (t < dayStart) {
      t = dayStart;
      continue;
    }
    if (end > dayEnd) {
      t = dayStart.plus({ days: 1 });
      continue;
    }
    const slot = { start: t.toJSDate(), end: end.toJSDate() };
    // Suggestions are alternatives to each other, so they may overlap one another.
    if (conflictsOf(slot, busy, bufferMinutes).length === 0) found.push(slot);
    t = t.plus({ minutes: step });
  }
  return found;
}

/**
 * Consecutive slots for a session: each starts where the previous one ended (plus the buffer),
 * skipping past busy time; unlike suggestions, the first may start at any minute the user named.
 */
export function sessionSlots(
  from: Date,
  durationMinutes: number,
  bufferMinutes: number,
  busy: Interval[],
  window: SlotWindow,
  count: number,
): Interval[] {
  const out: Interval[] = [];
  const taken = [...busy];
  let cursor = DateTime.fromJSDate(from, { zone: window.zone });
  const limit = cursor.plus({ days: 14 });
  while (out.length < count && cursor < limit) {
    const slot = { start: cursor.toJSDate(), end: cursor.plus({ minutes: durationMinutes }).toJSDate() };
    const dayEnd = cursor.set({ hour: window.dayEndHour, minute: 0 });
    if (cursor.plus({ minutes: durationMinutes }) > dayEnd) {
      cursor = cursor.plus({ days: 1 }).set({ hour: window.dayStartHour, minute: 0, second: 0, millisecond: 0 });
      continue;
    }
    const clash = conflictsOf(slot, taken, bufferMinutes);
    if (clash.length === 0) {
      out.push(slot);
      taken.push(slot);
      // The buffer is kept by conflictsOf on the next slot; start right after this one ends.
      cursor = DateTime.fromJSDate(slot.end, { zone: window.zone }).plus({ minutes: bufferMinutes });
    } else {
      const latest = Math.max(...clash.map((c) => c.end.getTime()));
      cursor = DateTime.fromMillis(latest + bufferMinutes * 60_000, { zone: window.zone });
    }
  }
  return out;
}
