/**
 * Plain-text rendering of a Reply: the terminal, notifications and logs. Buttons become numbered
 * choices so a terminal user can press them by number or label.
 */
import type { Block, Button, Reply } from '../reply.js';

export interface TextRendering {
  text: string;
  buttons: Button[];
}

export function renderText(reply: Reply): string {
  return renderTextWithChoices(reply).text;
}

export function renderTextWithChoices(reply: Reply, firstChoice = 1): TextRendering {
  const buttons: Button[] = [];
  const parts = reply.blocks.map((b) => renderBlock(b, buttons, firstChoice)).filter((s) => s.length > 0);
  const text = parts.length ? parts.join('\n') : reply.text;
  return { text, buttons };
}

function renderBlock(block: Block, buttons: Button[], firstChoice: number): string {
  switch (block.type) {
    case 'heading':
      return `== ${block.text} ==`;
    case 'section':
      return stripMarkup(block.text);
    case 'context':
      return `   ${stripMarkup(block.text)}`;
    case 'divider':
      return '---';
    case 'fields':
      return block.fields.map((f) => `${f.label}: ${stripMarkup(f.value)}`).join('\n');
    case 'table':
      return renderTable(block.columns, block.rows);
    case 'image':
      return `[image: ${block.file}: ${block.alt}]`;
    case 'actions':
      return block.buttons
        .map((b) => {
          buttons.push(b);
          return `  [${firstChoice + buttons.length - 1}] ${b.label}`;
        })
        .join('\n');
  }
}

function renderTable(columns: string[], rows: string[][]): string {
  const widths = columns.map((c, i) => Math.min(40, Math.max(c.length, ...rows.map((r) => (r[i] ?? '').length))));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => truncate(c, widths[i] ?? 0).padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(columns), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

function truncate(s: string, width: number): string {
  return s.length > width ? `${s.slice(0, Math.max(0, width - 1))}…` : s;
}

/** Replies use a tiny markup (*bold*, _italic_) that every renderer understands; text drops it. */
function stripMarkup(s: string): string {
  return s.replace(/\*([^*\n]+)\*/g, '$1').replace(/(^|\s)_([^_\n]+)_(?=\s|$|[.,;:])/g, '$1$2');
}
