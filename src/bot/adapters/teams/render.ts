/**
 * Renders the platform-neutral Reply as a Teams message: one Adaptive Card (schema 1.5) with the
 * reply's text as `summary` and card fallback; images inline when small, other files attached.
 */
import type { Activity, Attachment } from 'botbuilder';
import type { Block, Button, FileAttachment, Reply } from '../../reply.js';

export const ADAPTIVE_CARD = 'application/vnd.microsoft.card.adaptive';
export const CARD_VERSION = '1.5';

/** Images up to this size go inside the card as data URIs; larger ones are sent as attachments. */
export const INLINE_IMAGE_MAX_BYTES = 16 * 1024;

type Element = Record<string, unknown>;

/** The message activity a user sees for a reply. */
export function renderActivity(reply: Reply): Partial<Activity> {
  const files = new Map((reply.files ?? []).map((f) => [f.name, f]));
  const inlined = new Set<string>();
  const body: Element[] = [];
  let separateNext = false;
  for (const block of reply.blocks) {
    if (block.type === 'divider') {
      separateNext = true;
      continue;
    }
    const element = renderBlock(block, files, inlined);
    if (!element) continue;
    body.push(separateNext ? { ...element, separator: true, spacing: 'Medium' } : element);
    separateNext = false;
  }
  const attachments: Partial<Attachment>[] = [];
  if (body.length) attachments.push({ contentType: ADAPTIVE_CARD, content: card(body, reply.text) });
  for (const f of reply.files ?? []) if (!inlined.has(f.name)) attachments.push(fileAttachment(f));
  return {
    type: 'message',
    // Without a card, the text is the message; with one, it is the notification and screen-reader summary.
    ...(body.length ? { summary: reply.text } : { text: reply.text, textFormat: 'markdown' }),
    ...(attachments.length ? { attachments: attachments as Attachment[] } : {}),
  };
}

/** A progress line: plain text, updated in place as work advances. */
export function renderProgress(text: string, id?: string): Partial<Activity> {
  return { type: 'message', text, textFormat: 'plain', ...(id ? { id } : {}) };
}

function card(body: Element[], fallback: string): Element {
  return {
    type: 'AdaptiveCard',
    $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
    version: CARD_VERSION,
    body,
    fallbackText: fallback,
    msteams: { width: 'Full' },
  };
}

function renderBlock(
  block: Exclude<Block, { type: 'divider' }>,
  files: Map<string, FileAttachment>,
  inlined: Set<string>,
): Element | undefined {
  switch (block.type) {
    case 'heading':
      return { type: 'TextBlock', text: markdown(block.text), size: 'Large', weight: 'Bolder', style: 'heading', wrap: true };
    case 'section':
      return { type: 'TextBlock', text: markdown(block.text), wrap: true };
    case 'context':
      return { type: 'TextBlock', text: markdown(block.text), isSubtle: true, size: 'Small', wrap: true };
    case 'fields':
      return { type: 'FactSet', facts: block.fields.map((f) => ({ title: f.label, value: markdown(f.value) })) };
    case 'table':
      return table(block.columns, block.rows);
    case 'actions':
      return { type: 'ActionSet', actions: block.buttons.map(submitAction) };
    case 'image': {
      const file = files.get(block.file);
      if (!file || file.data.byteLength > INLINE_IMAGE_MAX_BYTES) return undefined;
      inlined.add(file.name);
      return { type: 'Image', url: dataUri(file), altText: block.alt, size: 'Stretch' };
    }
  }
}

function table(columns: string[], rows: string[][]): Element {
  const cell = (text: string, header = false): Element => ({
    type: 'TableCell',
    items: [{ type: 'TextBlock', text: markdown(text), wrap: true, ...(header ? { weight: 'Bolder' } : {}) }],
  });
  return {
    type: 'Table',
    firstRowAsHeader: true,
    gridStyle: 'accent',
    columns: columns.map(() => ({ width: 1 })),
    rows: [
      { type: 'TableRow', cells: columns.map((c) => cell(c, true)) },
      ...rows.map((r) => ({ type: 'TableRow', cells: columns.map((_, i) => cell(r[i] ?? '')) })),
    ],
  };
}

/** A button: Action.Submit whose data is the skill action, handed back verbatim on press. */
function submitAction(b: Button): Element {
  return {
    type: 'Action.Submit',
    title: b.label,
    data: { skill: b.action.skill, args: b.action.args },
    ...(b.style === 'primary' ? { style: 'positive' } : b.style === 'danger' ? { style: 'destructive' } : {}),
  };
}

function fileAttachment(f: FileAttachment): Partial<Attachment> {
  return { contentType: f.mimeType, contentUrl: dataUri(f), name: f.name };
}

function dataUri(f: FileAttachment): string {
  return `data:${f.mimeType};base64,${Buffer.from(f.data).toString('base64')}`;
}

/** The reply markup's *bold* is Adaptive Card markdown's **bold**; _italic_ is the same in both. */
function markdown(s: string): string {
  return s.replace(/\*([^*\n]+)\*/g, '**$1**');
}
