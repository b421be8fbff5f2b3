/**
 * The character-by-scene chart as SVG: one row per character (largest parts first), one column per
 * scene, a dark mark where the character speaks and a light one where they are only named.
 * Columns shrink with the scene count so a 190-scene feature still fits one readable image.
 */
import type { Breakdown, CharacterBreakdown } from '../parse/index.js';

/** More rows than this make the chart unreadable in a chat; the rest are summarised in a footer. */
export const MAX_ROWS = 40;

const FONT = 'DejaVu Sans';
const LABEL_W = 200;
const ROW_H = 18;
const HEADER_H = 64;
const FOOTER_H = 40;
const SPEAK = '#1f4e79';
const APPEAR = '#9dc3e6';
const GRID = '#e7e7e7';

export function characterChartSvg(b: Breakdown): string {
  const rows = b.characters.slice(0, MAX_ROWS);
  const scenes = Math.max(1, b.scenes.length);
  const cell = Math.max(4, Math.min(24, Math.floor(1000 / scenes)));
  const title = `${b.title ?? 'Screenplay'}: characters by scene`;
  // Wide enough for the title too: a short script's few columns would cut it off (about 10 px a
  // character at 16 px bold).
  const width = Math.max(LABEL_W + cell * scenes + 24, 24 + Math.ceil(title.length * 10));
  const height = HEADER_H + ROW_H * rows.length + FOOTER_H;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="${FONT}">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="12" y="24" font-size="16" font-weight="bold" fill="#222">${escapeXml(title)}</text>`,
  ];
  // Scene numbers every 1, 5 or 10 columns, whichever fits.
  const step = cell >= 18 ? 1 : cell >= 8 ? 5 : 10;
  for (let s = 1; s <= scenes; s++) {
    const x = LABEL_W + (s - 1) * cell;
    if (s === 1 || s % step === 0)
      parts.push(`<text x="${x + cell / 2}" y="${HEADER_H - 8}" font-size="10" text-anchor="middle" fill="#555">${s}</text>`);
    if (s % step === 0)
      parts.push(
        `<line x1="${x + cell}" y1="${HEADER_H - 4}" x2="${x + cell}" y2="${HEADER_H + ROW_H * rows.length}" stroke="${GRID}" stroke-width="1"/>`,
      );
  }
  rows.forEach((c, i) => parts.push(...row(c, i, cell)));
  const legendY = HEADER_H + ROW_H * rows.length + 22;
  parts.push(
    `<rect x="12" y="${legendY - 10}" width="12" height="12" fill="${SPEAK}"/><text x="30" y="${legendY}" font-size="11" fill="#333">speaks</text>`,
    `<rect x="90" y="${legendY - 10}" width="12" height="12" fill="${APPEAR}"/><text x="108" y="${legendY}" font-size="11" fill="#333">named in action, silent</text>`,
  );
  if (b.characters.length > rows.length) {
    parts.push(
      `<text x="280" y="${legendY}" font-size="11" fill="#333">+${b.characters.length - rows.length} smaller parts not shown</text>`,
    );
  }
  parts.push('</svg>');
  return parts.join('');
}

function row(c: CharacterBreakdown, i: number, cell: number): string[] {
  const y = HEADER_H + i * ROW_H;
  const out = [
    i % 2 === 0 ? `<rect x="0" y="${y}" width="100%" height="${ROW_H}" fill="#f7f9fb"/>` : '',
    `<text x="12" y="${y + 13}" font-size="11" fill="#222">${escapeXml(truncate(c.name, 20))}</text>`,
    `<text x="${LABEL_W - 8}" y="${y + 13}" font-size="9" text-anchor="end" fill="#777">${escapeXml(c.size)}</text>`,
  ];
  const w = Math.max(2, cell - 1);
  for (const s of c.appearsInScenes)
    out.push(`<rect x="${LABEL_W + (s - 1) * cell}" y="${y + 4}" width="${w}" height="${ROW_H - 8}" fill="${APPEAR}"/>`);
  for (const s of c.speakingScenes)
    out.push(`<rect x="${LABEL_W + (s - 1) * cell}" y="${y + 2}" width="${w}" height="${ROW_H - 4}" fill="${SPEAK}"/>`);
  return out;
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}

function escapeXml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' })[c]!);
}
