/**
 * PDF screenplays: the printed lines are classified by their indent relative to the action margin,
 * which is how a reader tells a cue from a shot line that looks the same (`YOUNG EDWARD` at the
 * action margin is a shot; at the cue indent it is a cue). Works for US Letter and A4 layouts.
 * Page numbers are dropped, and a speech continued over a page break with (MORE) / (CONT'D) stays
 * one speech.
 */
import { looksLikeCueText, cueName } from './cue-name.js';
import type { ScriptDocument, ScriptElement } from './document.js';
import { readPrintedLines, type PrintedLine, type Segment } from './pdf-lines.js';
import { ScriptError } from './types.js';

/** Offsets from the action margin, in points (Courier 12: 7.2 pt a character). */
const DIALOGUE_MIN = 36;
const PAREN_MIN = 86;
const CUE_MIN = 118;
const CUE_MAX = 200;

const HEADING = /^(?:INT|EXT|EST|INT\.?\/EXT|I\/E)[.\s]/i;
/** Forced headings lose their `.` in print; these are the slug lines that read as headings. */
const SLUG =
  /(?:\s[-–]\s*(?:DAY|NIGHT|MORNING|EVENING|AFTERNOON|DUSK|DAWN|LATER|CONTINUOUS)\b.*$)|\b(?:POV|TITLES|CREDITS|MONTAGE|FLASHBACK|INTERCUT|HEADER)$/;

export async function readPdf(bytes: Uint8Array, fileName: string): Promise<ScriptDocument> {
  const printed = await readPrintedLines(bytes, fileName);
  const chars = printed.lines.reduce((n, l) => n + l.segments.reduce((m, s) => m + s.text.length, 0), 0);
  if (chars < 20) {
    throw new ScriptError(
      'no_text_layer',
      `${fileName} has no text I can read: it looks like a scan or an image-only PDF. Upload a PDF exported from a screenwriting app (with selectable text), or a Fountain / .fdx file.`,
    );
  }
  const lines = printed.lines.filter((l, i, all) => !isPageNumber(l, all[i - 1]));
  const margin = actionMargin(lines);
  const lineHeight = commonGap(lines);
  const { title, authors, bodyFrom } = titlePage(lines, margin);
  const body = lines.filter((l) => l.page >= bodyFrom);
  return { format: 'pdf', title, authors, pages: printed.pages, elements: classify(body, margin, lineHeight, printed.pageWidth) };
}

function classify(lines: PrintedLine[], margin: number, lh: number, pageWidth: number): ScriptElement[] {
  const out: ScriptElement[] = [];
  const offset = (s: Segment) => s.x - margin;
  const joined = (l: PrintedLine) => l.segments.map((s) => s.text).join(' ');
  const near = (a: PrintedLine | undefined, b: PrintedLine | undefined) => !!a && !!b && a.page === b.page && a.y - b.y <= lh * 1.5;
  let moreOpen: string | null = null; // the speaker whose speech ended in (MORE)
  let i = 0;
  while (i < lines.length) {
    const line = lines[i]!;
    const first = line.segments[0]!;
    const d = offset(first);
    if (line.segments.length >= 2 && isDualStart(line, lines[i + 1], near)) {
      i = readDual(lines, i, out, near, pageWidth);
      continue;
    }
    const text = joined(line);
    // Wrapped cue names continue at the same indent; a cue has dialogue right below it.
    let cueEnd = i + 1;
    while (
      near(lines[cueEnd - 1], lines[cueEnd]) &&
      Math.abs(lines[cueEnd]!.segments[0]!.x - first.x) < 2 &&
      looksLikeCueText(joined(lines[cueEnd]!))
    )
      cueEnd++;
    const below = near(lines[cueEnd - 1], lines[cueEnd]) ? offset(lines[cueEnd]!.segments[0]!) : -1;
    if (d >= CUE_MIN && d < CUE_MAX && mostlyUpper(text) && below >= DIALOGUE_MIN && below < CUE_MIN) {
      const cue = lines.slice(i, cueEnd).map(joined).join(' ');
      const j = cueEnd;
      const continued = moreOpen !== null && cueName(cue) === moreOpen && /\(CONT['’]D\)/i.test(cue);
      if (!continued) out.push({ kind: 'cue', text: cue, page: line.page });
      moreOpen = null;
      const r = readSpeech(lines, j, out, near, offset);
      i = r.next;
      if (r.more) moreOpen = cueName(cue);
      continue;
    }
    moreOpen = null;
    // A paragraph: following lines close below at the same indent class.
    let para = text;
    let j = i + 1;
    while (near(lines[j - 1], lines[j]) && lines[j]!.segments.length === 1 && sameClass(offset(lines[j]!.segments[0]!), d))
      para += ` ${joined(lines[j++]!)}`;
    out.push({ kind: paragraphKind(para, d), text: para, page: line.page });
    i = j;
  }
  return out;
}

/** Dialogue and parentheticals after a cue, up to the first gap. */
function readSpeech(
  lines: PrintedLine[],
  from: number,
  out: ScriptElement[],
  near: (a?: PrintedLine, b?: PrintedLine) => boolean,
  offset: (s: Segment) => number,
): { next: number; more: boolean } {
  let j = from;
  let more = false;
  let paren: string | null = null;
  let dialogue: string | null = null;
  let page = lines[from]?.page ?? 1;
  const flush = () => {
    if (dialogue) out.push({ kind: 'dialogue', text: dialogue, page });
    dialogue = null;
  };
  while (j < lines.length && near(lines[j - 1], lines[j])) {
    const l = lines[j]!;
    const d = offset(l.segments[0]!);
    const t = l.segments.map((s) => s.text).join(' ');
    if (d < DIALOGUE_MIN || d >= CUE_MIN) break;
    j++;
    if (/^\(MORE\)$/i.test(t)) {
      more = true;
      break;
    }
    if (paren !== null || t.startsWith('(')) {
      flush();
      paren = paren === null ? t : `${paren} ${t}`;
      if (paren.endsWith(')')) {
        out.push({ kind: 'parenthetical', text: paren, page: l.page });
        paren = null;
      }
      continue;
    }
    if (dialogue === null) page = l.page;
    dialogue = dialogue === null ? t : `${dialogue} ${t}`;
  }
  flush();
  if (paren !== null) out.push({ kind: 'parenthetical', text: paren, page });
  return { next: j, more };
}

/** Two cues side by side: both columns upper case, with dialogue right below. */
function isDualStart(line: PrintedLine, next: PrintedLine | undefined, near: (a?: PrintedLine, b?: PrintedLine) => boolean): boolean {
  return line.segments.length === 2 && line.segments.every((s) => looksLikeCueText(s.text)) && near(line, next);
}

/** Reads a dual-dialogue block column by column: the left speaker first, as written in Fountain. */
function readDual(
  lines: PrintedLine[],
  from: number,
  out: ScriptElement[],
  near: (a?: PrintedLine, b?: PrintedLine) => boolean,
  pageWidth: number,
): number {
  const right = lines[from]!.segments[1]!;
  const boundary = Math.min(right.x - 48, pageWidth / 2);
  const columns: [string[], string[]] = [[], []];
  let j = from;
  do {
    for (const s of lines[j]!.segments) columns[s.x < boundary ? 0 : 1].push(s.text);
    j++;
  } while (j < lines.length && near(lines[j - 1], lines[j]));
  const page = lines[from]!.page;
  columns.forEach((col, side) => {
    const [cue, ...rest] = col;
    if (!cue) return;
    out.push({ kind: 'cue', text: cue, page, ...(side === 1 ? { dual: true } : {}) });
    let dialogue = '';
    for (const t of rest) {
      if (t.startsWith('(')) {
        if (dialogue) out.push({ kind: 'dialogue', text: dialogue, page });
        dialogue = '';
        out.push({ kind: 'parenthetical', text: t, page });
      } else dialogue = dialogue ? `${dialogue} ${t}` : t;
    }
    if (dialogue) out.push({ kind: 'dialogue', text: dialogue, page });
  });
  return j;
}

/** Print keeps a forced cue's case ("McCABE"), so a cue at the cue indent needs only mostly capitals. */
function mostlyUpper(text: string): boolean {
  const name = cueName(text);
  const letters = name.match(/\p{L}/gu) ?? [];
  const upper = name.match(/\p{Lu}/gu) ?? [];
  return letters.length > 0 && upper.length >= letters.length * 0.6;
}

function paragraphKind(text: string, d: number): ScriptElement['kind'] {
  const upper = text === text.toUpperCase() && /\p{L}/u.test(text);
  if (d >= CUE_MAX && upper) return 'transition';
  if (Math.abs(d) < 10) {
    if (HEADING.test(text)) return 'heading';
    // EXT/INT. is not a heading in the Fountain spec; its Fountain twin reads it as action too.
    if (upper && SLUG.test(text) && !/^(?:EXT\/INT|E\/I)\b/.test(text)) return 'heading';
    if (upper && text.endsWith('TO:')) return 'transition';
  }
  return 'action';
}

function sameClass(d: number, base: number): boolean {
  return Math.abs(d - base) < 2 || (Math.abs(base) < 10 && Math.abs(d) < 10);
}

/** The action margin: the leftmost indent that a real share of lines start at. */
function actionMargin(lines: PrintedLine[]): number {
  const counts = new Map<number, number>();
  for (const l of lines) {
    const x = Math.round(l.segments[0]!.x);
    counts.set(x, (counts.get(x) ?? 0) + 1);
  }
  const min = Math.max(3, lines.length * 0.05);
  const xs = [...counts]
    .filter(([, n]) => n >= min)
    .map(([x]) => x)
    .sort((a, b) => a - b);
  return xs[0] ?? Math.min(...counts.keys());
}

/** The usual distance between two lines of one paragraph. */
function commonGap(lines: PrintedLine[]): number {
  const counts = new Map<number, number>();
  for (let i = 1; i < lines.length; i++) {
    if (lines[i]!.page !== lines[i - 1]!.page) continue;
    const g = Math.round(lines[i - 1]!.y - lines[i]!.y);
    // Single spacing is 8–18 pt for any readable script font; blank lines make the larger gaps.
    if (g >= 8 && g <= 18) counts.set(g, (counts.get(g) ?? 0) + 1);
  }
  return [...counts].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 12;
}

/**
 * Page furniture: a page number ("2.") as the first line of a page, and the CONTINUED: / (CONTINUED)
 * lines shooting scripts print at page breaks.
 */
function isPageNumber(line: PrintedLine, prev: PrintedLine | undefined): boolean {
  if (line.segments.length !== 1) return false;
  const t = line.segments[0]!.text;
  return ((!prev || prev.page !== line.page) && /^\d{1,4}\.?$/.test(t)) || /^\(?CONTINUED:?\)?(?: \(\d+\))?$/i.test(t);
}

/** Page 1 is a title page when it has no scene heading and no cue; its first line is the title. */
function titlePage(lines: PrintedLine[], margin: number): { title: string | null; authors: string[]; bodyFrom: number } {
  const page1 = lines.filter((l) => l.page === 1);
  const isBody = page1.some(
    (l) =>
      HEADING.test(l.segments[0]!.text) ||
      (l.segments[0]!.x - margin >= CUE_MIN && l.segments[0]!.x - margin < CUE_MAX && looksLikeCueText(l.segments[0]!.text)),
  );
  if (isBody || page1.length === 0) return { title: null, authors: [], bodyFrom: 1 };
  const texts = page1.map((l) => l.segments.map((s) => s.text).join(' '));
  const by = texts.findIndex((t) => /\bby$/i.test(t));
  const authors = by >= 0 && texts[by + 1] ? [texts[by + 1]!] : [];
  const titleLines = texts.slice(0, by > 0 ? by : 1).filter((t) => !/^(?:written|screenplay)\b/i.test(t));
  return { title: titleLines.join(' ') || null, authors, bodyFrom: 2 };
}
