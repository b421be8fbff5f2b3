/**
 * The chat page: `castmatch serve` answers `GET /` with one self-contained page where a casting
 * team talks to the bot as in `castmatch chat`, with no Slack or Teams. Messages and files go to
 * the same engine through the same file intake; every turn's progress and replies stream back.
 *
 * Not a ChatAdapter: it has no proactive poster, so reminders for `local` conversations are still
 * logged by the Outbox. Unauthenticated, so it answers only this machine (`guard.ts`).
 */
import { readFile } from 'node:fs/promises';
import { createHash } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import type { IncomingMessage as HttpRequest, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from '../../../config/config.js';
import type { HttpRoute } from '../../http/route.js';
import { sendJson } from '../../http/server.js';
import type { IncomingMessage } from '../../message.js';
import type { TurnHandler } from '../../turn-handler.js';
import { fileIntake, FileRefusedError } from '../../file-intake.js';
import { refusal } from './guard.js';
import { BadRequest, heldFile, readMessage, readUpload, toMessage } from './request.js';
import { StreamSink } from './stream.js';

/**
 * `dist/` holds only compiled TypeScript, so the page is read from the sources; `src/` and `dist/`
 * sit at the same depth, so one relative path serves both.
 */
const PAGE_FILE = fileURLToPath(new URL('../../../../src/bot/adapters/web/chat.html', import.meta.url));

/** The terminal's workspace: the roster and channels `castmatch demo`, `import talent` and `chat` use. */
const WORKSPACE = 'local';

export interface WebChatOptions {
  handler: TurnHandler;
  config: Pick<Config, 'SCRIPT_MAX_BYTES' | 'ROSTER_MAX_BYTES'>;
  log: Logger;
}

export interface WebChat {
  routes: HttpRoute[];
}

export async function createWebChat(opts: WebChatOptions): Promise<WebChat> {
  const page = await loadPage();
  const intake = fileIntake(opts.config);

  /** Runs one turn, streaming its progress and replies into the response. */
  const run = async (res: ServerResponse, message: IncomingMessage) => {
    const sink = new StreamSink(res);
    await opts.handler.handle(message, sink);
    sink.end();
  };

  /** Refuses requests from elsewhere, and turns a bad request into its status and message. */
  const guarded =
    (listener: (req: HttpRequest, res: ServerResponse) => Promise<void>) =>
    async (req: HttpRequest, res: ServerResponse): Promise<void> => {
      const refused = refusal(req);
      if (refused) {
        opts.log.warn({ remote: req.socket.remoteAddress, path: req.url?.split('?')[0] }, 'chat page request refused');
        return sendJson(res, 403, { error: refused });
      }
      try {
        await listener(req, res);
      } catch (err) {
        if (!(err instanceof BadRequest) || res.headersSent) throw err;
        sendJson(res, err.status, { error: err.message });
      }
    };

  const showPage = async (_req: HttpRequest, res: ServerResponse) => {
    res.writeHead(200, page.headers);
    res.end(page.html);
  };

  const postMessage = async (req: HttpRequest, res: ServerResponse) => {
    const turn = await readMessage(req);
    await run(res, toMessage(turn, WORKSPACE, new Date()));
  };

  /** The file is read here, within its kind's limit, before the turn: a refusal is the answer, with no turn. */
  const postFile = async (req: HttpRequest, res: ServerResponse) => {
    const { turn, file, started } = readUpload(req);
    let bytes: Uint8Array;
    try {
      ({ bytes } = await intake.read(file));
    } catch (err) {
      if (!(err instanceof FileRefusedError)) throw err;
      opts.log.info({ code: err.code, size: file.size }, 'uploaded file refused');
      // Refused by its name or declared size, the body is left unread and Node discards it; cut off
      // part-way, the rest is not worth reading.
      if (started()) res.setHeader('connection', 'close');
      return sendJson(res, err.reason === 'type' ? 415 : err.reason === 'size' ? 413 : 400, { error: err.message });
    }
    await run(res, toMessage(turn, WORKSPACE, new Date(), [heldFile(file.name, bytes)]));
  };

  return {
    routes: [
      { method: 'GET', path: '/', listener: guarded(showPage) },
      { method: 'POST', path: '/chat/messages', listener: guarded(postMessage) },
      { method: 'POST', path: '/chat/files', listener: guarded(postFile) },
    ],
  };
}

/**
 * The page and its headers. Its one inline style and one inline script are allowed by their hashes
 * and nothing else runs: no other script, no inline handler, no framing, requests only to this
 * server; images only from the page's own blobs.
 */
async function loadPage(): Promise<{ html: string; headers: Record<string, string> }> {
  const html = await readFile(PAGE_FILE, 'utf8');
  const hash = (tag: string) => {
    const body = new RegExp(`<${tag}>([\\s\\S]*?)</${tag}>`).exec(html)?.[1];
    if (body === undefined) throw new Error(`${PAGE_FILE} has no <${tag}>`);
    return `'sha256-${createHash('sha256').update(body).digest('base64')}'`;
  };
  const policy = [
    "default-src 'none'",
    `script-src ${hash('script')}`,
    `style-src ${hash('style')}`,
    "img-src 'self' blob: data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'none'",
  ].join('; ');
  return {
    html,
    headers: {
      'content-type': 'text/html; charset=utf-8',
      'content-length': String(Buffer.byteLength(html)),
      'content-security-policy': policy,
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'cache-control': 'no-store',
    },
  };
}
