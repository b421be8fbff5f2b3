/**
 * `/cast status`: the monitor's picture as a Reply — each dependency with its state and latency,
 * memory and event-loop delay, the reply figures over the window, and open incidents.
 */
import { reply, type Reply } from '../bot/reply.js';
import type { Incident } from './incidents.js';
import type { HealthPicture, MonitorThresholds } from './rules.js';

/** What the status reply reads (the HealthMonitor provides it). */
export interface StatusSource {
  readonly thresholds: MonitorThresholds;
  picture(now: Date): Promise<HealthPicture>;
  openIncidents(): Incident[];
}

export async function statusReply(source: StatusSource, opts: { now?: Date; alertTarget?: string } = {}): Promise<Reply> {
  const picture = await source.picture(opts.now ?? new Date());
  return renderStatus(picture, source.openIncidents(), source.thresholds, opts.alertTarget);
}

export function renderStatus(p: HealthPicture, incidents: Incident[], t: MonitorThresholds, alertTarget?: string): Reply {
  const checks = Object.entries(p.readiness.checks);
  const down = checks.filter(([, c]) => !c.ok).map(([name]) => name);
  const alerted = incidents.filter((i) => i.alertedAt);
  const headline = !p.readiness.ready
    ? `Not ready: ${down.join(', ')} down`
    : down.length
      ? `Working, degraded: ${down.join(', ')} unavailable (fallbacks in use)`
      : 'All systems normal';
  const r = p.resources;
  const s = p.turns;
  const minutes = Math.round(s.windowMs / 60_000);
  const builder = reply(`CastMatch status: ${headline}`)
    .heading('CastMatch status')
    .section(`${p.readiness.ready && down.length === 0 ? '✅' : '⚠'} ${headline}`)
    .table(
      ['Dependency', 'State', 'Latency', 'Detail'],
      checks.map(([name, c]) => [name, c.ok ? 'up' : 'DOWN', `${c.latencyMs} ms`, c.detail ?? '']),
    )
    .fields([
      {
        label: 'Memory',
        value: `${Math.round(r.rssMb)} MB of ${r.limitMb} MB (${Math.round(r.memoryRatio * 100)} %), heap ${Math.round(r.heapUsedMb)} MB`,
      },
      {
        label: 'Event loop delay',
        value: r.eventLoopP99Ms === undefined ? 'not measured yet' : `p99 ${r.eventLoopP99Ms} ms, max ${r.eventLoopMaxMs ?? 0} ms`,
      },
      {
        label: `Replies (last ${minutes} min)`,
        value: s.count
          ? `${s.count}, p95 ${Math.round(s.p95Ms ?? 0)} ms (goal ≤ ${t.replyP95Ms} ms), ${Math.round(s.errorRate * 1000) / 10} % errors`
          : 'none',
      },
    ]);
  if (alerted.length) builder.section(`*Open incidents*\n${alerted.map((i) => `• ${i.title} since ${i.since}`).join('\n')}`);
  if (alertTarget) builder.context(`Alerts go to ${alertTarget}.`);
  return builder.build();
}
