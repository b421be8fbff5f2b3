/** A fresh embedded store in its own temp dir, for tests. Close it in afterAll/afterEach. */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../src/memory/open-store.js';
import type { Store } from '../../src/memory/store.js';

export async function tempDir(prefix = 'castmatch-test-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/** Opens an embedded (PGlite) database in a new temp dir; `close` also removes the dir. */
export async function createTestDatabase(dataDir?: string): Promise<Database & { dataDir: string }> {
  const dir = dataDir ?? await tempDir();
  const db = await openDatabase({ CASTMATCH_DATA_DIR: dir });
  return {
    ...db,
    dataDir: dir,
    close: async () => {
      await db.close();
      if (!dataDir) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** A fresh PGlite store; closing it removes its files. */
export async function createTestStore(): Promise<Store> {
  const db = await createTestDatabase();
  return Object.assign(Object.create(Object.getPrototypeOf(db.store)) as Store, db.store, { close: db.close });
}
