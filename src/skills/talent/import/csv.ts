/**
 * CSV (or TSV, or `;`-separated as European spreadsheets write it) into a RawTable with csv-parse.
 * Blank lines and all-empty records are skipped; a record with more cells than the header is a
 * problem of that row (an unquoted comma shifted its columns); one with fewer is padded.
 */
import { parse, CsvError } from 'csv-parse/sync';
import type { RawTable, TableResult } from './table.js';

/** The separator the header line uses most: `,`, `;` or tab. */
function detectDelimiter(text: string): string {
  const firstLine = text.split(/\r?\n/, 1)[0] ?? '';
  const counts = [',', ';', '\t'].map((d) => ({ d, n: firstLine.split(d).length - 1 }));
  counts.sort((a, b) => b.n - a.n);
  return counts[0]!.n > 0 ? counts[0]!.d : ',';
}

/** Newlines inside a record's own text (quoted multi-line cells), not counting blank lines before it. */
function innerNewlines(raw: string): number {
  return (raw.replace(/^[\r\n]+/, '').replace(/\r?\n$/, '').match(/\n/g) ?? []).length;
}

export function readCsv(text: string): TableResult {
  let records: { record: string[]; info: { lines: number }; raw: string }[];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text.replace(/^[\s]+/, '')),
      bom: true,
      // Files edited on two systems mix CRLF and LF: accept both (and old Mac CR) anywhere.
      record_delimiter: ['\r\n', '\n', '\r'],
      info: true,
      raw: true,
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
      relax_quotes: true,
    }) as unknown as { record: string[]; info: { lines: number }; raw: string }[];
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines;
      return { ok: false, reason: `the file is not valid CSV${line ? ` (line ${line})` : ''}: ${err.message.replace(/^.*?:\s*/, '')}` };
    }
    throw err;
  }
  const [header, ...rest] = records;
  if (!header) return { ok: false, reason: 'the file is empty' };
  const headers = header.record;
  const table: RawTable = { headers, rows: [], problems: [] };
  for (const r of rest) {
    const row = r.info.lines - innerNewlines(r.raw);
    if (r.record.length > headers.length && r.record.slice(headers.length).some((c) => c.trim() !== '')) {
      table.problems.push({ row, reason: `has ${r.record.length} cells but the header has ${headers.length} columns (is a comma missing its quotes?)` });
      continue;
    }
    table.rows.push({ row, cells: r.record });
  }
  return { ok: true, table };
}
