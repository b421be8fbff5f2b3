/** The character-by-scene chart as a PNG, drawn as SVG and rendered with resvg using system fonts. */
import { Resvg } from '@resvg/resvg-js';
import type { Breakdown } from '../parse/index.js';
import { characterChartSvg } from './chart-svg.js';

export { characterChartSvg, MAX_ROWS } from './chart-svg.js';

/** PNG bytes of the chart (synchronous: resvg renders in native code). */
export function renderCharacterChart(b: Breakdown): Uint8Array {
  const svg = characterChartSvg(b);
  const png = new Resvg(svg, {
    background: '#ffffff',
    font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
  })
    .render()
    .asPng();
  return new Uint8Array(png.buffer, png.byteOffset, png.byteLength);
}
