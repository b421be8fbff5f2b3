/**
 * The alert rules: given one picture of the bot's health, which conditions hold. Pure, so the
 * thresholds are tested without clocks or servers. How long a condition must last before anyone is
 * told (`forMs`) and whether they were told already is the incident book's business.
 */
import type { Readiness } from './checks.js';
import type { ResourceSample } from './resources.js';
import type { TurnStats } from './turn-window.js';

export interface MonitorThresholds {
  /** A dependency failing this long is an incident (a blip is not). */
  dependencyDownMs: number;
  /** Resident memory above this share of MEMORY_LIMIT_MB. */
  memoryRatio: number;
  /** Reply latency p95 over the window above this. */
  replyP95Ms: number;
  /** Share of turns answered with an error over the window above this. */
  errorRate: number;
  /** Fewer turns than this in the window say nothing about latency or errors. */
  minSamples: number;
}

export const DEFAULT_THRESHOLDS: MonitorThresholds = {
  dependencyDownMs: 5 * 60_000,
  memoryRatio: 0.8,
  replyP95Ms: 2_000,
  errorRate: 0.05,
  minSamples: 20,
};

/** One reading of everything the monitor watches. */
export interface HealthPicture {
  at: Date;
  readiness: Readiness;
  resources: ResourceSample;
  turns: TurnStats;
}

export interface Finding {
  /** Stable id: `dependency:database`, `memory`, `latency`, `errors`. */
  rule: string;
  /** What the alert says happened ("database is down"). */
  title: string;
  /** true: the condition holds; false: it does not; undefined: too little data to say (no change). */
  firing: boolean | undefined;
  detail: string;
  /** How long it must hold before an alert. */
  forMs: number;
}

export function evaluateRules(p: HealthPicture, t: MonitorThresholds): Finding[] {
  const findings: Finding[] = Object.entries(p.readiness.checks).map(([name, c]) => ({
    rule: `dependency:${name}`,
    title: `${name} is down`,
    firing: !c.ok,
    forMs: t.dependencyDownMs,
    detail: c.ok ? `${name} answers (${c.latencyMs} ms)` : `${name}: ${c.detail ?? 'failing'}`,
  }));
  const r = p.resources;
  findings.push({
    rule: 'memory',
    title: 'memory use is high',
    firing: r.memoryRatio > t.memoryRatio,
    forMs: 0,
    detail: `resident memory ${Math.round(r.rssMb)} MB of the ${r.limitMb} MB limit (${pct(r.memoryRatio)}; alert above ${pct(t.memoryRatio)})`,
  });
  const s = p.turns;
  const enough = s.count >= t.minSamples;
  const minutes = Math.round(s.windowMs / 60_000);
  findings.push({
    rule: 'latency',
    title: 'replies are slow',
    forMs: 0,
    firing: enough ? (s.p95Ms ?? 0) > t.replyP95Ms : undefined,
    detail: `reply p95 ${Math.round(s.p95Ms ?? 0)} ms over the last ${minutes} min (${s.count} replies; alert above ${t.replyP95Ms} ms)`,
  });
  findings.push({
    rule: 'errors',
    title: 'many replies fail',
    forMs: 0,
    firing: enough ? s.errorRate > t.errorRate : undefined,
    detail: `${s.errors} of ${s.count} replies failed over the last ${minutes} min (${pct(s.errorRate)}; alert above ${pct(t.errorRate)})`,
  });
  return findings;
}

function pct(x: number): string {
  return `${Math.round(x * 1000) / 10} %`;
}

/** The thresholds as configuration variables name them (all optional: the defaults above apply). */
export interface AlertSettings {
  ALERT_DEPENDENCY_DOWN_MINUTES: number;
  ALERT_MEMORY_PERCENT: number;
  ALERT_REPLY_P95_MS: number;
  ALERT_ERROR_RATE_PERCENT: number;
  ALERT_MIN_REPLIES: number;
}

/** Reads whichever ALERT_* settings are present into thresholds. */
export function thresholdsFromSettings(s: Partial<AlertSettings>): Partial<MonitorThresholds> {
  return {
    ...(s.ALERT_DEPENDENCY_DOWN_MINUTES !== undefined ? { dependencyDownMs: s.ALERT_DEPENDENCY_DOWN_MINUTES * 60_000 } : {}),
    ...(s.ALERT_MEMORY_PERCENT !== undefined ? { memoryRatio: s.ALERT_MEMORY_PERCENT / 100 } : {}),
    ...(s.ALERT_REPLY_P95_MS !== undefined ? { replyP95Ms: s.ALERT_REPLY_P95_MS } : {}),
    ...(s.ALERT_ERROR_RATE_PERCENT !== undefined ? { errorRate: s.ALERT_ERROR_RATE_PERCENT / 100 } : {}),
    ...(s.ALERT_MIN_REPLIES !== undefined ? { minSamples: s.ALERT_MIN_REPLIES } : {}),
  };
}
