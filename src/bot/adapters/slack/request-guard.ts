/**
 * In front of Bolt's signature check, the refusal it does not make: a request dated more than five
 * minutes ahead (Bolt only refuses old ones). Replays within the window are dropped after the
 * acknowledgement, by the command's or interaction's own id (listeners.ts), so this check stays
 * free of database writes on the three-second path.
 */
import type { Logger } from 'pino';
import type { HttpListener } from '../../http/route.js';

const WINDOW_MS = 5 * 60_000;

export function guardSlackRequests(listener: HttpListener, log: Logger, now: () => number = Date.now): HttpListener {
  return (req, res) => {
    const ts = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(ts) && ts * 1000 > now() + WINDOW_MS) {
      log.warn({ path: req.url, ahead: Math.round(ts - now() / 1000) }, 'Slack request dated in the future refused');
      res.writeHead(401).end();
      return;
    }
    return listener(req, res);
  };
}
