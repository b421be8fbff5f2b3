/**
 * Reads an Agenda-style interval ("1 minute", "30 seconds", "2 hours", "500") as milliseconds, for
 * the monitor's local watchdog. Cron text has no single period: undefined, and the caller uses a default.
 */
const UNITS: Record<string, number> = {
  ms: 1,
  millisecond: 1,
  milliseconds: 1,
  s: 1_000,
  sec: 1_000,
  secs: 1_000,
  second: 1_000,
  seconds: 1_000,
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
};

export function parseInterval(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  if (/^\d+$/.test(t)) return Number(t);
  const m = t.match(/^(\d+(?:\.\d+)?|an?|one)\s*([a-z]+)$/);
  if (!m) return undefined;
  const n = /^(a|an|one)$/.test(m[1]!) ? 1 : Number(m[1]);
  const unit = UNITS[m[2]!];
  return unit === undefined || n <= 0 ? undefined : Math.round(n * unit);
}
