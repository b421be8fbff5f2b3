/**
 * Busy time that blocks an audition: the casting team's calendar (Google free/busy, or the
 * tenant's booked auditions on the local calendar) and the person's own other auditions.
 */
import type { AuditionDeps } from './deps.js';
import type { Interval } from './slots.js';

/** A busy interval and whose it is, to say why a time is refused. */
export interface Busy extends Interval {
  what: 'team' | 'talent';
  talentId?: string;
}

export interface BusyQuery {
  tenant: string;
  /** People whose other auditions count as busy. */
  talentIds: string[];
  from: Date;
  to: Date;
  /** The audition being moved: its own current slot is not a conflict. */
  ignore?: { id: string; startsAt: Date; endsAt: Date };
}

export async function busyTime(deps: Pick<AuditionDeps, 'calendar' | 'store'>, q: BusyQuery): Promise<Busy[]> {
  const [team, booked] = await Promise.all([
    deps.calendar.freeBusy(deps.calendar.kind === 'local' ? [q.tenant] : [], q.from, q.to),
    deps.store.auditions.listBetween(q.tenant, q.from, q.to),
  ]);
  const own = booked.filter((a) => q.talentIds.includes(a.talentId) && a.id !== q.ignore?.id);
  const ignored = (i: Interval) =>
    q.ignore !== undefined && i.start.getTime() === q.ignore.startsAt.getTime() && i.end.getTime() === q.ignore.endsAt.getTime();
  return [
    ...team.filter((b) => !ignored(b)).map((b) => ({ start: b.start, end: b.end, what: 'team' as const })),
    ...own.map((a) => ({ start: a.startsAt, end: a.endsAt, what: 'talent' as const, talentId: a.talentId })),
  ].sort((a, b) => a.start.getTime() - b.start.getTime());
}
