/**
 * A Fountain reader written to the spec (https://fountain.io/syntax) in one pass over the lines:
 * title page, boneyard, notes, sections and synopses, scene headings (forced `.`), cues (forced
 * `@`, dual `^`), parentheticals, dialogue (lyrics `~`, two-space continuation), transitions
 * (forced `>`), centered text, page breaks `===`. Plain-text screenplays go through it as well.
 */
import { looksLikeCueText } from './cue-name.js';
import { stripEmphasis, type ScriptDocument, type ScriptElement } from './document.js';
import { PageEstimator } from './page-estimate.js';
import type { ScriptFormat } from './types.js';

const HEADING = /^(?:INT|EXT|EST|INT\.?\/EXT|I\/E)[.\s]/i;
const TITLE_KEY = /^([A-Za-z][A-Za-z ]*):(.*)$/;

/** Reads Fountain (or Fountain-like plain text) into the neutral document. */
export function readFountain(text: string, format: ScriptFormat = 'fountain'): ScriptDocument {
  const lines = clean(text).split('\n');
  const { title, authors, next } = readTitlePage(lines);
  const pages = new PageEstimator(next > 0 ? 2 : 1);
  const elements: ScriptElement[] = [];
  const push = (kind: ScriptElement['kind'], t: string, extra?: { dual?: boolean }) => {
    elements.push({ kind, text: stripEmphasis(t), page: pages.place(kind, t), ...extra });
  };
  let prevBlank = true;
  let inDialogue = false;
  const n = lines.length;
  for (let i = next; i < n; i++) {
    const raw = lines[i]!;
    const t = raw.trim();
    if (t === '') {
      // Two spaces keep a speech going across an empty-looking line (spec: "dialogue with line breaks").
      if (inDialogue && raw.length >= 2 && i + 1 < n && lines[i + 1]!.trim() !== '') continue;
      if (!prevBlank) pages.blank();
      inDialogue = false;
      prevBlank = true;
      continue;
    }
    const c = t.charCodeAt(0);
    if (c === 61 /* = */) {
      if (/^={3,}$/.test(t)) pages.breakPage();
      prevBlank = true; // page breaks and synopses sit between blocks
      continue;
    }
    if (c === 35 /* # */) {
      prevBlank = true;
      continue;
    }
    if (inDialogue) {
      if (c === 40 /* ( */ && t.endsWith(')')) push('parenthetical', t);
      else push('dialogue', c === 126 /* ~ */ ? t.slice(1).trim() : t);
      continue;
    }
    const nextBlank = i + 1 >= n || lines[i + 1]!.trim() === '';
    if (c === 33 /* ! */) push('action', t.slice(1));
    else if (c === 46 /* . */ && prevBlank && t.length > 1 && t[1] !== '.') push('heading', t.slice(1).trim());
    else if (prevBlank && HEADING.test(t)) push('heading', t.replace(/\s+/g, ' '));
    else if (c === 62 /* > */) {
      if (t.endsWith('<')) push('action', t.slice(1, -1).trim());
      else push('transition', t.slice(1).trim());
    } else if (prevBlank && nextBlank && t.endsWith('TO:') && t === t.toUpperCase()) push('transition', t);
    else if (prevBlank && !nextBlank && isCue(t)) {
      push('cue', t, t.endsWith('^') ? { dual: true } : undefined);
      inDialogue = true;
    } else push('action', c === 126 /* ~ */ ? t.slice(1).trim() : t);
    prevBlank = false;
  }
  return { format, title, authors, pages: pages.total(), elements };
}

function isCue(t: string): boolean {
  if (t.charCodeAt(0) === 64 /* @ */) return t.length > 1;
  if (t.endsWith('TO:') || t.startsWith('[[')) return false;
  return looksLikeCueText(t);
}

/** Line endings unified, boneyard (nestable) and notes removed. */
function clean(text: string): string {
  let s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  if (s.includes('\r')) s = s.replace(/\r\n?/g, '\n');
  if (s.includes('/*')) s = removeBoneyard(s);
  if (s.includes('[[')) s = s.replace(/\[\[[\s\S]*?\]\]/g, '');
  return s;
}

function removeBoneyard(s: string): string {
  let out = '';
  let depth = 0;
  let from = 0;
  const re = /\/\*|\*\//g;
  for (let m = re.exec(s); m; m = re.exec(s)) {
    if (m[0] === '/*') {
      if (depth === 0) out += s.slice(from, m.index);
      depth++;
    } else if (depth > 0) {
      depth--;
      if (depth === 0) from = m.index + 2;
    }
  }
  return depth === 0 ? out + s.slice(from) : out;
}

/** The title page: `Key: value` lines (values may continue on indented lines) up to the first blank line. */
function readTitlePage(lines: string[]): { title: string | null; authors: string[]; next: number } {
  if (!TITLE_KEY.test(lines[0] ?? '')) return { title: null, authors: [], next: 0 };
  const values = new Map<string, string[]>();
  let key = '';
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i]!;
    if (line.trim() === '') break;
    const m = /^\s/.test(line) ? null : TITLE_KEY.exec(line);
    if (m) {
      key = m[1]!.toLowerCase().trim();
      values.set(key, m[2]!.trim() ? [m[2]!.trim()] : []);
    } else if (key) values.get(key)!.push(line.trim());
  }
  const text = (k: string) => (values.get(k) ?? []).map((v) => stripEmphasis(v).trim()).filter(Boolean);
  const title = text('title').join(' ') || null;
  const authors = [...text('author'), ...text('authors')]
    .flatMap((a) => a.split(/\s*(?:,|&|\band\b)\s*/))
    .map((a) => a.trim())
    .filter(Boolean);
  return { title, authors, next: i };
}
