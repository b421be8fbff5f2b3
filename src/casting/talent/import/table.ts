/**
 * How a roster reader hands over what it reads: the header, then each row as soon as it is read.
 * Rows are never gathered into one table first: at 100k people, the raw cells of every row alive at
 * once would outweigh the profiles made from them.
 */
export interface RowVisitor {
  /** The column names; a returned reason stops reading (the file is unusable as a whole). */
  header(names: string[]): string | undefined;
  /**
   * `row` is what the user sees: the file line for CSV (header = 1), the item number for JSON. A
   * returned reason stops reading (the file as a whole is refused).
   */
  row(row: number, cells: string[]): string | undefined;
  /** A row that could not be read as a row at all. */
  problem(row: number, reason: string): void;
}

export type ReadResult = { ok: true } | { ok: false; reason: string };
