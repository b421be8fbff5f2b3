/**
 * What the page sends, read and checked: a message (`POST /chat/messages`, JSON) or a file
 * (`POST /chat/files`, the raw file as the body, its name in `X-File-Name`, the conversation in
 * the query string). Bodies are read through `readBounded`, never past their limit.
 */
import type { IncomingMessage as HttpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { IANAZone } from 'luxon';
import { z } from 'zod';
import type { ActionPress, IncomingMessage, SharedFile } from '../../message.js';
import { FileTooLargeError } from '../../file-intake.js';
import { readBounded } from '../read-bounded.js';

/** A message is a line of chat, or a button's action: far below this. */
const MAX_MESSAGE_BYTES = 64 * 1024;

const conversation = {
  channel: z.string().trim().min(1).max(80).default('general'),
  user: z.string().trim().min(1).max(100),
  /** The browser's IANA zone: times are read and shown in it. One it does not know is dropped. */
  timeZone: z
    .string()
    .max(100)
    .optional()
    .transform((tz) => (tz && IANAZone.isValidZone(tz) ? tz : undefined)),
};

const messageBody = z
  .object({
    ...conversation,
    text: z.string().max(4_000).default(''),
    action: z.object({ skill: z.string().min(1).max(100), args: z.record(z.string(), z.unknown()) }).optional(),
  })
  .refine((b) => b.text.trim() || b.action, 'say something');

const uploadQuery = z.object({ ...conversation, text: z.string().max(4_000).default('') });

/** A request the page should not have sent: the status to answer and what to show. */
export class BadRequest extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

type Turn = z.infer<typeof uploadQuery> & { action?: ActionPress };

/** The conversation a turn belongs to; every message from the page is addressed to the bot. */
export function toMessage(turn: Turn, workspace: string, receivedAt: Date, files?: SharedFile[]): IncomingMessage {
  const text = turn.text.trim();
  return {
    address: { platform: 'local', workspace, channel: turn.channel },
    user: { id: turn.user, ...(turn.timeZone ? { timeZone: turn.timeZone } : {}) },
    text,
    // As in `castmatch chat`: a line starting with /cast is the slash command.
    ...(/^\/cast(\s|$)/.test(text) ? { command: { name: '/cast', text: text.slice(5).trim() } } : {}),
    ...(turn.action ? { action: turn.action } : {}),
    ...(files ? { files } : {}),
    addressed: true,
    receivedAt,
  };
}

/** The JSON body of `POST /chat/messages`. */
export async function readMessage(req: HttpRequest): Promise<Turn> {
  if (!/^application\/json\b/i.test(req.headers['content-type'] ?? ''))
    throw new BadRequest(415, 'send JSON (content-type: application/json)');
  let raw: Uint8Array;
  try {
    raw = await readBounded(bodyOf(req), 'message', MAX_MESSAGE_BYTES);
  } catch (err) {
    if (err instanceof FileTooLargeError) throw new BadRequest(413, `a message can be up to ${MAX_MESSAGE_BYTES / 1024} KB`);
    throw err;
  }
  let json: unknown;
  try {
    json = JSON.parse(Buffer.from(raw).toString('utf8'));
  } catch {
    throw new BadRequest(400, 'the body is not JSON');
  }
  return parsed(messageBody.safeParse(json));
}

/** The conversation and file name of `POST /chat/files`; the body is the file, read later by `fetch`. */
export function readUpload(req: HttpRequest): { turn: Turn; file: SharedFile; started: () => boolean } {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const turn = parsed(uploadQuery.safeParse(Object.fromEntries(url.searchParams)));
  const name = fileName(req.headers['x-file-name']);
  const declared = Number(req.headers['content-length']);
  let started = false;
  const file: SharedFile = {
    name,
    ...(Number.isFinite(declared) && req.headers['content-length'] ? { size: declared } : {}),
    fetch: (maxBytes) => {
      if (started) throw new Error('the upload was already read');
      started = true;
      return readBounded(bodyOf(req), name, maxBytes);
    },
  };
  return { turn, file, started: () => started };
}

/** A file already read, shared into the conversation as every adapter shares one. */
export function heldFile(name: string, bytes: Uint8Array): SharedFile {
  return {
    name,
    size: bytes.byteLength,
    fetch: async (maxBytes) => {
      if (bytes.byteLength > maxBytes) throw new FileTooLargeError(name, bytes.byteLength, maxBytes);
      return bytes;
    },
  };
}

/** The file's own name: percent-encoded by the page (header values are ASCII), any folder part dropped. */
function fileName(header: string | string[] | undefined): string {
  if (typeof header !== 'string' || !header.trim()) throw new BadRequest(400, 'name the file in the X-File-Name header');
  let name: string;
  try {
    name = decodeURIComponent(header);
  } catch {
    throw new BadRequest(400, 'X-File-Name must be percent-encoded (encodeURIComponent)');
  }
  name = name.split(/[\\/]/).pop()!.trim();
  if (!name || name.length > 255 || /[\u0000-\u001f]/.test(name)) throw new BadRequest(400, 'X-File-Name is not a file name');
  return name;
}

/** The request body as a fetch Response, so the one bounded reader serves uploads and downloads alike. */
function bodyOf(req: HttpRequest): Response {
  const length = req.headers['content-length'];
  return new Response(Readable.toWeb(req) as ReadableStream<Uint8Array>, { headers: length ? { 'content-length': length } : {} });
}

function parsed<T>(result: z.ZodSafeParseResult<T>): T {
  if (result.success) return result.data;
  throw new BadRequest(400, result.error.issues.map((i) => `${i.path.join('.') || 'body'}: ${i.message}`).join('; '));
}
