/**
 * A local fake of Slack's Web API on 127.0.0.1: records every call (method, arguments, token),
 * answers like Slack for the methods CastMatch uses, serves shared files at `url_private_download`
 * (recording the Authorization header and how many bytes went out), takes `files.uploadV2` uploads,
 * records `response_url` posts, and answers 429 with Retry-After once when told.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface SlackCall {
  method: string;
  args: Record<string, unknown>;
  /** The bearer token the call carried. */
  token?: string;
  status: number;
  /** What the fake answered (for 200s). */
  response?: Record<string, unknown>;
}

export interface SlackFileEntry {
  id: string;
  name: string;
  mimetype: string;
  size: number;
  data: Uint8Array;
}

export interface FakeSlackApi {
  url: string;
  /** The `slackApiUrl` for the WebClient (with the trailing `/api/`). */
  apiUrl: string;
  calls: SlackCall[];
  /** Bytes uploaded through files.uploadV2, by file name. */
  uploads: Map<string, Uint8Array>;
  /** Bodies posted to response URLs. */
  responses: Record<string, unknown>[];
  /** A response_url on this fake. */
  responseUrl(id?: string): string;
  /** Registers a file Slack would hold; returns its file object as files.info gives it. */
  addFile(file: Omit<SlackFileEntry, 'id' | 'size'> & { id?: string; size?: number }): Record<string, unknown>;
  /** Downloads of a file: the Authorization header each carried and bytes sent. */
  downloads(fileId: string): { authorization?: string; bytesSent: number }[];
  /** The next call to `method` answers 429 with this Retry-After (seconds). */
  rateLimitOnce(method: string, retryAfterSeconds?: number): void;
  /** Makes `method` answer `{ ok: false, error }` from now on. */
  fail(method: string, error: string): void;
  /** Calls of one method, in order. */
  callsOf(method: string): SlackCall[];
  /** Waits until a condition over the calls holds, or fails after `ms`. */
  waitFor(predicate: (api: FakeSlackApi) => boolean, ms?: number): Promise<void>;
  close(): Promise<void>;
}

export const FAKE_TEAM = 'T0CASTING';
export const FAKE_BOT_USER = 'U0CASTBOT';
export const FAKE_BOT_ID = 'B0CASTBOT';

export const FAKE_BOT_TOKEN = 'xoxb-0000-casting-test';

/** `botToken` is the only token file downloads accept (default FAKE_BOT_TOKEN). */
export async function startFakeSlackApi(
  opts: { botToken?: string; onCall?: (call: SlackCall) => Record<string, unknown> | undefined } = {},
): Promise<FakeSlackApi> {
  const botToken = opts.botToken ?? FAKE_BOT_TOKEN;
  const calls: SlackCall[] = [];
  const uploads = new Map<string, Uint8Array>();
  const responses: Record<string, unknown>[] = [];
  const files = new Map<string, SlackFileEntry>();
  const downloadLog = new Map<string, { authorization?: string; bytesSent: number }[]>();
  const limited = new Map<string, number>();
  const failing = new Map<string, string>();
  const pendingUploads = new Map<string, string>();
  let seq = 1;
  let base = '';

  const fileObject = (f: SlackFileEntry) => ({
    id: f.id,
    name: f.name,
    title: f.name,
    mimetype: f.mimetype,
    filetype: f.name.split('.').pop(),
    size: f.size,
    url_private: `${base}/files-pri/${FAKE_TEAM}-${f.id}/${encodeURIComponent(f.name)}`,
    url_private_download: `${base}/files-pri/${FAKE_TEAM}-${f.id}/download/${encodeURIComponent(f.name)}`,
  });

  const answer = (method: string, args: Record<string, unknown>): Record<string, unknown> => {
    const ts = () => `1764000${String(600 + seq++).padStart(3, '0')}.000100`;
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: FAKE_BOT_USER, bot_id: FAKE_BOT_ID, team_id: FAKE_TEAM, team: 'Casting', user: 'castmatch' };
      case 'chat.postMessage': {
        const t = ts();
        return { ok: true, channel: args.channel, ts: t, message: { ts: t, text: args.text } };
      }
      case 'chat.update':
        return { ok: true, channel: args.channel, ts: args.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: ts() };
      case 'files.info': {
        const f = files.get(String(args.file));
        return f ? { ok: true, file: fileObject(f) } : { ok: false, error: 'file_not_found' };
      }
      case 'files.getUploadURLExternal': {
        const id = `F0UP${seq++}`;
        pendingUploads.set(id, String(args.filename));
        return { ok: true, upload_url: `${base}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal': {
        const list = (typeof args.files === 'string' ? JSON.parse(args.files) : args.files) as { id: string; title?: string }[];
        return { ok: true, files: list.map((f) => ({ id: f.id, title: f.title, name: pendingUploads.get(f.id) })) };
      }
      case 'views.open':
        return { ok: true, view: { id: `V0${seq++}` } };
      default:
        return { ok: true };
    }
  };

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const raw = Buffer.concat(chunks);
      const path = (req.url ?? '/').split('?')[0] ?? '/';
      const auth = typeof req.headers.authorization === 'string' ? req.headers.authorization : undefined;
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
        res.end(JSON.stringify(body));
      };
      if (req.method === 'GET' && path.startsWith('/files-pri/')) {
        const id = path.split('/')[2]?.split('-')[1] ?? '';
        const f = files.get(id);
        if (!f) return send(404, { error: 'no such file' });
        const log = downloadLog.get(id) ?? [];
        const entry: { authorization?: string; bytesSent: number } = { ...(auth ? { authorization: auth } : {}), bytesSent: 0 };
        log.push(entry);
        downloadLog.set(id, log);
        if (auth !== `Bearer ${botToken}`) {
          // Like Slack: an unauthenticated download gets the sign-in page, not the file.
          res.writeHead(200, { 'content-type': 'text/html' });
          return res.end('<html>sign in</html>');
        }
        res.writeHead(200, { 'content-type': f.mimetype, 'content-length': String(f.data.byteLength) });
        // Sent in slices so a client that stops early is visible in bytesSent.
        let at = 0;
        const pump = () => {
          while (at < f.data.byteLength) {
            const slice = f.data.subarray(at, at + 65_536);
            at += slice.byteLength;
            entry.bytesSent = at;
            if (!res.write(slice)) return res.once('drain', pump);
          }
          res.end();
        };
        res.on('close', () => {
          if (at < f.data.byteLength) entry.bytesSent = at;
        });
        return pump();
      }
      if (req.method === 'POST' && path.startsWith('/upload/')) {
        const id = path.slice('/upload/'.length);
        uploads.set(pendingUploads.get(id) ?? id, uploadedBytes(raw, String(req.headers['content-type'] ?? '')));
        res.writeHead(200, { 'content-type': 'text/plain' });
        return res.end(`OK - ${raw.byteLength}`);
      }
      if (req.method === 'POST' && path.startsWith('/response/')) {
        responses.push(JSON.parse(raw.toString('utf8') || '{}') as Record<string, unknown>);
        return send(200, { ok: true });
      }
      if (req.method === 'POST' && path.startsWith('/api/')) {
        const method = path.slice('/api/'.length);
        const args = parseArgs(raw.toString('utf8'), String(req.headers['content-type'] ?? ''));
        const token = auth?.replace(/^Bearer /, '') ?? (typeof args.token === 'string' ? args.token : undefined);
        delete args.token;
        const wait = limited.get(method);
        if (wait !== undefined) {
          limited.delete(method);
          calls.push({ method, args, ...(token ? { token } : {}), status: 429 });
          return send(429, { ok: false, error: 'ratelimited' }, { 'retry-after': String(wait) });
        }
        const call: SlackCall = { method, args, ...(token ? { token } : {}), status: 200 };
        calls.push(call);
        const error = failing.get(method);
        call.response = error ? { ok: false, error } : (opts.onCall?.(call) ?? answer(method, args));
        return send(200, call.response);
      }
      send(404, { ok: false, error: 'unknown_method' });
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const api: FakeSlackApi = {
    url: base,
    apiUrl: `${base}/api/`,
    calls,
    uploads,
    responses,
    responseUrl: (id = String(seq++)) => `${base}/response/${id}`,
    addFile: (f) => {
      const entry: SlackFileEntry = {
        id: f.id ?? `F0FILE${seq++}`,
        name: f.name,
        mimetype: f.mimetype,
        data: f.data,
        size: f.size ?? f.data.byteLength,
      };
      files.set(entry.id, entry);
      return fileObject(entry);
    },
    downloads: (id) => downloadLog.get(id) ?? [],
    rateLimitOnce: (method, seconds = 1) => {
      limited.set(method, seconds);
    },
    fail: (method, error) => {
      failing.set(method, error);
    },
    callsOf: (method) => calls.filter((c) => c.method === method),
    waitFor: async (predicate, ms = 8_000) => {
      const until = Date.now() + ms;
      while (!predicate(api)) {
        if (Date.now() > until)
          throw new Error(`fake Slack: condition not met in ${ms} ms; calls: ${calls.map((c) => c.method).join(', ')}`);
        await new Promise((r) => setTimeout(r, 20));
      }
    },
    close: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
  return api;
}

/** Web API arguments: form fields (JSON-valued ones decoded, as Slack does) or a JSON body. */
function parseArgs(body: string, contentType: string): Record<string, unknown> {
  if (!body) return {};
  if (contentType.includes('application/json')) return JSON.parse(body) as Record<string, unknown>;
  const args: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(body)) {
    args[k] = /^[[{]/.test(v) ? safeJson(v) : v;
  }
  return args;
}

function safeJson(v: string): unknown {
  try {
    return JSON.parse(v);
  } catch {
    return v;
  }
}

/** The file in an upload: the web client sends it as a multipart form with one file part. */
function uploadedBytes(raw: Buffer, contentType: string): Uint8Array {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return new Uint8Array(raw);
  const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = raw.indexOf(marker);
  const headersEnd = raw.indexOf('\r\n\r\n', start);
  const end = raw.indexOf(marker, headersEnd);
  if (start < 0 || headersEnd < 0 || end < 0) return new Uint8Array(raw);
  // The part's body ends with the CRLF that precedes the next boundary.
  return new Uint8Array(raw.subarray(headersEnd + 4, end - 2));
}
