/**
 * Turns roster bytes into text. Spreadsheets export rosters in many encodings: a UTF-8 BOM (Excel),
 * UTF-16 with a BOM ("Unicode text"), or a legacy 8-bit code page. Order of checks: BOMs, UTF-16
 * without a BOM (every other byte zero), strict UTF-8, then Windows-1252, the superset of Latin-1
 * that such files really use. Binary files (workbooks, PDFs, images) are recognised and refused.
 */
import iconv from 'iconv-lite';

export type RosterEncoding = 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export type DecodeResult = { ok: true; text: string; encoding: RosterEncoding; bom: boolean } | { ok: false; reason: string };

const MAGIC: { bytes: number[]; what: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], what: 'a zip archive or an Excel workbook (.xlsx): save the sheet as CSV and upload that' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], what: 'an old Excel workbook (.xls): save the sheet as CSV and upload that' },
  { bytes: [0x25, 0x50, 0x44, 0x46], what: 'a PDF: export the roster as CSV or JSON' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], what: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], what: 'a JPEG image' },
  { bytes: [0x1f, 0x8b], what: 'a gzip archive: unpack it first' },
];

function startsWith(bytes: Uint8Array, prefix: number[]): boolean {
  return prefix.every((b, i) => bytes[i] === b);
}

/** UTF-16 without a BOM: zero bytes on one parity only, as ASCII text in UTF-16 has. */
function guessUtf16(bytes: Uint8Array): 'utf-16le' | 'utf-16be' | undefined {
  const n = Math.min(bytes.length - (bytes.length % 2), 1024);
  if (n < 4) return undefined;
  let evenZero = 0;
  let oddZero = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenZero++;
    if (bytes[i + 1] === 0) oddZero++;
  }
  const pairs = n / 2;
  if (oddZero > pairs * 0.4 && evenZero < pairs * 0.05) return 'utf-16le';
  if (evenZero > pairs * 0.4 && oddZero < pairs * 0.05) return 'utf-16be';
  return undefined;
}

/** Control characters other than tab, newlines and form feed: text files have (almost) none. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 8192);
  if (sample.includes('\u0000')) return true;
  const controls = sample.match(/[\u0001-\u0008\u000e-\u001f\u007f]/g)?.length ?? 0;
  return controls > Math.max(2, sample.length * 0.01);
}

export function decodeRosterBytes(bytes: Uint8Array): DecodeResult {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  for (const m of MAGIC) if (startsWith(bytes, m.bytes)) return { ok: false, reason: `the file is ${m.what}` };

  let decoded: { text: string; encoding: RosterEncoding; bom: boolean };
  if (startsWith(bytes, [0xef, 0xbb, 0xbf])) {
    decoded = { text: buf.subarray(3).toString('utf8'), encoding: 'utf-8', bom: true };
  } else if (startsWith(bytes, [0xff, 0xfe])) {
    decoded = { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le', bom: true };
  } else if (startsWith(bytes, [0xfe, 0xff])) {
    decoded = { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be', bom: true };
  } else {
    const utf16 = guessUtf16(bytes);
    if (utf16) {
      decoded = { text: iconv.decode(buf, utf16), encoding: utf16, bom: false };
    } else {
      try {
        decoded = { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8', bom: false };
      } catch {
        // Not valid UTF-8: a legacy single-byte file, which Windows-1252 reads the way Excel wrote it.
        decoded = { text: iconv.decode(buf, 'windows-1252'), encoding: 'windows-1252', bom: false };
      }
    }
  }
  if (looksBinary(decoded.text)) return { ok: false, reason: 'the file is not text (it looks binary): upload the roster as CSV or JSON' };
  return { ok: true, ...decoded };
}
