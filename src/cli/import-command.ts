/**
 * `castmatch import talent FILE`: a roster into the terminal's workspace (`local:local`), the same
 * roster `castmatch chat` searches. Counts on stdout, then one line per rejected row.
 */
import path from 'node:path';
import type { App } from '../app.js';
import { fileIntake } from '../bot/file-intake.js';
import { localFile } from '../bot/adapters/terminal/local-file.js';
import { importRoster } from '../casting/talent/import/import-roster.js';
import { importSummary, rejectionLines } from '../skills/import-roster/index.js';
import { checkReadableFile } from './local-files.js';
import { TENANT } from './local-workspace.js';
import { withApp, type GlobalOptions } from './runtime.js';

/** Exits non-zero when nothing was imported. */
export async function importTalentCommand(file: string, opts: GlobalOptions): Promise<void> {
  await checkReadableFile(file);
  await withApp(opts, async (app) => {
    if (!(await importTalent(app, file))) process.exitCode = 1;
  });
}

/** Imports and prints what happened; false when the file gave no one (refused whole, or every row rejected). */
export async function importTalent(app: App, file: string): Promise<boolean> {
  // The same policy as a roster shared in chat: its type, and its size before it is read.
  const { bytes } = await fileIntake(app.config).read(await localFile(file), 'roster');
  const result = await importRoster(
    { store: app.db.store, embedder: await app.services.embedder(), vectors: app.services.vectors, log: app.log },
    TENANT,
    bytes,
    path.basename(file),
  );
  if (result.fatal) {
    process.stderr.write(`castmatch: nothing imported from ${result.fatal}\n`);
    for (const line of rejectionLines(result)) process.stderr.write(`  ${line}\n`);
    return false;
  }
  process.stdout.write(`${path.basename(file)}: ${importSummary(result)}\n`);
  for (const line of rejectionLines(result)) process.stdout.write(`  rejected ${line}\n`);
  return result.inserted + result.updated + result.unchanged > 0;
}
