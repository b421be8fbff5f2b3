/**
 * The chat page's endpoints over plain HTTP: a message gets its replies streamed back; a request
 * from another machine is refused by its socket address, whatever its headers claim; a page
 * elsewhere cannot post to it; an upload is refused by the same file intake as everywhere else.
 */
import http from 'node:http';
import os from 'node:os';
import { createWebChat } from '../../../src/bot/adapters/web/index.js';
import type { TurnEvent } from '../../../src/bot/adapters/web/stream.js';
import { startHttpServer, type HttpServer } from '../../../src/bot/http/server.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';

let app: TestApp;
let server: HttpServer;

beforeAll(async () => {
  // A 0.1 MB limit for screenplays, so an oversized upload is small to send.
  app = await createTestApp({ EMBEDDING_MODEL: 'hashed-256', ROUTER_ENCODER: 'off', SCRIPT_MAX_BYTES: '100000' });
  const web = await createWebChat({ handler: app.turns, config: app.config, log: app.log });
  // Every interface, so the test can also come in from another address than loopback.
  server = await startHttpServer(web.routes, { port: 0, host: '0.0.0.0', log: app.log });
});
afterAll(async () => {
  await server?.close(1_000);
  await app?.dispose();
});

const post = (path: string, body: string | Uint8Array, headers: Record<string, string>) =>
  fetch(server.url(path), { method: 'POST', body, headers: { origin: server.url('').replace(/\/$/, ''), ...headers } });

const events = async (res: Response): Promise<TurnEvent[]> =>
  (await res.text())
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as TurnEvent);

/** One request as a client on another machine could send it: any headers, from `localAddress`. */
function rawRequest(opts: { host: string; method: string; path: string; headers: Record<string, string>; body?: string }) {
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = http.request({ host: opts.host, port: server.port, method: opts.method, path: opts.path, headers: opts.headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(opts.body);
  });
}

test('GET / is the page, with a policy that runs its own script only', async () => {
  const res = await fetch(server.url('/'));
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'; script-src 'sha256-[^']+'; style-src 'sha256-/);
  expect(await res.text()).toContain('<title>CastMatch</title>');
});

test('a message gets its replies, streamed as JSON lines ending with done', async () => {
  const res = await post('/chat/messages', JSON.stringify({ user: 'web-test', text: 'help' }), { 'content-type': 'application/json' });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^application\/x-ndjson/);
  const seen = await events(res);
  expect(seen.at(-1)).toEqual({ type: 'done' });
  const replies = seen.flatMap((e) => (e.type === 'reply' ? [e.reply] : []));
  expect(replies[0]!.blocks).toContainEqual({ type: 'heading', text: 'CastMatch: what I can do' });
});

test('a message that is not JSON, or says nothing, is answered 4xx with what is wrong', async () => {
  const notJson = await post('/chat/messages', 'help', { 'content-type': 'text/plain' });
  expect(notJson.status).toBe(415);
  const empty = await post('/chat/messages', JSON.stringify({ user: 'web-test', text: '  ' }), { 'content-type': 'application/json' });
  expect(empty.status).toBe(400);
  expect(await empty.json()).toEqual({ error: 'body: say something' });
});

const elsewhere = Object.values(os.networkInterfaces())
  .flat()
  .find((i) => i && i.family === 'IPv4' && !i.internal)?.address;

(elsewhere ? test : test.skip)(
  `a request from another address is refused, even when it claims to be local${elsewhere ? '' : ' [skipped: needs a non-loopback network interface]'}`,
  async () => {
    const claims = { host: `localhost:${server.port}`, 'x-forwarded-for': '127.0.0.1', 'x-real-ip': '127.0.0.1' };
    const page = await rawRequest({ host: elsewhere!, method: 'GET', path: '/', headers: claims });
    expect(page.status).toBe(403);
    expect(JSON.parse(page.body)).toEqual({
      error: `The chat page answers only on the machine CastMatch runs on: open http://localhost:${server.port}/ there.`,
    });
    const message = await rawRequest({
      host: elsewhere!,
      method: 'POST',
      path: '/chat/messages',
      headers: { ...claims, 'content-type': 'application/json' },
      body: JSON.stringify({ user: 'intruder', text: 'help' }),
    });
    expect(message.status).toBe(403);
  },
);

test('a page elsewhere cannot reach it: another Host (DNS rebinding) or another Origin is refused', async () => {
  const rebound = await rawRequest({
    host: '127.0.0.1',
    method: 'GET',
    path: '/',
    headers: { host: `castmatch.example.com:${server.port}` },
  });
  expect(rebound.status).toBe(403);
  const crossSite = await post('/chat/messages', JSON.stringify({ user: 'web-test', text: 'help' }), {
    'content-type': 'application/json',
    origin: 'https://evil.example',
  });
  expect(crossSite.status).toBe(403);
  expect(await crossSite.json()).toEqual({ error: 'Only the chat page itself may post messages.' });
});

test('an oversized upload is refused by its size, saying the limit', async () => {
  const res = await post('/chat/files?channel=general&user=web-test', new Uint8Array(200_000).fill(65), {
    'content-type': 'application/octet-stream',
    'x-file-name': encodeURIComponent('Big Draft.fountain'),
  });
  expect(res.status).toBe(413);
  expect(await res.json()).toEqual({
    error:
      'Big Draft.fountain is 0.2 MB; screenplays can be up to 0.1 MB, so I did not download it. Share a smaller file (a single draft).',
  });
});

test('a file of a type CastMatch does not read is refused by its name', async () => {
  const res = await post('/chat/files?user=web-test', 'MZ', { 'content-type': 'application/octet-stream', 'x-file-name': 'setup.exe' });
  expect(res.status).toBe(415);
  expect(((await res.json()) as { error: string }).error).toMatch(
    /^setup\.exe is not something I can read: share a screenplay \(\.fountain/,
  );
});

test('an upload without a file name is a bad request', async () => {
  const res = await post('/chat/files?user=web-test', 'x', { 'content-type': 'application/octet-stream' });
  expect(res.status).toBe(400);
  expect(await res.json()).toEqual({ error: 'name the file in the X-File-Name header' });
});
