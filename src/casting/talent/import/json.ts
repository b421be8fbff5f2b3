/**
 * JSON rosters: an array of people, or an object holding one (`{ "talent": [...] }`). Values become
 * the same cells a CSV would have: arrays are joined with `;`, language objects become
 * "Hindi (fluent)", credit objects "Title (size, year)".
 */
import type { ReadResult, RowVisitor } from './table.js';

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

export function readJson(text: string, visitor: RowVisitor): ReadResult {
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    return { ok: false, reason: `the file is not valid JSON: ${(err as Error).message}` };
  }
  const people = findPeople(doc);
  if (!people) return { ok: false, reason: 'the JSON holds no list of people (expected an array, or {"talent": [...]})' };
  // The columns are every key any person has: objects written before a later key appeared get
  // empty cells for it.
  const index = new Map<string, number>();
  for (const p of people) {
    if (!isObject(p)) continue;
    for (const k of Object.keys(p)) if (!index.has(k)) index.set(k, index.size);
  }
  const stop = visitor.header([...index.keys()]);
  if (stop) return { ok: false, reason: stop };
  for (const [i, p] of people.entries()) {
    if (!isObject(p)) {
      visitor.problem(i + 1, 'is not an object');
      continue;
    }
    const cells = new Array<string>(index.size).fill('');
    for (const [k, v] of Object.entries(p)) cells[index.get(k)!] = toCell(v);
    const stop = visitor.row(i + 1, cells);
    if (stop) return { ok: false, reason: stop };
  }
  return { ok: true };
}

function isObject(p: unknown): p is Record<string, unknown> {
  return Boolean(p) && typeof p === 'object' && !Array.isArray(p);
}
