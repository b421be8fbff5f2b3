/**
 * The printed lines of a PDF, rebuilt from pdf.js text items: items on one baseline form a line,
 * and a wide horizontal gap splits it into segments (the two columns of dual dialogue).
 */
import { SCRIPT_LIMITS } from './limits.js';
import { getDocumentProxy } from 'unpdf';
import { ScriptError } from './types.js';

export interface Segment {
  x: number;
  text: string;
}
export interface PrintedLine {
  page: number;
  y: number;
  segments: Segment[];
}
export interface PrintedScript {
  pages: number;
  pageWidth: number;
  lines: PrintedLine[];
}

interface TextItem {
  str: string;
  transform: number[];
  width: number;
}

/** Gap (pt) between two items on one baseline that starts a new column. */
const COLUMN_GAP = 20;
const SCENE_NUMBER = /^\d{1,4}[A-Z]{0,2}\.?$/;

export async function readPrintedLines(bytes: Uint8Array, fileName: string): Promise<PrintedScript> {
  let doc: Awaited<ReturnType<typeof getDocumentProxy>>;
  try {
    // pdf.js may transfer (detach) the buffer it is given, so it gets a copy.
    doc = await getDocumentProxy(new Uint8Array(bytes), { verbosity: 0, isEvalSupported: false, stopAtErrors: false });
  } catch (err) {
    const name = (err as { name?: string }).name;
    if (name === 'PasswordException') {
      throw new ScriptError(
        'encrypted',
        `${fileName} is password-protected, so I cannot read its text. Save or export an unprotected PDF (or a Fountain / .fdx file) and upload that.`,
      );
    }
    throw new ScriptError(
      'malformed',
      `${fileName} is a damaged PDF that I cannot open. Export the PDF again from your screenwriting app, or upload a Fountain or .fdx file.`,
    );
  }
  if (doc.numPages > SCRIPT_LIMITS.pdfPages) {
    await doc.destroy();
    throw new ScriptError(
      'too_large',
      `${fileName} has ${doc.numPages.toLocaleString('en')} pages; I read screenplays of up to ${SCRIPT_LIMITS.pdfPages} pages. Upload the script itself, or split a season into episodes.`,
    );
  }
  try {
    const lines: PrintedLine[] = [];
    let pageWidth = 612;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      if (p === 1) pageWidth = page.getViewport({ scale: 1 }).width;
      const content = await page.getTextContent();
      lines.push(...pageLines(p, content.items as unknown as TextItem[]));
      page.cleanup();
    }
    return { pages: doc.numPages, pageWidth, lines };
  } catch (err) {
    if (err instanceof ScriptError) throw err;
    throw new ScriptError(
      'malformed',
      `${fileName} is a damaged PDF: a page could not be read. Export the PDF again, or upload a Fountain or .fdx file.`,
    );
  } finally {
    await doc.destroy();
  }
}

function pageLines(page: number, items: TextItem[]): PrintedLine[] {
  const byBaseline = new Map<number, TextItem[]>();
  for (const it of items) {
    if (typeof it.str !== 'string' || it.str === '' || !it.transform) continue;
    const y = Math.round(it.transform[5]! * 2) / 2;
    (byBaseline.get(y) ?? byBaseline.set(y, []).get(y)!).push(it);
  }
  const out: PrintedLine[] = [];
  for (const [y, row] of [...byBaseline].sort((a, b) => b[0] - a[0])) {
    row.sort((a, b) => a.transform[4]! - b.transform[4]!);
    const segments: Segment[] = [];
    let end = -Infinity;
    for (const it of row) {
      const x = it.transform[4]!;
      const last = segments[segments.length - 1];
      if (last && x - end <= COLUMN_GAP) last.text += it.str;
      else if (it.str.trim() !== '') segments.push({ x, text: it.str });
      else continue;
      end = Math.max(end, x + (it.width || 0));
    }
    for (const s of segments) s.text = s.text.replace(/\s+/g, ' ').trim();
    const kept = segments.filter((s) => s.text !== '');
    // Scene numbers printed in the margins (shooting scripts) are not part of the line.
    while (kept.length > 1 && SCENE_NUMBER.test(kept[0]!.text)) kept.shift();
    while (kept.length > 1 && SCENE_NUMBER.test(kept[kept.length - 1]!.text)) kept.pop();
    if (kept.length) out.push({ page, y, segments: kept });
  }
  return out;
}
