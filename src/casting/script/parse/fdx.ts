/**
 * Final Draft (.fdx) reader on fast-xml-parser with entity processing off. A DOCTYPE or ENTITY
 * declaration is refused outright (an FDX never needs one, and it is how billion-laughs files
 * start). Only the paragraphs of the top-level `<Content>` are the script, including those nested
 * in `<DualDialogue>`; SmartType lists, Cast and SceneProperties repeat names and are ignored.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { stripEmphasis, type ElementKind, type ScriptDocument, type ScriptElement } from './document.js';
import { PageEstimator } from './page-estimate.js';
import { ScriptError } from './types.js';

type XmlNode = Record<string, unknown> & { ':@'?: Record<string, string> };

const KINDS: Record<string, ElementKind> = {
  'Scene Heading': 'heading',
  Action: 'action',
  Character: 'cue',
  Dialogue: 'dialogue',
  Parenthetical: 'parenthetical',
  Transition: 'transition',
  Shot: 'action',
  General: 'action',
};

const MALFORMED =
  'is not a readable Final Draft file (the XML is broken). Export it again from Final Draft, or upload a PDF or Fountain version.';

/** Reads an FDX document; throws ScriptError('malformed') for broken or dangerous XML. */
export function readFdx(text: string, fileName: string): ScriptDocument {
  if (/<!DOCTYPE|<!ENTITY/i.test(text)) {
    throw new ScriptError(
      'malformed',
      `${fileName} declares XML entities, which a Final Draft file never does, so I did not read it. Export the script again from Final Draft, or upload a PDF or Fountain version.`,
    );
  }
  if (XMLValidator.validate(text) !== true) throw new ScriptError('malformed', `${fileName} ${MALFORMED}`);
  const parser = new XMLParser({
    preserveOrder: true,
    ignoreAttributes: false,
    attributeNamePrefix: '',
    processEntities: false,
    htmlEntities: false,
    trimValues: false,
    parseTagValue: false,
  });
  const root = parser.parse(text) as XmlNode[];
  const fd = child(root, 'FinalDraft');
  if (!fd)
    throw new ScriptError(
      'malformed',
      `${fileName} is XML but not a Final Draft script (no FinalDraft root). Upload the .fdx saved by Final Draft, a PDF, or a Fountain file.`,
    );
  const content = child(fd, 'Content') ?? [];
  const titlePage = child(child(fd, 'TitlePage') ?? [], 'Content') ?? [];
  const titleLines = paragraphs(titlePage)
    .map((p) => paragraphText(p).trim())
    .filter(Boolean);

  const pages = new PageEstimator(titleLines.length ? 2 : 1);
  const elements: ScriptElement[] = [];
  const visit = (nodes: XmlNode[]) => {
    for (const p of paragraphs(nodes)) {
      const dual = child((p.Paragraph as XmlNode[] | undefined) ?? [], 'DualDialogue');
      if (dual) {
        const before = elements.length;
        visit(dual);
        // The second cue of the pair is the dual one, as `^` marks it in Fountain.
        const cues = elements.slice(before).filter((e) => e.kind === 'cue');
        if (cues[1]) cues[1].dual = true;
        continue;
      }
      const kind = KINDS[attr(p, 'Type') ?? ''];
      const t = stripEmphasis(paragraphText(p)).replace(/\s+/g, ' ').trim();
      if (!kind || !t) continue;
      elements.push({ kind, text: t, page: pages.place(kind, t) });
      if (kind === 'dialogue' || kind === 'action' || kind === 'heading' || kind === 'transition') pages.blank();
    }
  };
  visit(content);
  return { format: 'fdx', ...titleFrom(titleLines), pages: pages.total(), elements };
}

/** Title page paragraphs: the first line is the title; names after a "by" line are the authors. */
function titleFrom(lines: string[]): { title: string | null; authors: string[] } {
  const by = lines.findIndex((l) => /\bby\b\s*$/i.test(l) || /^by$/i.test(l));
  const authors = by >= 0 && lines[by + 1] ? lines[by + 1]!.split(/\s*(?:,|&|\band\b)\s*/).filter(Boolean) : [];
  return { title: lines[0] ?? null, authors };
}

function child(nodes: XmlNode[], name: string): XmlNode[] | undefined {
  for (const n of nodes) if (name in n) return n[name] as XmlNode[];
  return undefined;
}

function paragraphs(nodes: XmlNode[]): XmlNode[] {
  const out: XmlNode[] = [];
  for (const n of nodes) if ('Paragraph' in n) out.push(n);
  return out;
}

function attr(node: XmlNode, name: string): string | undefined {
  return node[':@']?.[name];
}

/** The paragraph's own `<Text>` runs, entities decoded (entity processing is off in the parser). */
function paragraphText(p: XmlNode): string {
  let s = '';
  for (const n of (p.Paragraph as XmlNode[]) ?? []) {
    if (!('Text' in n)) continue;
    for (const t of (n.Text as XmlNode[]) ?? []) if ('#text' in t) s += String(t['#text']);
  }
  return decodeEntities(s);
}

function decodeEntities(s: string): string {
  if (!s.includes('&')) return s;
  return s.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|apos);/gi, (_, e: string) => {
    const k = e.toLowerCase();
    if (k[0] === '#') {
      const cp = k[1] === 'x' ? parseInt(k.slice(2), 16) : parseInt(k.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : '';
    }
    return ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[k] ?? '';
  });
}
