/**
 * `castmatch serve`: the bot. HTTP server (health, adapters), scheduler, and the chat adapters
 * whose credentials are configured. SIGTERM/SIGINT stop it gracefully: no new requests, turns in
 * flight finish (bounded), Agenda releases its locks, the database closes.
 */
import { createApp } from '../app.js';
import { startHttpServer, sendJson } from '../bot/http/server.js';
import type { HttpRoute } from '../bot/adapters/adapter.js';
import { cliLogger, configFrom, type GlobalOptions } from './runtime.js';

export async function serveCommand(opts: GlobalOptions): Promise<void> {
  const config = configFrom(opts);
  const log = cliLogger(config, false);
  const app = await createApp({ config, log });
  const routes: HttpRoute[] = [
    { method: 'GET', path: '/healthz', listener: (_req, res) => sendJson(res, 200, { status: 'ok', uptimeSeconds: Math.round(process.uptime()) }) },
    ...app.adapters.flatMap((a) => a.routes),
  ];
  const server = await startHttpServer(routes, { port: config.PORT, host: config.HOST, log });
  for (const adapter of app.adapters) await adapter.start();
  await app.startScheduler();
  log.info({ port: server.port, store: app.db.store.kind, adapters: app.adapters.map((a) => a.name) }, 'CastMatch is up');

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    await server.close(config.SHUTDOWN_GRACE_MS);
    await app.close();
    log.info('bye');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}
