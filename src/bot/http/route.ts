/** A webhook or endpoint mounted on the bot's one HTTP server (adapters' webhooks, health, metrics). */
import type { IncomingMessage as HttpRequest, ServerResponse } from 'node:http';

export type HttpListener = (req: HttpRequest, res: ServerResponse) => void | Promise<void>;

export interface HttpRoute {
  method: 'GET' | 'POST';
  path: string;
  listener: HttpListener;
}
