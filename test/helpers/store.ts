/** A fresh embedded store in its own temp dir, for tests. Close it in afterAll/afterEach. */
import { cp, mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase, type Database } from '../../src/memory/open-store.js';
import type { Store } from '../../src/memory/store.js';
import { TEMPLATE_ENV } from '../setup/template-env.js';

export async function tempDir(prefix = 'castmatch-test-'): Promise<string> {
  return mkdtemp(path.join(os.tmpdir(), prefix));
}

/**
 * A new data folder holding a copy of the run's migrated template database (see
 * `test/setup/template-database.ts`), so the app or CLI opening it skips creating a cluster.
 */
export async function tempDataDir(): Promise<string> {
  const dir = await tempDir();
  const template = process.env[TEMPLATE_ENV];
  // A lock in the template would name a live process (the one that made it): never copy one.
  if (template) await cp(template, dir, { recursive: true, filter: (src) => !src.endsWith('castmatch.lock') });
  return dir;
}

/** Opens an embedded (PGlite) database in a new temp dir; `close` also removes the dir. */
export async function createTestDatabase(dataDir?: string): Promise<Database & { dataDir: string }> {
  const dir = dataDir ?? (await tempDataDir());
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
