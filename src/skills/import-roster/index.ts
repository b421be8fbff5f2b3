/**
 * A roster CSV or JSON uploaded in a chat: read it (size checked before download), import it into
 * the workspace's roster and answer with the counts and the first rejected rows. Rejection reasons
 * never echo e-mail or phone values.
 */
import type { SharedFile } from '../../bot/message.js';
import { fileIntake, FileRefusedError } from '../../bot/file-intake.js';
import { errorReply, reply, type Reply } from '../../bot/reply.js';
import type { SkillContext } from '../../bot/skill.js';
import { importRoster, type ImportResult } from '../../casting/talent/import/import-roster.js';

const SHOWN_REJECTIONS = 5;

/** Rows with at least one problem (a row can have several). */
export function rejectedRowCount(r: ImportResult): number {
  return new Set(r.rejected.map((x) => x.row)).size;
}

/** "12 new, 3 updated, 385 unchanged, 2 rejected": shared by the chat reply and the CLI. */
export function importSummary(r: ImportResult): string {
  return (
    `${r.inserted} new, ${r.updated} updated, ${r.unchanged} unchanged, ${rejectedRowCount(r)} rejected` +
    (r.reembedded ? ` (${r.reembedded} others re-embedded for the new model)` : '')
  );
}

/** One line per rejected row, "row 7, playing_age_min: \"abc\" is not a whole number". */
export function rejectionLines(r: ImportResult, max = Infinity): string[] {
  return r.rejected.slice(0, max).map((x) => `row ${x.row}${x.column ? `, ${x.column}` : ''}: ${x.reason}`);
}

export async function importRosterFromMessage(ctx: SkillContext, file: SharedFile): Promise<Reply> {
  let bytes: Uint8Array;
  try {
    ({ bytes } = await fileIntake(ctx.services.config).read(file, 'roster'));
  } catch (err) {
    if (!(err instanceof FileRefusedError)) throw err;
    ctx.log.warn({ code: err.code, err: err.message, file: file.name }, 'roster refused');
    return errorReply(err.message);
  }
  await ctx.progress(`Importing ${file.name}…`);
  const result = await importRoster(
    {
      store: ctx.store,
      embedder: await ctx.services.embedder(),
      vectors: ctx.services.vectors,
      log: ctx.log,
      now: () => ctx.now(),
    },
    ctx.tenant,
    bytes,
    file.name,
  );

  if (result.fatal) return errorReply(`Nothing imported from ${result.fatal}.`);
  const imported = result.inserted + result.updated;
  const summary = `Roster ${file.name}: ${importSummary(result)}.`;
  const b = reply(summary).section(
    imported || result.unchanged ? `*Roster imported* · ${importSummary(result)}` : `*Nothing imported* from ${file.name}`,
  );
  if (result.rejected.length) {
    b.table(
      ['row', 'column', 'reason'],
      result.rejected.slice(0, SHOWN_REJECTIONS).map((x) => [String(x.row), x.column ?? '', x.reason]),
    );
    if (result.rejected.length > SHOWN_REJECTIONS)
      b.context(
        `…and ${result.rejected.length - SHOWN_REJECTIONS} more problems. Fix them and upload the file again: unchanged people are skipped.`,
      );
  }
  const out = b.build();
  return imported || result.unchanged ? out : { ...out, isError: true };
}
