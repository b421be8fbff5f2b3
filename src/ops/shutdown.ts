/**
 * Graceful shutdown, in order: stop taking requests (readiness turns 503 and the server stops
 * accepting), let requests and turns in flight finish within the grace period, then close the app
 * (chat adapters, Agenda — which releases the locks of jobs this process held, so another replica
 * takes them at once — and the database last, since a finishing turn still writes to it).
 */
import type { Logger } from 'pino';
import type { InFlightTurns } from './in-flight.js';
import { withTimeout } from './timeout.js';

export interface ShutdownDeps {
  /** The HTTP server: close(graceMs) stops accepting and waits (bounded) for requests in flight. */
  server?: { close(graceMs?: number): Promise<void> };
  /** Closes adapters, the scheduler and the database. */
  app: { close(): Promise<void> };
  /** Turns being worked on (trackInFlight). */
  turns?: InFlightTurns;
  /** The operations part (monitor timers, readiness): stopped first. */
  ops?: { stop(): Promise<void> };
  /** How long requests and turns in flight may take to finish. */
  graceMs: number;
  log: Logger;
  /** Ends the process; tests pass a recorder. */
  exit?: (code: number) => void;
}

/** Runs the shutdown and exits: 0 when everything closed, 1 when closing failed or hung. */
export async function gracefulShutdown(deps: ShutdownDeps): Promise<number> {
  const { log, graceMs } = deps;
  const started = Date.now();
  const left = () => Math.max(0, graceMs - (Date.now() - started));
  let code = 0;
  log.info({ graceMs, turnsInFlight: deps.turns?.inFlight ?? 0 }, 'shutting down: no new requests');

  await deps.ops?.stop().catch((err: unknown) => log.error({ err }, 'operations did not stop cleanly'));
  const [, idle] = await Promise.all([
    deps.server?.close(graceMs).catch((err: unknown) => log.error({ err }, 'http server did not close cleanly')),
    deps.turns ? deps.turns.idle(graceMs) : Promise.resolve(true),
  ]);
  if (!idle) log.warn({ abandoned: deps.turns?.inFlight ?? 0, graceMs }, 'grace period over: turns still running are abandoned');

  try {
    // Closing gets its own bound: a database that hangs on close must not keep the process alive.
    await withTimeout(deps.app.close(), Math.max(left(), 5_000), 'closing the app');
  } catch (err) {
    log.error({ err }, 'could not close cleanly');
    code = 1;
  }
  log.info({ ms: Date.now() - started, code }, 'bye');
  (deps.exit ?? ((c: number) => process.exit(c)))(code);
  return code;
}

/**
 * Runs `shutdown` on the first SIGTERM or SIGINT; a second signal while shutting down exits at once
 * with 1 (an operator who presses Ctrl-C twice means it).
 */
export function onShutdownSignals(shutdown: (signal: string) => Promise<unknown>, log: Logger): void {
  let stopping = false;
  const handler = (signal: NodeJS.Signals) => {
    if (stopping) {
      log.warn({ signal }, 'second signal: exiting now');
      process.exit(1);
    }
    stopping = true;
    log.info({ signal }, 'signal received');
    shutdown(signal).catch((err: unknown) => {
      log.error({ err }, 'shutdown failed');
      process.exit(1);
    });
  };
  process.on('SIGTERM', handler);
  process.on('SIGINT', handler);
}
