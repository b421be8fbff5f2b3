/**
 * The sample roster read straight from its CSV, apart from the import code, so tests derive what
 * a search should answer from the file itself rather than from the program.
 */
import { parse } from 'csv-parse/sync';
import { readFileSync } from 'node:fs';
import { SAMPLE_ROSTER } from './helpers.js';

export type Row = Record<string, string>;

export const rows: Row[] = parse(readFileSync(SAMPLE_ROSTER), { columns: true, bom: true });

export const list = (s: string) =>
  s
    .split(';')
    .map((x) => x.trim())
    .filter(Boolean);

export const LEVELS = ['basic', 'conversational', 'fluent', 'native'];

/** The level at which a row speaks a language (-1: not at all). */
export function level(r: Row, language: string): number {
  const spoken = list(r.languages!).find((x) => x.startsWith(`${language} (`));
  return spoken ? LEVELS.indexOf(spoken.slice(language.length + 2, -1)) : -1;
}

export const overlaps = (r: Row, lo: number, hi: number) => Number(r.playing_age_min) <= hi && Number(r.playing_age_max) >= lo;
export const height = (r: Row) => Number(r.height_cm);

/** The shortest height among the tallest quarter of a gender (the quarter rounded up). */
export function topQuartileFloor(gender: string): number {
  const h = rows
    .filter((r) => r.gender === gender)
    .map(height)
    .sort((a, b) => b - a);
  return h[Math.ceil(h.length / 4) - 1]!;
}

/** The tallest height among the shortest quarter of a gender. */
export function bottomQuartileCeiling(gender: string): number {
  const h = rows
    .filter((r) => r.gender === gender)
    .map(height)
    .sort((a, b) => a - b);
  return h[Math.ceil(h.length / 4) - 1]!;
}

export const ids = (pred: (r: Row) => boolean) =>
  rows
    .filter(pred)
    .map((r) => r.id!)
    .sort();
