/**
 * Draws the two Teams app icons from SVG with resvg: `color.png` (192×192, full colour, the mark on
 * CastMatch's accent) and `outline.png` (32×32, white on transparent, as Teams requires).
 * Run once after changing the mark: `npx tsx scripts/make-teams-icons.ts`.
 */
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { Resvg } from '@resvg/resvg-js';

/** CastMatch's accent colour; the manifest's `accentColor` is the same. */
export const ACCENT = '#5B2C83';

/** A clapperboard: slate and hinged clapper, drawn on a 32-unit grid so both sizes stay crisp. */
const MARK = (fill: string) => `
  <path fill="${fill}" d="M6 14h20v11a2 2 0 0 1-2 2H8a2 2 0 0 1-2-2z"/>
  <path fill="${fill}" d="M5.2 9.6l18.9-4.4a1 1 0 0 1 1.2.75l.9 3.9-20.1 4.6-.9-3.9a1 1 0 0 1 .75-1.2z"/>`;

const COLOR_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="192" height="192" viewBox="0 0 32 32">
  <rect width="32" height="32" rx="6" fill="${ACCENT}"/>
  <g transform="translate(4 4) scale(0.75)">${MARK('#FFFFFF')}</g>
</svg>`;

const OUTLINE_SVG = `<svg xmlns="http://www.w3.org/2000/svg" width="32" height="32" viewBox="0 0 32 32">${MARK('#FFFFFF')}</svg>`;

/** PNG bytes of an SVG at its own size, transparent where nothing is drawn. */
export function renderPng(svg: string): Buffer {
  return Buffer.from(new Resvg(svg, { background: 'rgba(0,0,0,0)' }).render().asPng());
}

export async function makeTeamsIcons(dir: string): Promise<void> {
  await writeFile(path.join(dir, 'color.png'), renderPng(COLOR_SVG));
  await writeFile(path.join(dir, 'outline.png'), renderPng(OUTLINE_SVG));
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const dir = path.resolve('manifests/teams');
  await makeTeamsIcons(dir);
  console.log(`wrote ${dir}/color.png and outline.png`);
}
