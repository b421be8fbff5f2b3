/**
 * JSON rosters: an array of people, or an object holding one (`{ "talent": [...] }`). Values become
 * the same cells a CSV would have: arrays are joined with `;`, language objects become
 * "Hindi (fluent)", credit objects "Title (size, year)".
 */
import type { RawTable, TableResult } from './table.js';

function toCell(v: unknown): string {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(toCell).filter(Boolean).join('; ');
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.language === 'string') return o.fluency ? `${o.language} (${toCell(o.fluency)})` : o.language;
    if (typeof o.title === 'string') {
      const inner = [o.size, o.year].filter((x) => x !== undefined && x !== null && x !== '').map(toCell);
      return inner.length ? `${o.title} (${inner.join(', ')})` : o.title;
    }
    return JSON.stringify(v);
  }
  return String(v);
}

function findPeople(doc: unknown): unknown[] | undefined {
  if (Array.isArray(doc)) return doc;
  if (doc && typeof doc === 'object') {
    for (const key of ['talent', 'profiles', 'people', 'roster', 'data', 'items']) {
      const v = (doc as Record<string, unknown>)[key];
      if (Array.isArray(v)) return v;
    }
  }
  return undefined;
}

export function readJson(text: string): TableResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `the file is not valid JSON: ${(err as Error).message}` };
  }
  const people = findPeople(doc);
  if (!people) return { ok: false, reason: 'the JSON holds no list of people (expected an array, or {"talent": [...]})' };
  const headers: string[] = [];
  const index = new Map<string, number>();
  const table: RawTable = { headers, rows: [], problems: [] };
  people.forEach((p, i) => {
    if (!p || typeof p !== 'object' || Array.isArray(p)) {
      table.problems.push({ row: i + 1, reason: 'is not an object' });
      return;
    }
    const cells: string[] = [];
    for (const [k, v] of Object.entries(p as Record<string, unknown>)) {
      let col = index.get(k);
      if (col === undefined) { col = headers.length; headers.push(k); index.set(k, col); }
      cells[col] = toCell(v);
    }
    table.rows.push({ row: i + 1, cells });
  });
  // Objects written before a later key appeared have holes: make them empty cells.
  for (const r of table.rows) for (let c = 0; c < headers.length; c++) r.cells[c] ??= '';
  return { ok: true, table };
}
