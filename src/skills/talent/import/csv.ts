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

/** Line breaks inside a record's own cells (quoted multi-line text). */
function innerNewlines(cells: string[]): number {
  let n = 0;
  for (const c of cells) for (let i = c.indexOf('\n'); i !== -1; i = c.indexOf('\n', i + 1)) n++;
  return n;
}

export function readCsv(text: string): TableResult {
  let records: string[][];
  // The line where each record starts, as the user sees it in an editor.
  const lines: number[] = [];
  try {
    records = parse(text, {
      delimiter: detectDelimiter(text.replace(/^[\s]+/, '')),
      bom: true,
      // Files edited on two systems mix CRLF and LF: accept both (and old Mac CR) anywhere.
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
      relax_quotes: true,
      // Only the line number is kept beside the cells: asking for each record's raw text and
      // details would keep all of them alive at once on a large roster.
      on_record: (record, context) => { lines.push(context.lines - innerNewlines(record)); return record; },
    });
  } catch (err) {
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines;
      return { ok: false, reason: `the file is not valid CSV${line ? ` (line ${line})` : ''}: ${err.message.replace(/^.*?:\s*/, '')}` };
    }
    throw err;
  }
  const [headers, ...rest] = records;
  if (!headers) return { ok: false, reason: 'the file is empty' };
  const table: RawTable = { headers, rows: [], problems: [] };
  rest.forEach((cells, i) => {
    const row = lines[i + 1]!;
    if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim() !== '')) {
      table.problems.push({ row, reason: `has ${cells.length} cells but the header has ${headers.length} columns (is a comma missing its quotes?)` });
      return;
    }
    table.rows.push({ row, cells });
  });
  return { ok: true, table };
}
