/**
 * The bot's one HTTP server: health, readiness, metrics and every adapter's webhook routes.
 * Requests are counted so a graceful shutdown can wait for those in flight.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Logger } from 'pino';
import type { HttpRoute } from './route.js';

export interface HttpServer {
  readonly port: number;
  url(path?: string): string;
  /** Stops accepting connections and waits (bounded) for requests in flight. */
  close(graceMs?: number): Promise<void>;
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(text) });
  res.end(text);
}

export async function startHttpServer(routes: HttpRoute[], opts: { port: number; host: string; log: Logger }): Promise<HttpServer> {
  const table = new Map(routes.map((r) => [`${r.method} ${r.path}`, r.listener]));
  let inFlight = 0;
  let draining: (() => void) | undefined;

  const server = http.createServer((req, res) => {
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const listener = table.get(`${req.method ?? 'GET'} ${path}`);
    if (!listener) {
      const known = routes.some((r) => r.path === path);
      sendJson(res, known ? 405 : 404, { error: known ? 'method not allowed' : 'not found' });
      return;
    }
    inFlight++;
    res.on('close', () => {
      inFlight--;
      if (inFlight === 0) draining?.();
    });
    Promise.resolve(listener(req, res)).catch((err: unknown) => {
      opts.log.error({ err, path }, 'http handler failed');
      if (!res.headersSent) sendJson(res, 500, { error: 'internal error' });
      else res.end();
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, opts.host, () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  opts.log.info({ port }, 'http server listening');

  return {
    port,
    url: (p = '/') => `http://127.0.0.1:${port}${p}`,
    close: async (graceMs = 10_000) => {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      if (inFlight > 0) {
        await Promise.race([
          new Promise<void>((r) => {
            draining = r;
          }),
          new Promise((r) => setTimeout(r, graceMs).unref()),
        ]);
      }
      server.closeAllConnections();
      await closed;
    },
  };
}
