/**
 * Bolt's Logger interface over pino. Bolt's debug output can carry request bodies (tokens, talent's
 * personal data), so it is never forwarded; info, warnings and errors are, as one string each.
 */
import type { Logger as BoltLogger } from '@slack/bolt';
import { LogLevel } from '@slack/bolt';
import type { Logger } from 'pino';

export function boltLogger(log: Logger): BoltLogger {
  let level = LogLevel.INFO;
  let name = 'bolt';
  const text = (parts: unknown[]) =>
    parts.map((p) => (p instanceof Error ? p.message : typeof p === 'string' ? p : JSON.stringify(p))).join(' ');
  return {
    debug: () => {},
    info: (...msg: unknown[]) => log.info({ lib: name }, text(msg)),
    warn: (...msg: unknown[]) => log.warn({ lib: name }, text(msg)),
    error: (...msg: unknown[]) => log.error({ lib: name }, text(msg)),
    setLevel: (l: LogLevel) => {
      level = l;
    },
    getLevel: () => level,
    setName: (n: string) => {
      name = n;
    },
  };
}
