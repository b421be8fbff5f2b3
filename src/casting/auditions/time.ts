/**
 * Reading audition times the way people write them ("Thursday 3pm", "tomorrow from 10am",
 * "31 February"), in a time zone. chrono-node finds the date words; luxon places the wall time in
 * the IANA zone, so a booking on the far side of a daylight-saving change lands on the right instant.
 */
import * as chrono from 'chrono-node';
import { DateTime, IANAZone } from 'luxon';

export type WhenResult =
  | { ok: true; start: DateTime }
  | { ok: false; reason: 'no-date' | 'no-time' | 'impossible' | 'ambiguous' | 'past' | 'nonexistent'; message: string };

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];
const MONTH =
  '(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)';
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+(?:of\\s+)?${MONTH}\\b`, 'i');
const MONTH_DAY = new RegExp(`\\b${MONTH}\\s+(\\d{1,2})(?:st|nd|rd|th)?\\b`, 'i');
/** 03/04: the 3rd of April or March the 4th, depending on who wrote it. */
const NUMERIC_DATE = /\b(\d{1,2})[/.](\d{1,2})(?:[/.]\d{2,4})?\b/;

/** True for an IANA zone name luxon (and Intl) knows. */
export function isValidZone(zone: string): boolean {
  return IANAZone.isValidZone(zone);
}

/**
 * Reads a start time. `text` may be an ISO 8601 instant (what buttons carry) or words; words are
 * read in `zone` relative to `now`. A date without a time is refused rather than guessed.
 */
export function parseWhen(text: string, zone: string, now: Date): WhenResult {
  const trimmed = text.trim();
  const iso = DateTime.fromISO(trimmed, { setZone: true });
  if (iso.isValid && /^\d{4}-\d{2}-\d{2}T/.test(trimmed)) return notPast(iso.setZone(zone), now);

  const impossible = impossibleDate(trimmed, zone, now);
  if (impossible) return { ok: false, reason: 'impossible', message: impossible };
  const numeric = trimmed.match(NUMERIC_DATE);
  if (numeric && Number(numeric[1]) <= 12 && Number(numeric[2]) <= 12 && numeric[1] !== numeric[2]) {
    return {
      ok: false,
      reason: 'ambiguous',
      message: `“${numeric[0]}” could be two different dates. Write the month as a word, e.g. “${Number(numeric[1])} ${cap(MONTHS[Number(numeric[2]) - 1]!)}”.`,
    };
  }

  const nowInZone = DateTime.fromJSDate(now, { zone });
  // chrono works in a fixed UTC offset: give it the zone's offset now for "today"/"Thursday", then
  // rebuild the wall time in the zone itself, whose offset on that date may differ (DST).
  const [parsed] = chrono.parse(trimmed, { instant: now, timezone: nowInZone.offset }, { forwardDate: true });
  if (!parsed)
    return {
      ok: false,
      reason: 'no-date',
      message: `I couldn't find a date and time in “${trimmed}”. Try e.g. “Thursday 3pm” or “14 March at 10:30”.`,
    };
  const c = parsed.start;
  if (!c.isCertain('hour')) {
    return { ok: false, reason: 'no-time', message: `What time on ${parsed.text}? e.g. “${parsed.text} at 3pm”.` };
  }
  const wall = { year: c.get('year')!, month: c.get('month')!, day: c.get('day')!, hour: c.get('hour')!, minute: c.get('minute') ?? 0 };
  const start = DateTime.fromObject(wall, { zone });
  if (!start.isValid) return { ok: false, reason: 'impossible', message: `${parsed.text} is not a real date.` };
  if (start.hour !== wall.hour || start.minute !== wall.minute) {
    return {
      ok: false,
      reason: 'nonexistent',
      message: `${pad(wall.hour)}:${pad(wall.minute)} does not exist on ${start.toFormat('cccc d LLLL')} in ${zone}: the clocks go forward. Pick another time.`,
    };
  }
  return notPast(start, now);
}

function notPast(start: DateTime, now: Date): WhenResult {
  if (start.toMillis() <= now.getTime()) {
    return {
      ok: false,
      reason: 'past',
      message: `${formatWhen(start.toJSDate(), start.zoneName ?? 'UTC')} is in the past. Pick a time from now on.`,
    };
  }
  return { ok: true, start };
}

/** "31 February", "Feb 30": chrono skips these silently, so name the problem instead. */
export function impossibleDate(text: string, zone: string, now: Date): string | undefined {
  const dm = text.match(DAY_MONTH);
  const md = text.match(MONTH_DAY);
  const day = dm ? Number(dm[1]) : md ? Number(md[2]) : undefined;
  const monthWord = dm ? dm[2] : md ? md[1] : undefined;
  if (day === undefined || !monthWord) return undefined;
  const month = MONTHS.findIndex((m) => m.startsWith(monthWord.toLowerCase().slice(0, 3))) + 1;
  const year = DateTime.fromJSDate(now, { zone }).year;
  // 29 February exists in some years: only call it impossible when no year around now has it.
  const exists = [year, year + 1].some((y) => DateTime.fromObject({ year: y, month, day }, { zone }).isValid);
  return exists ? undefined : `${cap(MONTHS[month - 1]!)} has no ${ordinal(day)}: check the date.`;
}

/** "Thu 2 Apr 2026, 15:00 BST": how a time is shown to people, in their zone. */
export function formatWhen(d: Date, zone: string): string {
  return DateTime.fromJSDate(d, { zone }).toFormat('ccc d LLL yyyy, HH:mm ZZZZ');
}

/** "15:00–15:20". */
export function formatSpan(start: Date, end: Date, zone: string): string {
  const s = DateTime.fromJSDate(start, { zone });
  const e = DateTime.fromJSDate(end, { zone });
  return `${s.toFormat('ccc d LLL, HH:mm')}–${e.toFormat('HH:mm ZZZZ')}`;
}

export type RangeName = 'today' | 'tomorrow' | 'this week' | 'next week' | 'upcoming';

/** The interval a listing covers, in the reader's zone (weeks start on Monday). */
export function rangeFor(name: string | undefined, zone: string, now: Date): { name: RangeName; from: Date; to: Date } {
  const n = DateTime.fromJSDate(now, { zone });
  switch ((name ?? 'upcoming').toLowerCase()) {
    case 'today':
      return { name: 'today', from: n.startOf('day').toJSDate(), to: n.endOf('day').toJSDate() };
    case 'tomorrow': {
      const t = n.plus({ days: 1 });
      return { name: 'tomorrow', from: t.startOf('day').toJSDate(), to: t.endOf('day').toJSDate() };
    }
    case 'this week':
      return { name: 'this week', from: now, to: n.endOf('week').toJSDate() };
    case 'next week': {
      const w = n.plus({ weeks: 1 });
      return { name: 'next week', from: w.startOf('week').toJSDate(), to: w.endOf('week').toJSDate() };
    }
    default:
      return { name: 'upcoming', from: now, to: n.plus({ days: 90 }).toJSDate() };
  }
}

const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const pad = (n: number) => String(n).padStart(2, '0');
function ordinal(n: number): string {
  const s = n % 100 >= 11 && n % 100 <= 13 ? 'th' : (['th', 'st', 'nd', 'rd'][n % 10] ?? 'th');
  return `${n}${s}`;
}
