/**
 * What the Slack adapter does with a shared file before reading a byte of it: screenplays and
 * rosters within their size limits go to the engine; anything else gets a clear answer (when the
 * bot was addressed) and is never downloaded.
 */
import type { Config } from '../../../config/config.js';
import { classifyFile } from '../../router/files.js';
import { fileName, type SlackFile } from './files.js';

export type FileVerdict = { ok: true } | { ok: false; kind: 'type' | 'size'; message: string };

export function checkFile(file: SlackFile, config: Pick<Config, 'SCRIPT_MAX_BYTES' | 'ROSTER_MAX_BYTES'>): FileVerdict {
  const name = fileName(file);
  const kind = classifyFile(name);
  if (kind === 'other') {
    return { ok: false, kind: 'type', message: `${name} is not something I can read: share a screenplay (.fountain, .fdx, .pdf, .txt) to analyze, or a roster (.csv, .json) to import.` };
  }
  const limit = kind === 'script' ? config.SCRIPT_MAX_BYTES : config.ROSTER_MAX_BYTES;
  if (file.size !== undefined && file.size > limit) {
    const what = kind === 'script' ? 'screenplays' : 'rosters';
    return { ok: false, kind: 'size', message: `${name} is ${mb(file.size)} MB; ${what} can be up to ${mb(limit)} MB, so I did not download it. Share a smaller file (a single draft, or the roster split in parts).` };
  }
  return { ok: true };
}

function mb(bytes: number): string {
  return (bytes / 1_048_576).toFixed(1);
}
