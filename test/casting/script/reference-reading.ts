/**
 * An independent, deliberately simple reading of Fountain and FDX files, written from the rules in
 * examples/scripts/SOURCES.md ("How the counts were made"). It shares no code with the parser,
 * so agreement between the two means something.
 */

export interface ReferenceCounts {
  cues: Record<string, number>;
  scenes: number;
}

const HEADING_START = /^(?:INT|EXT|EST|I\/E)/i;

/** Fountain: a cue is an upper-case (or `@`) line after a blank line and before a non-blank one. */
export function referenceFountain(source: string): ReferenceCounts {
  let text = source.replace(/\r\n?/g, '\n');
  // Boneyard, innermost first so nested comments go too.
  for (let before = ''; before !== text;) {
    before = text;
    text = text.replace(/\/\*(?:(?!\/\*)[\s\S])*?\*\//g, '');
  }
  const lines = text.split('\n');
  let start = 0;
  if (/^[A-Za-z ]+:/.test(lines[0] ?? '')) while (start < lines.length && lines[start]!.trim() !== '') start++;
  const cues: Record<string, number> = {};
  let scenes = 0;
  for (let i = start; i < lines.length; i++) {
    const t = lines[i]!.trim();
    const afterBlank = i === start || lines[i - 1]!.trim() === '';
    const beforeText = i + 1 < lines.length && lines[i + 1]!.trim() !== '';
    if (!t || !afterBlank) continue;
    if (/^(?:INT|EXT|EST|INT\.?\/EXT|I\/E)[.\s]/i.test(t) || /^\.[^.\s]/.test(t)) {
      scenes++;
      continue;
    }
    if (!beforeText) continue;
    if (HEADING_START.test(t) || t.startsWith('.') || t.endsWith('TO:') || t.startsWith('>')) continue;
    if (t.startsWith('#') || t.startsWith('=') || t.startsWith('[[')) continue;
    const withoutParens = t
      .replace(/\([^)]*\)/g, '')
      .replace(/\^$/, '')
      .trim();
    const isUpper = /[A-Za-z\u00C0-\u024F]/.test(withoutParens) && withoutParens === withoutParens.toUpperCase();
    if (!isUpper && !t.startsWith('@')) continue;
    const name = withoutParens.replace(/^@/, '').replace(/\s+/g, ' ').trim();
    cues[name] = (cues[name] ?? 0) + 1;
  }
  return { cues, scenes };
}

/** FDX: every `Paragraph Type="Character"` under the top-level `<Content>`, nested dual dialogue included. */
export function referenceFdx(xml: string): ReferenceCounts {
  const start = xml.indexOf('<Content>');
  const end = xml.indexOf('</Content>', start);
  const body = xml.slice(start, end);
  const cues: Record<string, number> = {};
  let scenes = 0;
  const re = /<Paragraph[^>]*Type="([^"]+)"[^>]*>([\s\S]*?)<\/Paragraph>/g;
  for (let m = re.exec(body); m; m = re.exec(body)) {
    const text = [...m[2]!.matchAll(/<Text[^>]*>([^<]*)<\/Text>/g)]
      .map((x) => x[1])
      .join('')
      .replace(/&amp;/g, '&')
      .replace(/&apos;/g, "'")
      .replace(/&quot;/g, '"');
    if (m[1] === 'Scene Heading') scenes++;
    if (m[1] !== 'Character') continue;
    const name = text
      .replace(/\([^)]*\)/g, '')
      .replace(/\s+/g, ' ')
      .trim();
    if (name) cues[name] = (cues[name] ?? 0) + 1;
  }
  return { cues, scenes };
}
