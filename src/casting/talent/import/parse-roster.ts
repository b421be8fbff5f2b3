/**
 * Reads a roster file (CSV or JSON bytes) into validated profiles and row-by-row rejections.
 * `fatal` is set when the file as a whole is unusable (empty, binary, unreadable, no id or name
 * column): then no profile is returned, so nothing can be imported from it.
 */
import type { TalentProfile } from '../../../memory/records.js';
import { decodeRosterBytes, type RosterEncoding } from './decode.js';
import { readCsv } from './csv.js';
import { readJson } from './json.js';
import { RosterRows, type RosterRejection } from './roster-rows.js';

export type { RosterRejection } from './roster-rows.js';

export interface ParsedRoster {
  profiles: TalentProfile[];
  rejected: RosterRejection[];
  fatal?: string;
  format?: 'csv' | 'json';
  encoding?: RosterEncoding;
}

function detectFormat(text: string, fileName: string): 'csv' | 'json' {
  const ext = fileName.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext === 'json') return 'json';
  if (ext === 'csv' || ext === 'tsv' || ext === 'txt') return 'csv';
  return /^\s*[[{]/.test(text) ? 'json' : 'csv';
}

/** @param maxRows rows one import takes (ROSTER_MAX_ROWS; smaller in tests). */
export async function parseRoster(bytes: Uint8Array, fileName: string, maxRows?: number): Promise<ParsedRoster> {
  const fatal = (reason: string, extra: Partial<ParsedRoster> = {}): ParsedRoster => ({
    profiles: [],
    rejected: [],
    fatal: `${fileName}: ${reason}`,
    ...extra,
  });

  if (bytes.byteLength === 0) return fatal('the file is empty');
  const decoded = decodeRosterBytes(bytes);
  if (!decoded.ok) return fatal(decoded.reason);
  if (decoded.text.trim() === '') return fatal('the file is empty', { encoding: decoded.encoding });

  const format = detectFormat(decoded.text, fileName);
  const rows = new RosterRows(maxRows);
  const read = format === 'json' ? readJson(decoded.text, rows) : await readCsv(decoded.text, rows);
  if (!read.ok) return fatal(read.reason, { format, encoding: decoded.encoding });
  if (rows.empty) return fatal('the file has a header but no people', { format, encoding: decoded.encoding });
  return { ...rows.result(), format, encoding: decoded.encoding };
}
