/**
 * One migrated embedded database, made once per test run by jest's global setup. Every test that
 * needs a fresh database gets a copy of it (`tempDataDir`), which opens in well under a second,
 * where creating a PGlite cluster from nothing takes seconds and, on a loaded machine, long enough
 * to time out a `beforeAll`.
 */
import { mkdtemp } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../src/memory/open-store.js';

export async function makeTemplateDatabase(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'castmatch-template-'));
  const db = await openDatabase({ CASTMATCH_DATA_DIR: dir });
  await db.close();
  return dir;
}
