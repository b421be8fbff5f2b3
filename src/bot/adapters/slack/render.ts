/**
 * Renders the platform-neutral Reply as a Slack message: Block Kit blocks within Slack's limits
 * (50 blocks, 3,000 characters per section, 10 fields…) and the reply's text as the notification
 * and screen-reader fallback. Images and files are not blocks here: the sink uploads them with
 * `files.uploadV2` next to the message. Skills already write Slack mrkdwn (`*bold*`, `_italic_`).
 */
import type { types } from '@slack/bolt';
import type { Block, Button, Reply } from '../../reply.js';
import { encodeAction } from './actions.js';
import { SLACK_LIMITS as L } from './limits.js';

type KnownBlock = types.KnownBlock;

/** What `chat.postMessage` / `chat.update` / `response_url` take for a reply. */
export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
}

/** The Block Kit message a Slack user sees for a reply. */
export function renderMessage(reply: Reply): SlackMessage {
  const blocks = reply.blocks.flatMap((b, i) => renderBlock(b, i));
  return { text: truncate(escapeMrkdwn(reply.text) || ' ', L.messageText), blocks: withinBlockLimit(blocks) };
}

/** A one-line progress message, updated in place as work advances. */
export function renderProgress(text: string): SlackMessage {
  const line = truncate(`⏳ ${escapeMrkdwn(text)}`, L.contextText);
  return { text: line, blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: line }] }] };
}

function renderBlock(block: Block, index: number): KnownBlock[] {
  switch (block.type) {
    case 'heading':
      return [{ type: 'header', text: { type: 'plain_text', text: truncate(block.text, L.headerText), emoji: true } }];
    case 'section':
      return chunkText(escapeMrkdwn(block.text), L.sectionText).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
    case 'fields':
      return chunk(block.fields, L.sectionFields).map((group) => ({
        type: 'section',
        fields: group.map((f) => ({ type: 'mrkdwn', text: truncate(escapeMrkdwn(`*${f.label}*\n${f.value || '—'}`), L.fieldText) })),
      }));
    case 'table':
      return chunkText(escapeMrkdwn(tableText(block.columns, block.rows)), L.sectionText - 8).map((text) => ({
        type: 'section',
        text: { type: 'mrkdwn', text: `\`\`\`${text}\`\`\`` },
      }));
    case 'actions': {
      const buttons = block.buttons.flatMap((b, j) => renderButton(b, `cast:${index}:${j}`));
      return chunk(buttons, L.actionElements).map((elements, k) => ({ type: 'actions', block_id: `cast-actions-${index}-${k}`, elements }));
    }
    case 'context':
      return [{ type: 'context', elements: [{ type: 'mrkdwn', text: truncate(escapeMrkdwn(block.text), L.contextText) }] }];
    case 'divider':
      return [{ type: 'divider' }];
    case 'image':
      // The image itself is uploaded as a file beside the message (see sink.ts).
      return [];
  }
}

function renderButton(b: Button, actionId: string): types.Button[] {
  const value = encodeAction(b.action);
  // A value Slack would refuse cannot be shortened without breaking the action: leave the button out.
  if (value.length > L.buttonValue) return [];
  return [
    {
      type: 'button',
      action_id: actionId,
      value,
      text: { type: 'plain_text', text: truncate(b.label, L.buttonText), emoji: true },
      ...(b.style ? { style: b.style } : {}),
    },
  ];
}

/** Keeps the first blocks and any closing buttons, and says how much was left out. */
function withinBlockLimit(blocks: KnownBlock[]): KnownBlock[] {
  if (blocks.length <= L.blocks) return blocks;
  let tail = 0;
  while (tail < blocks.length && tail < 2 && blocks[blocks.length - 1 - tail]!.type === 'actions') tail++;
  const head = blocks.slice(0, L.blocks - 1 - tail);
  const omitted = blocks.length - head.length - tail;
  const notice: KnownBlock = {
    type: 'context',
    elements: [
      {
        type: 'mrkdwn',
        text: `…${omitted} more part${omitted === 1 ? '' : 's'} not shown: Slack shows at most ${L.blocks} per message. Ask for something narrower to see the rest.`,
      },
    ],
  };
  return [...head, notice, ...blocks.slice(blocks.length - tail)];
}

/**
 * Slack reads `<!everyone>`, `<!channel>`, `<@U…>` and `<url|label>` in mrkdwn and message text: a
 * roster name or a script line containing one would ping a whole workspace. Skills write no links
 * or mentions of their own, so every `&`, `<` and `>` is shown as itself.
 */
export function escapeMrkdwn(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** A table as aligned monospace text: Slack's own table block is not available to every client. */
function tableText(columns: string[], rows: string[][]): string {
  const all = [columns, ...rows].map((r) => columns.map((_, i) => (r[i] ?? '').replace(/`/g, "'")));
  const widths = columns.map((_, i) => Math.min(40, Math.max(...all.map((r) => r[i]!.length))));
  return all
    .map((r) =>
      r
        .map((cell, i) => truncate(cell, widths[i]!).padEnd(widths[i]!))
        .join('  ')
        .trimEnd(),
    )
    .join('\n');
}

/** Splits text into pieces of at most `max` characters, on line breaks where possible. */
export function chunkText(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text || ' ';
  while (rest.length > max) {
    const cut = rest.lastIndexOf('\n', max);
    const at = cut > max / 2 ? cut : max;
    out.push(rest.slice(0, at));
    rest = rest.slice(at).replace(/^\n/, '');
  }
  out.push(rest);
  return out;
}

function chunk<T>(items: T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
