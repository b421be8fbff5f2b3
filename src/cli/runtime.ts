/** Shared start-up for CLI commands: configuration (with --data-dir), logging, the app. */
import { pino } from 'pino';
import { createApp, type App } from '../app.js';
import { loadConfig, ConfigError, type Config } from '../config/config.js';
import { createLogger, type Logger } from '../log/logger.js';
import { fileProblem } from './local-files.js';

export interface GlobalOptions {
  dataDir?: string;
}

export function configFrom(opts: GlobalOptions, env: Record<string, string | undefined> = process.env): Config {
  return loadConfig({ ...env, ...(opts.dataDir ? { CASTMATCH_DATA_DIR: opts.dataDir } : {}) });
}

/** CLI commands other than `serve` log to stderr, so stdout carries only their answers. */
export function cliLogger(config: Config, toStderr = true, env: Record<string, string | undefined> = process.env): Logger {
  // A conversation in the terminal should read like one: only warnings unless LOG_LEVEL asks for more.
  const level = toStderr && !env.LOG_LEVEL ? 'warn' : config.LOG_LEVEL;
  return createLogger(level, toStderr ? pino.destination(2) : undefined);
}

/** Runs one command against the app and closes it, whether the command succeeds or not. */
export async function withApp<T>(opts: GlobalOptions, run: (app: App) => Promise<T>): Promise<T> {
  const config = configFrom(opts);
  const app = await createApp({ config, log: cliLogger(config) });
  try {
    return await run(app);
  } finally {
    await app.close();
  }
}

/** Prints a user-facing failure and exits non-zero; configuration errors name the variable. */
export function fail(err: unknown): never {
  if (err instanceof ConfigError) process.stderr.write(`${err.message}\n`);
  // A file that vanished or changed after it was checked still gets one line, not Node's errno text.
  else process.stderr.write(`castmatch: ${fileProblem(err) ?? (err as Error).message ?? String(err)}\n`);
  process.exit(err instanceof ConfigError ? 78 : 1);
}
