/**
 * `castmatch serve`: the bot. HTTP server (liveness, readiness, metrics, adapters, the chat page),
 * scheduler with the health-monitor job, and the chat adapters whose credentials are configured.
 * SIGTERM/SIGINT stop it gracefully: readiness turns 503 and no new requests are taken, turns in
 * flight finish (bounded by SHUTDOWN_GRACE_MS), Agenda releases its locks, the database closes, exit 0.
 */
import { createApp } from '../app.js';
import { startHttpServer, sendJson } from '../bot/http/server.js';
import type { HttpRoute } from '../bot/http/route.js';
import { cliLogger, configFrom, type GlobalOptions } from './runtime.js';
import { gracefulShutdown, onShutdownSignals } from '../ops/index.js';
import { localTurnRoute } from '../ops/local-turn-route.js';
import { isLoopbackHost } from '../config/config.js';
import { createWebChat } from '../bot/adapters/web/index.js';

export async function serveCommand(opts: GlobalOptions): Promise<void> {
  const config = configFrom(opts);
  const log = cliLogger(config, false);
  const app = await createApp({ config, log });
  const { ops, turns } = app;
  // The chat page at /: answers only requests from this machine, whatever HOST is.
  const web = await createWebChat({ handler: turns, config, log: log.child({ part: 'web' }) });
  const routes: HttpRoute[] = [
    {
      method: 'GET',
      path: '/healthz',
      listener: (_req, res) => sendJson(res, 200, { status: 'ok', uptimeSeconds: Math.round(process.uptime()) }),
    },
    ...ops.routes,
    // Unauthenticated: only where nothing but this machine can reach it.
    ...(isLoopbackHost(config.HOST) ? [localTurnRoute(turns)] : []),
    ...app.adapters.flatMap((a) => a.routes),
    ...web.routes,
  ];
  const server = await startHttpServer(routes, { port: config.PORT, host: config.HOST, log });
  for (const adapter of app.adapters) await adapter.start();
  await app.startScheduler();
  await ops.start();
  log.info({ port: server.port, store: app.db.store.kind, adapters: app.adapters.map((a) => a.name) }, 'CastMatch is up');

  onShutdownSignals(() => gracefulShutdown({ server, app, turns, ops, graceMs: config.SHUTDOWN_GRACE_MS, log }), log);
}
