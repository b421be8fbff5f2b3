/**
 * What kind of file arrived, by content first and extension second, and the refusals that can be
 * decided from the bytes alone (empty, binary, an office document, a spreadsheet).
 */
import { ScriptError, type ScriptFormat } from './types.js';

export type Detected = { format: 'pdf' } | { format: Exclude<ScriptFormat, 'pdf'>; text: string };

const SIGNATURES: [number[], string][] = [
  [[0x50, 0x4b, 0x03, 0x04], 'a ZIP archive or an Office document (.docx, .xlsx)'],
  [[0xd0, 0xcf, 0x11, 0xe0], 'an old Office document (.doc, .xls)'],
  [[0x89, 0x50, 0x4e, 0x47], 'a PNG image'],
  [[0xff, 0xd8, 0xff], 'a JPEG image'],
  [[0x47, 0x49, 0x46, 0x38], 'a GIF image'],
  [[0x7b, 0x5c, 0x72, 0x74, 0x66], 'an RTF document'],
];

const UPLOAD = 'Upload the screenplay as Fountain (.fountain), Final Draft (.fdx), a PDF with selectable text, or plain text.';

export function detectFormat(bytes: Uint8Array, fileName: string): Detected {
  const ext = /\.([a-z0-9]+)$/i.exec(fileName)?.[1]?.toLowerCase() ?? '';
  if (bytes.length === 0) throw new ScriptError('empty', `${fileName} is empty (0 bytes). ${UPLOAD}`);
  if (indexOfAscii(bytes, '%PDF-', 1024) >= 0) return { format: 'pdf' };
  for (const [sig, what] of SIGNATURES) {
    if (sig.every((b, i) => bytes[i] === b))
      throw new ScriptError('binary', `${fileName} is ${what}, not a screenplay I can read. ${UPLOAD}`);
  }
  // UTF-16 text (some Windows exports) has NUL bytes, so it is recognised by its byte-order mark first.
  const utf16 = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : null;
  if (utf16) return detectFormat(new TextEncoder().encode(new TextDecoder(utf16).decode(bytes.subarray(2))), fileName);
  if (looksBinary(bytes))
    throw new ScriptError('binary', `${fileName} is binary data, not text${ext ? ` (despite the .${ext} name)` : ''}. ${UPLOAD}`);
  const text = decodeText(bytes);
  if (text.trim() === '') throw new ScriptError('empty', `${fileName} has no text in it. ${UPLOAD}`);
  const head = text.slice(0, 2000).trimStart();
  if (ext === 'fdx' || head.startsWith('<?xml') || head.startsWith('<FinalDraft')) return { format: 'fdx', text };
  if (ext === 'csv' || ext === 'tsv' || looksLikeTable(text)) {
    throw new ScriptError(
      'not_a_screenplay',
      `${fileName} looks like a spreadsheet (comma- or tab-separated rows), not a screenplay. ${UPLOAD}`,
    );
  }
  if (ext === 'fountain' || ext === 'spmd' || /^title\s*:/i.test(head) || /^(?:\.[A-Z]|@\S|>.*<\s*$)/m.test(text))
    return { format: 'fountain', text };
  return { format: 'text', text };
}

/** NUL bytes or many control characters in the first 64 KB mean this is not text. */
function looksBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 65_536);
  let control = 0;
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b === 0) return true;
    if (b < 9 || (b > 13 && b < 32) || b === 127) control++;
  }
  return control > n * 0.01;
}

/** UTF-8, or Windows-1252 when the bytes are not valid UTF-8 (older Windows exports). */
function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/** Most non-empty lines with the same number (≥ 2) of commas or tabs: a CSV or TSV export. */
function looksLikeTable(text: string): boolean {
  const lines = text
    .slice(0, 20_000)
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '')
    .slice(0, 50);
  if (lines.length < 3) return false;
  for (const sep of [',', '\t']) {
    const counts = lines.map((l) => l.split(sep).length - 1);
    const first = counts[0]!;
    if (first >= 2 && counts.filter((c) => c === first).length >= lines.length * 0.8) return true;
  }
  return false;
}

function indexOfAscii(bytes: Uint8Array, needle: string, limit: number): number {
  const end = Math.min(bytes.length, limit) - needle.length;
  outer: for (let i = 0; i <= end; i++) {
    for (let j = 0; j < needle.length; j++) if (bytes[i + j] !== needle.charCodeAt(j)) continue outer;
    return i;
  }
  return -1;
}
