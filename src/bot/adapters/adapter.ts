/**
 * What a chat platform adapter is: HTTP routes mounted on the bot's one server, a proactive
 * poster, and a start/stop lifecycle (Socket Mode connections and the like).
 */
import type { Logger } from 'pino';
import type { Config } from '../../config/config.js';
import type { Store } from '../../memory/store.js';
import type { ProactivePoster, TurnHandler } from '../turn-handler.js';
import type { HttpRoute } from '../http/route.js';

export interface AdapterDeps {
  config: Config;
  handler: TurnHandler;
  store: Store;
  log: Logger;
}

export interface ChatAdapter {
  readonly name: string;
  readonly routes: HttpRoute[];
  readonly poster: ProactivePoster;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** Readiness of the platform connection (auth.test, token), for /readyz. */
  check?(): Promise<{ ok: boolean; detail?: string }>;
}
