/**
 * A conversation with the bot in the terminal. Each line is one message; `/upload PATH [text]`
 * shares a file; buttons of the last reply are numbered and pressed by number or label; lines
 * starting with `/cast` are slash commands.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { IncomingMessage, SharedFile } from '../../message.js';
import type { Button, Reply } from '../../reply.js';
import type { TurnHandler } from '../../turn-handler.js';
import { renderTextWithChoices } from '../../render/text.js';
import { localFile } from './local-file.js';

export interface TerminalChatOptions {
  channel: string;
  user: string;
  /** Where reply attachments (charts, invitations) are written. */
  filesDir: string;
  workspace?: string;
  timeZone?: string;
  now?: () => Date;
}

/** One rendered reply: text for people, the reply itself for `--json`. */
export interface TerminalOutput {
  text: string;
  reply: Reply;
  files: { name: string; mimeType: string; path: string }[];
}

export class TerminalChat {
  private buttons: Button[] = [];
  private seq = 0;

  constructor(
    private readonly handler: TurnHandler,
    private readonly opts: TerminalChatOptions,
    private readonly onProgress: (text: string) => void = () => undefined,
  ) {}

  /** Sends one line as the user and returns the bot's replies to it. */
  async say(line: string): Promise<TerminalOutput[]> {
    const message = await this.toMessage(line.trim());
    if (!message) return [];
    const outputs: TerminalOutput[] = [];
    const pressed: Button[] = [];
    await this.handler.handle(message, {
      send: async (reply) => {
        const rendered = renderTextWithChoices(reply, pressed.length + 1);
        pressed.push(...rendered.buttons);
        outputs.push({ text: rendered.text, reply, files: await this.saveFiles(reply) });
      },
      progress: async (text) => this.onProgress(text),
    });
    if (pressed.length) this.buttons = pressed;
    return outputs;
  }

  private async toMessage(line: string): Promise<IncomingMessage | undefined> {
    if (!line) return undefined;
    const base = {
      address: { platform: 'local' as const, workspace: this.opts.workspace ?? 'local', channel: this.opts.channel },
      user: { id: this.opts.user, name: this.opts.user, ...(this.opts.timeZone ? { timeZone: this.opts.timeZone } : {}) },
      addressed: true,
      receivedAt: this.opts.now?.() ?? new Date(),
    };
    const button = this.buttonFor(line);
    if (button) return { ...base, text: button.label, action: button.action };
    if (line.startsWith('/upload ')) {
      const [, filePath = '', ...rest] = line.split(/\s+/);
      let file: SharedFile;
      try {
        file = await localFile(filePath);
      } catch (err) {
        return { ...base, text: `[upload failed: ${(err as Error).message}]`, files: [] };
      }
      return { ...base, text: rest.join(' '), files: [file] };
    }
    if (/^\/cast(\s|$)/.test(line)) return { ...base, text: line, command: { name: '/cast', text: line.slice(5).trim() } };
    return { ...base, text: line };
  }

  private buttonFor(line: string): Button | undefined {
    if (/^\d{1,2}$/.test(line)) return this.buttons[Number(line) - 1];
    const lower = line.toLowerCase();
    const matches = this.buttons.filter((b) => b.label.toLowerCase() === lower);
    return matches.length === 1 ? matches[0] : undefined;
  }

  private async saveFiles(reply: Reply): Promise<TerminalOutput['files']> {
    if (!reply.files?.length) return [];
    const dir = path.join(this.opts.filesDir, this.opts.channel.replace(/[^\w.-]/g, '_'));
    await mkdir(dir, { recursive: true });
    return Promise.all(
      reply.files.map(async (f) => {
        const target = path.join(dir, `${++this.seq}-${f.name.replace(/[^\w.-]/g, '_')}`);
        await writeFile(target, f.data);
        return { name: f.name, mimeType: f.mimeType, path: target };
      }),
    );
  }
}
