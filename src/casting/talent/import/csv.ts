/**
 * CSV (or TSV, or `;`-separated as European spreadsheets write it) read with csv-parse, each record
 * handed to a RowVisitor as it is parsed. Blank lines and all-empty records are skipped; a record
 * with more cells than the header is a problem of that row (an unquoted comma shifted its columns);
 * one with fewer is padded.
 *
 * The text goes to csv-parse's streaming parser a slice at a time, with a turn of the event loop
 * between slices: a 100k-person roster takes seconds to read, and in one synchronous run it would
 * stall every chat turn (and Slack's 3-second acknowledgements) meanwhile; V8 also finishes its
 * garbage collections in those turns, which kept the heap of a large import from doubling.
 */
import { setImmediate as nextTurn } from 'node:timers/promises';
import { finished } from 'node:stream/promises';
import { parse, CsvError } from 'csv-parse';
import type { ReadResult, RowVisitor } from './table.js';

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

/** Thrown from inside the parser to stop at an unusable header. */
class StopReading extends Error {}

/** Characters handed to the parser between two turns of the event loop. */
const SLICE = 256 * 1024;

/** Where the slice starting at `at` ends: never between the two halves of a surrogate pair (an emoji). */
function sliceEnd(text: string, at: number): number {
  const end = Math.min(text.length, at + SLICE);
  const last = text.charCodeAt(end - 1);
  return end < text.length && last >= 0xd800 && last <= 0xdbff ? end - 1 : end;
}

export async function readCsv(text: string, visitor: RowVisitor): Promise<ReadResult> {
  let headers: string[] | undefined;
  try {
    const parser = parse({
      delimiter: detectDelimiter(text.replace(/^[\s]+/, '')),
      bom: true,
      // Files edited on two systems mix CRLF and LF: accept both (and old Mac CR) anywhere.
      record_delimiter: ['\r\n', '\n', '\r'],
      skip_empty_lines: true,
      skip_records_with_empty_values: true,
      relax_column_count: true,
      relax_quotes: true,
      // Each record goes to the visitor and is dropped here (null), so the parser keeps none.
      on_record: (cells: string[], context) => {
        if (!headers) {
          headers = cells;
          const stop = visitor.header(cells);
          if (stop) throw new StopReading(stop);
          return null;
        }
        // The line where the record starts, as the user sees it in an editor.
        const row = context.lines - innerNewlines(cells);
        if (cells.length > headers.length && cells.slice(headers.length).some((c) => c.trim() !== '')) {
          visitor.problem(row, `has ${cells.length} cells but the header has ${headers.length} columns (is a comma missing its quotes?)`);
        } else {
          const stop = visitor.row(row, cells);
          if (stop) throw new StopReading(stop);
        }
        return null;
      },
    });
    parser.resume(); // no records come out (on_record drops them); flowing lets the stream end
    const done = finished(parser);
    done.catch(() => {
      /* awaited below */
    });
    for (let at = 0; at < text.length && !parser.errored;) {
      const end = sliceEnd(text, at);
      parser.write(text.slice(at, end));
      at = end;
      await nextTurn();
    }
    if (!parser.destroyed) parser.end();
    await done;
  } catch (err) {
    if (err instanceof StopReading) return { ok: false, reason: err.message };
    if (err instanceof CsvError) {
      const line = (err as CsvError & { lines?: number }).lines;
      return { ok: false, reason: `the file is not valid CSV${line ? ` (line ${line})` : ''}: ${err.message.replace(/^.*?:\s*/, '')}` };
    }
    throw err;
  }
  if (!headers) return { ok: false, reason: 'the file is empty' };
  return { ok: true };
}
