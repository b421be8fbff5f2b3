/**
 * Structured logs (pino). Secrets and private contact fields are redacted wherever they appear, and
 * raw request bodies are never logged: they hold tokens and talent's personal data.
 */
import { pino, type Logger } from 'pino';
import { SECRET_KEYS } from '../config/config.js';

const REDACT = [
  ...SECRET_KEYS.flatMap((k) => [k, `*.${k}`, `config.${k}`]),
  'token',
  '*.token',
  'authorization',
  '*.authorization',
  'headers.authorization',
  'req.headers.authorization',
  'password',
  '*.password',
  'apiKey',
  '*.apiKey',
  'botToken',
  '*.botToken',
  'email',
  '*.email',
  'phone',
  '*.phone',
  'contact',
  '*.contact',
];

export function createLogger(level: string = 'info', destination?: pino.DestinationStream): Logger {
  return pino({ level, redact: { paths: REDACT, censor: '[redacted]' }, base: { app: 'castmatch' } }, destination);
}

export type { Logger };
