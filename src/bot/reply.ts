/**
 * The platform-neutral reply model. Skills build replies from these blocks; each adapter renders
 * them (Block Kit, Adaptive Card, terminal text) and always has `text` as the fallback.
 */
import type { ActionPress } from './message.js';

export interface Button {
  label: string;
  action: ActionPress;
  style?: 'primary' | 'danger';
}

export type Block =
  | { type: 'heading'; text: string }
  | { type: 'section'; text: string }
  | { type: 'fields'; fields: { label: string; value: string }[] }
  | { type: 'table'; columns: string[]; rows: string[][] }
  | { type: 'actions'; buttons: Button[] }
  | { type: 'image'; file: string; alt: string }
  | { type: 'context'; text: string }
  | { type: 'divider' };

export interface FileAttachment {
  name: string;
  mimeType: string;
  data: Uint8Array;
  title?: string;
}

export interface Reply {
  /** Plain fallback: notifications, screen readers, logs. Never empty. */
  text: string;
  blocks: Block[];
  files?: FileAttachment[];
  /** Visible only to the person who asked, where the platform supports it. */
  ephemeral?: boolean;
  /** Marks answers that describe a failure, for metrics and for adapters that style them. */
  isError?: boolean;
}

/** Small fluent builder so skills read like the message they produce. */
export class ReplyBuilder {
  private readonly blocks: Block[] = [];
  private readonly files: FileAttachment[] = [];
  constructor(private readonly fallback: string) {}

  heading(text: string): this {
    this.blocks.push({ type: 'heading', text });
    return this;
  }
  section(text: string): this {
    this.blocks.push({ type: 'section', text });
    return this;
  }
  fields(fields: { label: string; value: string }[]): this {
    if (fields.length) this.blocks.push({ type: 'fields', fields });
    return this;
  }
  table(columns: string[], rows: string[][]): this {
    this.blocks.push({ type: 'table', columns, rows });
    return this;
  }
  buttons(buttons: Button[]): this {
    if (buttons.length) this.blocks.push({ type: 'actions', buttons });
    return this;
  }
  context(text: string): this {
    this.blocks.push({ type: 'context', text });
    return this;
  }
  divider(): this {
    this.blocks.push({ type: 'divider' });
    return this;
  }
  image(file: FileAttachment, alt: string): this {
    this.files.push(file);
    this.blocks.push({ type: 'image', file: file.name, alt });
    return this;
  }
  file(file: FileAttachment): this {
    this.files.push(file);
    return this;
  }
  build(): Reply {
    return { text: this.fallback, blocks: this.blocks, ...(this.files.length ? { files: this.files } : {}) };
  }
}

export function reply(text: string): ReplyBuilder {
  return new ReplyBuilder(text);
}

/** A one-line answer. */
export function textReply(text: string): Reply {
  return { text, blocks: [{ type: 'section', text }] };
}

/** A failure the user can act on: what went wrong and what to do next. */
export function errorReply(text: string): Reply {
  return { text, blocks: [{ type: 'section', text }], isError: true };
}
