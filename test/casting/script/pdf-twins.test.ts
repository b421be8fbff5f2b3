import path from 'node:path';
import { analyzeScriptFile, type Breakdown } from '../../../src/casting/script/parse/index.js';
import { bigFish, SCRIPTS, withBigFish } from '../../helpers/fixtures.js';

const opts = { maxBytes: 50 * 1024 * 1024 };

/** Speaking parts as a casting director counts them: name → speeches. */
function cast(b: Breakdown, rename: Record<string, string> = {}): Record<string, number> {
  const out: Record<string, number> = {};
  for (const c of b.characters) if (c.speeches > 0) out[rename[c.name] ?? c.name] = c.speeches;
  return out;
}

describe('a PDF reads the same as the Fountain file it was printed from', () => {
  const samePdf = async (fountainFile: string, pdfFile: string) => {
    const [fountain, pdf] = await Promise.all([analyzeScriptFile(fountainFile, opts), analyzeScriptFile(pdfFile, opts)]);
    expect(pdf.format).toBe('pdf');
    expect(pdf.cueCounts).toEqual(fountain.cueCounts);
    expect(cast(pdf)).toEqual(cast(fountain));
    expect(pdf.scenes.map((s) => s.heading)).toEqual(fountain.scenes.map((s) => s.heading));
    expect(pdf.title).toBe(fountain.title);
  };

  test('brick_and_steel.pdf', () => samePdf(path.join(SCRIPTS, 'brick_and_steel.fountain'), path.join(SCRIPTS, 'brick_and_steel.pdf')));
  withBigFish.test('big_fish.pdf', () => samePdf(bigFish('fountain'), bigFish('pdf')));

  withBigFish.test('big_fish.pdf has its real page count and scene pages; shot lines like YOUNG EDWARD are not cues', async () => {
    const pdf = await analyzeScriptFile(bigFish('pdf'), opts);
    expect(pdf.pages).toBe(122);
    // Page 1 is the title page and page 2 the epigraph; the river scene opens page 3.
    expect(pdf.scenes[0]?.page).toBe(3);
    expect(pdf.scenes.at(-1)?.page).toBeGreaterThan(115);
    expect(pdf.cueCounts?.['YOUNG EDWARD']).toBe(1);
    expect(Object.values(pdf.cueCounts ?? {}).reduce((a, n) => a + n, 0)).toBe(768);
  });

  test("afterwriting_client.pdf (A4, another generator): a speech broken by (MORE)/(CONT'D) stays one speech", async () => {
    const [fountain, pdf] = await Promise.all([
      analyzeScriptFile(path.join(SCRIPTS, 'afterwriting_client.fountain'), opts),
      analyzeScriptFile(path.join(SCRIPTS, 'afterwriting_client.pdf'), opts),
    ]);
    // The printed file substituted the $variables.
    expect(cast(pdf)).toEqual(cast(fountain, { $ANTAGONIST: 'DR. JULIUS NO', '$BOND.LAST': 'BOND' }));
    expect(pdf.cueCounts?.['HERO 1']).toBe(3);
    expect(pdf.pages).toBe(4);
    // `!INT. ACTION` is forced action in Fountain; in print it is indistinguishable from a heading,
    // so the PDF has exactly that one extra scene.
    expect(pdf.scenes).toHaveLength(fountain.scenes.length + 1);
    expect(pdf.scenes.map((s) => s.heading)).toContain('INT. ACTION');
    expect(fountain.scenes.map((s) => s.heading)).not.toContain('INT. ACTION');
  });
});
