/**
 * A conversation with the bot in the terminal. Each line is one message; `/upload PATH [text]`
 * shares a file; buttons of the last reply are numbered and pressed by number or label; lines
 * starting with `/cast` are slash commands.
 */
import { mkdir, stat, writeFile } from 'node:fs/promises';
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
    const upload = await parseUpload(line);
    if (upload) {
      let file: SharedFile;
      try {
        file = await localFile(upload.path);
      } catch (err) {
        return { ...base, text: `[upload failed: ${(err as Error).message}]`, files: [] };
      }
      return { ...base, text: upload.text, files: [file] };
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

/**
 * `/upload PATH [text]`, or undefined for any other line (`path` is empty when none was given).
 * Screenplay names have spaces ("Big Fish.fountain"), so PATH may be quoted as a shell word ('…' or
 * "…", as `castmatch analyze` prints it) or not: unquoted, it is the longest start of the rest that
 * names an existing file, since a space can be part of the name or the start of the message.
 */
export async function parseUpload(line: string): Promise<{ path: string; text: string } | undefined> {
  const m = /^\/upload(?:\s+([\s\S]*))?$/.exec(line.trim());
  if (!m) return undefined;
  const rest = m[1] ?? '';
  if (rest.startsWith("'") || rest.startsWith('"')) return readShellWord(rest);
  const ends = [...rest.matchAll(/\s+/g)].map((w) => w.index).concat(rest.length);
  const candidates = ends.map((end) => ({ path: rest.slice(0, end), text: rest.slice(end).trim() }));
  const kinds = await Promise.all(
    candidates.map((c) =>
      stat(c.path).then(
        (info) => (info.isFile() ? 'file' : 'other'),
        () => 'missing',
      ),
    ),
  );
  const longest = (kind: string) => candidates.filter((_, i) => kinds[i] === kind).at(-1);
  // Nothing is a file: name what the user most likely meant, so the error names it (a directory
  // that exists, else the first words up to one ending in an extension, "my scripts/Big Fish.fountain").
  return longest('file') ?? longest('other') ?? candidates.find((c) => /\.\w+$/.test(c.path)) ?? candidates[0]!;
}

/** A quoted first word as a POSIX shell reads it ('it'\''s.fountain' too); an unclosed quote runs to the end. */
function readShellWord(s: string): { path: string; text: string } {
  let word = '';
  let i = 0;
  while (i < s.length && !/\s/.test(s[i]!)) {
    const c = s[i++]!;
    if (c === "'") {
      const end = s.indexOf("'", i);
      word += s.slice(i, end < 0 ? s.length : end);
      i = end < 0 ? s.length : end + 1;
    } else if (c === '"') {
      while (i < s.length && s[i] !== '"') {
        if (s[i] === '\\' && /["\\$`]/.test(s[i + 1] ?? '')) i++;
        word += s[i++]!;
      }
      i++;
    } else if (c === '\\' && i < s.length) word += s[i++]!;
    else word += c;
  }
  return { path: word, text: s.slice(i).trim() };
}
