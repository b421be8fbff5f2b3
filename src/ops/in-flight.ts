/**
 * Counts turns being worked on, so a graceful shutdown can wait for them. Adapters acknowledge the
 * platform first and work after (Slack's 3 seconds), so the HTTP server's own request count does
 * not see a turn that is still running: the turn handler itself is wrapped.
 */
import type { IncomingMessage } from '../bot/message.js';
import type { ReplySink, TurnHandler } from '../bot/turn-handler.js';

export interface InFlightTurns {
  /** Turns started and not yet finished. */
  readonly inFlight: number;
  /** Resolves true once no turn is running, or false when `timeoutMs` passes first. */
  idle(timeoutMs: number): Promise<boolean>;
}

export type TrackedHandler = TurnHandler & InFlightTurns;

export function trackInFlight(handler: TurnHandler): TrackedHandler {
  let count = 0;
  const waiters = new Set<() => void>();
  return {
    get inFlight() {
      return count;
    },
    async handle(message: IncomingMessage, sink: ReplySink): Promise<void> {
      count++;
      try {
        await handler.handle(message, sink);
      } finally {
        count--;
        if (count === 0) for (const w of [...waiters]) w();
      }
    },
    idle(timeoutMs: number): Promise<boolean> {
      if (count === 0) return Promise.resolve(true);
      return new Promise<boolean>((resolve) => {
        const done = (ok: boolean) => {
          clearTimeout(timer);
          waiters.delete(wake);
          resolve(ok);
        };
        const wake = () => done(true);
        const timer = setTimeout(() => done(false), Math.max(0, timeoutMs));
        waiters.add(wake);
      });
    },
  };
}
