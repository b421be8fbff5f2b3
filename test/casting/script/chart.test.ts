import path from 'node:path';
import { analyzeScriptFile } from '../../../src/casting/script/parse/index.js';
import { characterChartSvg, MAX_ROWS, renderCharacterChart } from '../../../src/casting/script/chart/index.js';
import { bigFish, SCRIPTS, withBigFish } from '../../helpers/fixtures.js';

const PNG_SIGNATURE = '89504e470d0a1a0a';

/** Width and height from the PNG header (IHDR). */
function pngSize(png: Uint8Array): [number, number] {
  const view = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

test('the Brick & Steel chart is a PNG with a row per character and a column per scene', async () => {
  const b = await analyzeScriptFile(path.join(SCRIPTS, 'brick_and_steel.fountain'), { maxBytes: 1e7 });
  const png = renderCharacterChart(b);
  expect(Buffer.from(png.subarray(0, 8)).toString('hex')).toBe(PNG_SIGNATURE);
  expect(png.length).toBeGreaterThan(5_000);
  const svg = characterChartSvg(b);
  for (const c of b.characters) expect(svg).toContain(`>${c.name}<`);
  // One dark mark per speaking scene, one light mark per silent appearance.
  const marks = b.characters.reduce((n, c) => n + c.speakingScenes.length + c.appearsInScenes.length, 0);
  expect(svg.match(/<rect x="\d+(?:\.\d+)?" y="\d+(?:\.\d+)?" width="\d+" height="1[04]"/g)).toHaveLength(marks);
});

withBigFish.test('a 190-scene feature stays legible: rows are capped and the image stays a sensible size', async () => {
  const b = await analyzeScriptFile(bigFish('fountain'), { maxBytes: 1e7 });
  const svg = characterChartSvg(b);
  expect(b.characters.length).toBeGreaterThan(MAX_ROWS);
  expect(svg).toContain(`+${b.characters.length - MAX_ROWS} smaller parts not shown`);
  const [w, h] = pngSize(renderCharacterChart(b));
  expect(w).toBeGreaterThan(900);
  expect(w).toBeLessThan(2000);
  expect(h).toBeLessThan(1000);
});
