/**
 * `castmatch chat --tz ZONE`: the zone "Thursday 3pm" is read in. A bad name is refused at start,
 * not at the first booking; with neither --tz nor CASTMATCH_TIME_ZONE, times are UTC, and a casting
 * associate in Mumbai should hear that before booking 3pm for 8:30pm.
 */
import { IANAZone } from 'luxon';

/** Throws with the bad value and an example unless `tz` is absent or an IANA zone name. */
export function checkTimeZoneOption(tz: string | undefined): void {
  if (tz !== undefined && !IANAZone.isValidZone(tz)) {
    throw new Error(`--tz ${JSON.stringify(tz)} is not an IANA time zone; give one such as --tz Europe/London or --tz America/New_York`);
  }
}

/** The one line to say at start when times fall back to UTC; undefined when a zone was chosen. */
export function utcNotice(tz: string | undefined, env: Record<string, string | undefined> = process.env): string | undefined {
  // An empty CASTMATCH_TIME_ZONE is unset, as configuration reads it.
  if (tz || env.CASTMATCH_TIME_ZONE) return undefined;
  return 'Times are in UTC. To use yours, start with --tz ZONE (e.g. --tz Europe/London) or set CASTMATCH_TIME_ZONE.';
}
