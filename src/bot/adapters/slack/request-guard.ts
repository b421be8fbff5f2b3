/**
 * In front of Bolt's signature check, two refusals it does not make: a request dated more than five
 * minutes ahead (Bolt only refuses old ones), and the same signed slash command or interaction a
 * second time: Slack never sends one twice, so a repeat is a replay. (Events are retried by Slack
 * and deduplicated by their event id instead.)
 */
import type { Logger } from 'pino';
import type { OnceRepo } from '../../../memory/store.js';
import type { HttpListener } from '../../http/route.js';

const WINDOW_MS = 5 * 60_000;
/** A replayed signature is refused for longer than its timestamp would be accepted. */
const REMEMBER_MS = 2 * WINDOW_MS;

/** @param once where signatures seen are kept; without it only future dates are refused. */
export function guardSlackRequests(
  listener: HttpListener,
  once: OnceRepo | undefined,
  log: Logger,
  now: () => number = Date.now,
): HttpListener {
  return async (req, res) => {
    const ts = Number(req.headers['x-slack-request-timestamp']);
    if (Number.isFinite(ts) && ts * 1000 > now() + WINDOW_MS) {
      log.warn({ path: req.url, ahead: Math.round(ts - now() / 1000) }, 'Slack request dated in the future refused');
      res.writeHead(401).end();
      return;
    }
    const signature = req.headers['x-slack-signature'];
    if (once && req.method === 'POST' && typeof signature === 'string' && signature) {
      if (!(await once.claim(`slack-request:${signature}`, REMEMBER_MS))) {
        log.warn({ path: req.url }, 'replayed Slack request refused');
        res.writeHead(401).end();
        return;
      }
    }
    return listener(req, res);
  };
}
