/** A roster read into rows of cells, before any field is interpreted. */
export interface RawTable {
  headers: string[];
  /** `row` is what the user sees: the file line for CSV (header = 1), the item number for JSON. */
  rows: { row: number; cells: string[] }[];
  /** Rows that could not be read as rows at all. */
  problems: { row: number; reason: string }[];
}

export type TableResult = { ok: true; table: RawTable } | { ok: false; reason: string };
