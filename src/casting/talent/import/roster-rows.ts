/**
 * The RowVisitor that turns a roster's rows into profiles as they are read: the header is mapped
 * to roster fields (no id or name column stops reading), each row is validated with the row
 * schema, and each failure becomes a rejection naming the row, the column and the reason.
 */
import type { TalentProfile } from '../../../memory/records.js';
import { mapHeaders, type HeaderMap, type RosterField } from './headers.js';
import { rowToProfile, validateRow, ValuePool } from './row-schema.js';
import type { RowVisitor } from './table.js';

/** One row that was not imported: where (row, and column when one cell is at fault) and why. */
export interface RosterRejection {
  row: number;
  column?: string;
  reason: string;
}

/** Rows one import takes: the whole file is held, validated and embedded at once (docs/roster-format.md). */
export const ROSTER_MAX_ROWS = 200_000;

export class RosterRows implements RowVisitor {
  private headers: HeaderMap | undefined;
  private readonly valid: { row: number; profile: TalentProfile }[] = [];
  private readonly rejected: RosterRejection[] = [];
  private readonly pool = new ValuePool();
  private seen = 0;

  constructor(private readonly maxRows = ROSTER_MAX_ROWS) {}

  header(names: string[]): string | undefined {
    const headers = mapHeaders(names);
    const missing = (['id', 'name'] as const).filter((f) => headers.fields[f] === undefined);
    if (missing.length) {
      return (
        `no ${missing.join(' or ')} column (found: ${headers.names.filter(Boolean).join(', ') || 'nothing'}); ` +
        'the first row must name the columns, with at least id and name'
      );
    }
    this.headers = headers;
    return undefined;
  }

  problem(row: number, reason: string): void {
    this.rejected.push({ row, reason });
  }

  row(row: number, cells: string[]): string | undefined {
    const headers = this.headers;
    if (!headers) throw new Error('RosterRows: a row came before the header');
    if (++this.seen > this.maxRows)
      return `the file has more than ${this.maxRows.toLocaleString('en')} people; a roster is imported up to ${this.maxRows.toLocaleString('en')} rows at a time: split it into parts`;
    const input: Partial<Record<RosterField, string>> = {};
    for (const [field, index] of Object.entries(headers.fields) as [RosterField, number][]) input[field] = cells[index] ?? '';
    const checked = validateRow(input);
    if (!checked.ok) {
      for (const { field, message } of checked.issues) this.rejected.push({ row, column: this.columnOf(field), reason: message });
      return undefined;
    }
    const extra: Record<string, string> = {};
    for (const { index, name } of headers.extra) {
      const v = cells[index]?.trim();
      if (v) extra[name] = v;
    }
    this.valid.push({ row, profile: rowToProfile(checked.row, extra, this.pool) });
    return undefined;
  }

  /** Whether no row (readable or not) followed the header: every row ends valid or rejected. */
  get empty(): boolean {
    return this.valid.length === 0 && this.rejected.length === 0;
  }

  /**
   * The profiles and rejections, rows in file order. An id used twice in one file is ambiguous
   * (which row is right?): every occurrence is rejected.
   */
  result(): { profiles: TalentProfile[]; rejected: RosterRejection[] } {
    const rowsById = new Map<string, number[]>();
    for (const v of this.valid) {
      const rows = rowsById.get(v.profile.id);
      if (rows) rows.push(v.row);
      else rowsById.set(v.profile.id, [v.row]);
    }
    const profiles: TalentProfile[] = [];
    const rejected = [...this.rejected];
    for (const v of this.valid) {
      const rows = rowsById.get(v.profile.id)!;
      if (rows.length > 1) {
        rejected.push({
          row: v.row,
          column: this.columnOf('id'),
          reason: `id ${v.profile.id} appears on rows ${rows.join(', ')}: keep one`,
        });
      } else {
        profiles.push(v.profile);
      }
    }
    rejected.sort((a, b) => a.row - b.row);
    return { profiles, rejected };
  }

  private columnOf(field: RosterField): string {
    const i = this.headers?.fields[field];
    return i === undefined ? field : this.headers!.names[i] || field;
  }
}
