/**
 * The embedded default database: PGlite in-process with its files under the data dir. Agenda needs
 * a wire-protocol connection, so a PGlite socket server is started on loopback for it; the store
 * itself talks to PGlite directly.
 */
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';
import { lockDataDir } from './data-dir-lock.js';

/**
 * PGlite runs one query at a time, so more connections only queue; the socket server refuses a
 * connection beyond its limit outright ("Connection terminated unexpectedly" in the client), and
 * frees a slot only after a closed socket's handler is torn down. The scheduler's pool therefore
 * stays well under the server's limit, with room for a second scheduler (a restarting replica).
 */
export const EMBEDDED_SCHEDULER_CONNECTIONS = 4;
const EMBEDDED_SERVER_CONNECTIONS = 32;

export interface EmbeddedPostgres {
  db: PGlite;
  /** A `postgresql://` URL on 127.0.0.1 reaching the same database (started on first call). */
  connectionUrl(): Promise<string>;
  close(): Promise<void>;
}

export async function openEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  const dir = path.resolve(dataDir, 'pglite');
  await mkdir(dir, { recursive: true });
  // Before the files are opened: a second process on them would corrupt them (data-dir-lock.ts).
  const release = await lockDataDir(path.resolve(dataDir));
  let db: PGlite;
  try {
    db = await PGlite.create(dir);
  } catch (err) {
    await release();
    throw err;
  }
  let server: PGLiteSocketServer | undefined;
  let url: Promise<string> | undefined;
  return {
    db,
    connectionUrl: () => {
      url ??= (async () => {
        // Port 0 lets the OS pick: two bot processes (or tests) never collide.
        server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: EMBEDDED_SERVER_CONNECTIONS });
        await server.start();
        return `postgresql://postgres@${server.getServerConn()}/postgres?sslmode=disable`;
      })();
      return url;
    },
    close: async () => {
      await server?.stop();
      if (!db.closed) await db.close();
      await release();
    },
  };
}
