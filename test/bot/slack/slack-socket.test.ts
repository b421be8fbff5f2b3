/**
 * Socket Mode: with SLACK_APP_TOKEN the adapter opens no routes, asks Slack for a socket URL with
 * apps.connections.open (the app token), connects to it (a local ws server here), acknowledges each
 * envelope, and answers through the Web API as in HTTP mode.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { createSlackAdapter, type SlackChatAdapter } from '../../../src/bot/adapters/slack/index.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { FAKE_BOT_ID, FAKE_BOT_TOKEN, FAKE_BOT_USER, startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack-api.js';
import { FIXTURES, blocksText, type Json } from './harness.js';

const APP_TOKEN = 'xapp-1-A0CASTMATCH-0000-socket';
let app: TestApp;
let api: FakeSlackApi;
let wss: WebSocketServer;
let adapter: SlackChatAdapter;
let socket: WebSocket;
const acks: Json[] = [];

beforeAll(async () => {
  app = await createTestApp({ EMBEDDING_MODEL: 'hashed-64' });
  wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  await new Promise<void>((r) => wss.once('listening', () => r()));
  const wsUrl = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}/link/?ticket=scrubbed`;
  const connected = new Promise<WebSocket>((resolve) =>
    wss.once('connection', (ws) => {
      ws.on('message', (data) => acks.push(JSON.parse(String(data)) as Json));
      // Slack greets every new connection before sending envelopes.
      ws.send(
        JSON.stringify({
          type: 'hello',
          num_connections: 1,
          debug_info: { host: 'applink-test', approximate_connection_time: 18060 },
          connection_info: { app_id: 'A0CASTMATCH' },
        }),
      );
      resolve(ws);
    }),
  );
  api = await startFakeSlackApi({ onCall: (c) => (c.method === 'apps.connections.open' ? { ok: true, url: wsUrl } : undefined) });
  adapter = createSlackAdapter({
    config: { ...app.config, SLACK_BOT_TOKEN: FAKE_BOT_TOKEN, SLACK_APP_TOKEN: APP_TOKEN, SLACK_API_URL: api.apiUrl },
    handler: app.engine,
    store: app.db.store,
    log: app.log,
    botId: FAKE_BOT_ID,
    botUserId: FAKE_BOT_USER,
    retryConfig: { retries: 0 },
  });
  await adapter.start();
  socket = await connected;
});
afterAll(async () => {
  // A failed beforeAll may have left any of these unset: close what exists.
  const closed = socket ? new Promise((r) => socket.once('close', r)) : undefined;
  await adapter?.stop();
  // Let the close handshake finish, so the client has no handshake timer left behind.
  if (closed) await closed;
  if (wss) await new Promise<void>((r) => wss.close(() => r()));
  await api?.close();
  await app?.dispose();
});

test('Socket Mode opens no HTTP routes and connects with the app token', () => {
  expect(adapter.mode).toBe('socket');
  expect(adapter.routes).toEqual([]);
  expect(api.callsOf('apps.connections.open').map((c) => c.token)).toEqual([APP_TOKEN]);
});

test('a slash command envelope is acknowledged by envelope id and answered in the channel', async () => {
  const command = JSON.parse(await readFile(path.join(FIXTURES, 'slash-command.json'), 'utf8')) as Json;
  socket.send(
    JSON.stringify({ envelope_id: 'env-1', type: 'slash_commands', accepts_response_payload: true, payload: { ...command, text: 'help' } }),
  );
  await api.waitFor((a) => a.callsOf('chat.postMessage').length === 1);
  await adapter.settled();
  expect(acks.find((a) => a.envelope_id === 'env-1')).toBeDefined();
  const [post] = api.callsOf('chat.postMessage');
  expect(post).toMatchObject({ token: FAKE_BOT_TOKEN, args: { channel: 'C0CASTING1' } });
  expect(blocksText(post!.args.blocks)).toMatch(/\/cast search/);
});

test('an event redelivered over the socket (retry_attempt 1) posts once', async () => {
  const dm = JSON.parse(await readFile(path.join(FIXTURES, 'direct-message.json'), 'utf8')) as Json;
  const payload = { ...dm, event_id: 'Ev0SOCKETRETRY' };
  const before = api.callsOf('chat.postMessage').length;
  socket.send(
    JSON.stringify({
      envelope_id: 'env-2',
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 0,
      retry_reason: '',
      payload,
    }),
  );
  await api.waitFor((a) => a.callsOf('chat.postMessage').length === before + 1);
  socket.send(
    JSON.stringify({
      envelope_id: 'env-3',
      type: 'events_api',
      accepts_response_payload: false,
      retry_attempt: 1,
      retry_reason: 'timeout',
      payload,
    }),
  );
  await api.waitFor(() => acks.some((a) => a.envelope_id === 'env-3'));
  await new Promise((r) => setTimeout(r, 100));
  await adapter.settled();
  expect(api.callsOf('chat.postMessage').length).toBe(before + 1);
});
