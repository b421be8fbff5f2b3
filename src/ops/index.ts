/**
 * Operations: readiness (/readyz), Prometheus metrics (/metrics), the health-monitor job with
 * alerts to OPS_CHANNEL, `/cast status`, and graceful shutdown. `installOps` wires it all.
 */
export { installOps, type OpsApp, type InstallOpsOptions, type OpsInstallation } from './install.js';
export { Telemetry, createTelemetry, type TelemetryOptions } from './telemetry.js';
export { trackInFlight, type InFlightTurns, type TrackedHandler } from './in-flight.js';
export { gracefulShutdown, onShutdownSignals, type ShutdownDeps } from './shutdown.js';
export { OpsMetrics, instrumentJob, metricsRoute } from './metrics.js';
export { HealthChecks, readinessRoute, standardChecks, breakerCheck, databaseCheck, schedulerCheck, adapterChecks } from './checks.js';
export type { Readiness, CheckOutcome, DependencyCheck } from './checks.js';
export { HealthMonitor, HEALTH_JOB, HEALTH_JOB_KEY, type TickReport } from './monitor.js';
export { DEFAULT_THRESHOLDS, evaluateRules, thresholdsFromSettings, type AlertSettings, type MonitorThresholds, type HealthPicture, type Finding } from './rules.js';
export { statusReply, renderStatus } from './status.js';
export { parseOpsChannel, OpsChannelError, AlertSink } from './alerts.js';
export { IncidentBook, type Incident } from './incidents.js';
export { ProcessResources, type ResourceSample, type ResourceSource } from './resources.js';
export { TurnWindow, type TurnStats } from './turn-window.js';
