/**
 * Reads a roster file (CSV or JSON bytes) into validated profiles and row-by-row rejections.
 * `fatal` is set when the file as a whole is unusable (empty, binary, unreadable, no id or name
 * column): then no profile is returned, so nothing can be imported from it.
 */
import type { TalentProfile } from '../../../memory/records.js';
import { decodeRosterBytes, type RosterEncoding } from './decode.js';
import { mapHeaders, type HeaderMap, type RosterField } from './headers.js';
import { readCsv } from './csv.js';
import { readJson } from './json.js';
import { rosterRowSchema, rowToProfile, ValuePool } from './row-schema.js';
import type { RawTable } from './table.js';

/** One row that was not imported: where (row, and column when one cell is at fault) and why. */
export interface RosterRejection { row: number; column?: string; reason: string }

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

export function parseRoster(bytes: Uint8Array, fileName: string): ParsedRoster {
  const fatal = (reason: string, extra: Partial<ParsedRoster> = {}): ParsedRoster =>
    ({ profiles: [], rejected: [], fatal: `${fileName}: ${reason}`, ...extra });

  if (bytes.byteLength === 0) return fatal('the file is empty');
  const decoded = decodeRosterBytes(bytes);
  if (!decoded.ok) return fatal(decoded.reason);
  if (decoded.text.trim() === '') return fatal('the file is empty', { encoding: decoded.encoding });

  const format = detectFormat(decoded.text, fileName);
  const read = format === 'json' ? readJson(decoded.text) : readCsv(decoded.text);
  if (!read.ok) return fatal(read.reason, { format, encoding: decoded.encoding });

  const headers = mapHeaders(read.table.headers);
  const missing = (['id', 'name'] as const).filter((f) => headers.fields[f] === undefined);
  if (missing.length) {
    return fatal(`no ${missing.join(' or ')} column (found: ${headers.names.filter(Boolean).join(', ') || 'nothing'}); `
      + 'the first row must name the columns, with at least id and name', { format, encoding: decoded.encoding });
  }
  if (read.table.rows.length === 0 && read.table.problems.length === 0) {
    return fatal('the file has a header but no people', { format, encoding: decoded.encoding });
  }
  return { ...validateRows(read.table, headers), format, encoding: decoded.encoding };
}

function validateRows(table: RawTable, headers: HeaderMap): { profiles: TalentProfile[]; rejected: RosterRejection[] } {
  const rejected: RosterRejection[] = table.problems.map((p) => ({ row: p.row, reason: p.reason }));
  const valid: { row: number; profile: TalentProfile }[] = [];
  const pool = new ValuePool();
  const columnOf = (field: RosterField): string => {
    const i = headers.fields[field];
    return i === undefined ? field : headers.names[i] || field;
  };

  for (const { row, cells } of table.rows) {
    const input: Partial<Record<RosterField, string>> = {};
    for (const [field, index] of Object.entries(headers.fields) as [RosterField, number][]) input[field] = cells[index] ?? '';
    const parsed = rosterRowSchema.safeParse(input);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0] as RosterField | undefined;
        rejected.push({ row, ...(field ? { column: columnOf(field) } : {}), reason: issue.message });
      }
      continue;
    }
    const extra: Record<string, string> = {};
    for (const { index, name } of headers.extra) {
      const v = cells[index]?.trim();
      if (v) extra[name] = v;
    }
    valid.push({ row, profile: rowToProfile(parsed.data, extra, pool) });
  }

  // An id used twice in one file is ambiguous: which row is right? Every occurrence is rejected.
  const rowsById = new Map<string, number[]>();
  for (const v of valid) rowsById.set(v.profile.id, [...(rowsById.get(v.profile.id) ?? []), v.row]);
  const profiles: TalentProfile[] = [];
  for (const v of valid) {
    const rows = rowsById.get(v.profile.id)!;
    if (rows.length > 1) {
      rejected.push({ row: v.row, column: columnOf('id'), reason: `id ${v.profile.id} appears on rows ${rows.join(', ')}: keep one` });
    } else {
      profiles.push(v.profile);
    }
  }
  rejected.sort((a, b) => a.row - b.row);
  return { profiles, rejected };
}
