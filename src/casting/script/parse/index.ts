/**
 * Screenplay bytes → casting breakdown. Detects the format (Fountain, FDX, PDF, plain text), reads
 * it into one neutral document, and computes the breakdown from that. Anything that cannot be read
 * becomes a ScriptError whose message tells the uploader what to send instead.
 */
import { open, stat } from 'node:fs/promises';
import path from 'node:path';
import { buildBreakdown } from './breakdown.js';
import { detectFormat } from './detect.js';
import type { ScriptDocument } from './document.js';
import { readFdx } from './fdx.js';
import { readFountain } from './fountain.js';
import { readPdf } from './pdf.js';
import { ScriptError, type AnalyzeOptions, type Breakdown } from './types.js';

export * from './types.js';
export type { ScriptDocument } from './document.js';

/** Reads a screenplay into the neutral document (the layer below the breakdown). */
export async function readScript(bytes: Uint8Array, fileName: string, opts: AnalyzeOptions): Promise<ScriptDocument> {
  const name = path.basename(fileName);
  if (bytes.length > opts.maxBytes) throw new ScriptError('too_large', tooLarge(name, bytes.length, opts.maxBytes));
  const detected = detectFormat(bytes, name);
  if (detected.format === 'pdf') return readPdf(bytes, name);
  if (detected.format === 'fdx') return readFdx(detected.text, name);
  return readFountain(detected.text, detected.format);
}

/** The casting breakdown of a screenplay file's bytes. Throws ScriptError for files it cannot read. */
export async function analyzeScript(bytes: Uint8Array, fileName: string, opts: AnalyzeOptions): Promise<Breakdown> {
  const doc = await readScript(bytes, fileName, opts);
  const b = buildBreakdown(doc);
  const speeches = Object.values(b.cueCounts ?? {}).reduce((a, n) => a + n, 0);
  // A novel or a memo has neither scene headings nor a real run of dialogue.
  if (b.scenes.length === 0 && speeches < 10) {
    throw new ScriptError(
      'not_a_screenplay',
      `${path.basename(fileName)} does not read as a screenplay: it has no scene headings (INT./EXT.) and almost no character cues. Upload the script itself (Fountain, Final Draft .fdx, or a PDF with selectable text), not a novel, treatment or spreadsheet.`,
    );
  }
  return b;
}

/** Like analyzeScript for a file on disk; the size is checked before the file is read. */
export async function analyzeScriptFile(file: string, opts: AnalyzeOptions): Promise<Breakdown> {
  const name = path.basename(file);
  const info = await stat(file);
  if (!info.isFile()) throw new ScriptError('unsupported', `${name} is not a file. Give the path of a screenplay file.`);
  if (info.size > opts.maxBytes) throw new ScriptError('too_large', tooLarge(name, info.size, opts.maxBytes));
  const handle = await open(file, 'r');
  try {
    // Read at most the limit plus one byte, in case the file grew after stat.
    const buf = new Uint8Array(Math.min(info.size, opts.maxBytes) + 1);
    let read = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buf, read, buf.length - read, null);
      if (bytesRead === 0) break;
      read += bytesRead;
      if (read === buf.length) break;
    }
    return await analyzeScript(buf.subarray(0, read), name, opts);
  } finally {
    await handle.close();
  }
}

function tooLarge(name: string, size: number, limit: number): string {
  const mb = (n: number) => (n / 1_048_576).toFixed(1);
  return `${name} is ${mb(size)} MB, more than the ${mb(limit)} MB limit for scripts. Upload the screenplay text itself (Fountain, .fdx, or a PDF with selectable text), not a scan or a bundle.`;
}
