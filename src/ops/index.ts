/**
 * Operations: readiness (/readyz), Prometheus metrics (/metrics), the health-monitor job with
 * alerts to OPS_CHANNEL, `/cast status`, and graceful shutdown. `installOps` wires it all.
 */
export { installOps, type OpsApp, type InstallOpsOptions, type OpsInstallation } from './install.js';
export { Telemetry, createTelemetry, type TelemetryOptions } from './telemetry.js';
export { trackInFlight, type TrackedHandler } from './in-flight.js';
export { gracefulShutdown, onShutdownSignals } from './shutdown.js';
export type { Readiness } from './checks.js';
export { HEALTH_JOB, HEALTH_JOB_KEY } from './monitor.js';
export type { AlertSettings } from './rules.js';
