/**
 * Slack on loopback: the Slack adapter (real Bolt, HTTP mode) mounted on the bot's real HTTP server
 * at 127.0.0.1:0, its Web API client pointed at a fake Slack API, and correctly signed requests
 * built from the fixtures in test/fixtures/slack.
 */
import { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createSlackAdapter, type SlackAdapterOptions, type SlackChatAdapter } from '../../../src/bot/adapters/slack/index.js';
import { startHttpServer, type HttpServer } from '../../../src/bot/http/server.js';
import type { TurnHandler } from '../../../src/bot/turn-handler.js';
import type { Config } from '../../../src/config/config.js';
import { FAKE_BOT_ID, FAKE_BOT_TOKEN, FAKE_BOT_USER, startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack-api.js';
import type { TestApp } from '../../helpers/app.js';

export const FIXTURES = path.resolve(process.cwd(), 'test/fixtures/slack');
export const SIGNING_SECRET = 'f0e1d2c3b4a5968778695a4b3c2d1e0f';
export type Json = Record<string, unknown>;

export interface SlackRig {
  adapter: SlackChatAdapter;
  server: HttpServer;
  api: FakeSlackApi;
  config: Config;
  fixture(name: string): Promise<Json>;
  /** Signs and POSTs a raw body; `at` is the request timestamp (seconds), default now. */
  postRaw(
    route: string,
    body: string,
    contentType: string,
    opts?: { at?: number; secret?: string; headers?: Record<string, string> },
  ): Promise<{ status: number; body: string; ms: number }>;
  /** Each call is a new invocation with a trigger id of its own, as from Slack; `asIs` resends the fields unchanged (a replay). */
  command(fields: Json, opts?: { at?: number; secret?: string; asIs?: boolean }): Promise<{ status: number; body: string; ms: number }>;
  event(payload: Json, headers?: Record<string, string>): Promise<{ status: number; body: string; ms: number }>;
  /** A button press gets an action_ts of its own, as from Slack. */
  interaction(payload: Json): Promise<{ status: number; body: string; ms: number }>;
  /** Posts, expects 200, and waits until the turn it started has finished. */
  turn(send: () => Promise<{ status: number; body: string }>): Promise<{ status: number; body: string }>;
  close(): Promise<void>;
}

let invocation = 0;

/** A block_actions payload as a new press: each action gets its own action_ts. */
function freshPress(payload: Json): Json {
  if (payload.type !== 'block_actions' || !Array.isArray(payload.actions)) return payload;
  invocation++;
  return {
    ...payload,
    actions: (payload.actions as Json[]).map((a) => ({ ...a, action_ts: `${String(a.action_ts ?? '0')}.${invocation}` })),
  };
}

export function signature(secret: string, at: number, body: string): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${at}:${body}`).digest('hex')}`;
}

export async function startSlackRig(
  app: TestApp,
  opts: SlackAdapterOptions & { handler?: TurnHandler; api?: FakeSlackApi; env?: Partial<Config> } = {},
): Promise<SlackRig> {
  const api = opts.api ?? (await startFakeSlackApi());
  const config: Config = {
    ...app.config,
    SLACK_BOT_TOKEN: FAKE_BOT_TOKEN,
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: api.apiUrl,
    ...opts.env,
  };
  const adapter = createSlackAdapter({
    config,
    handler: opts.handler ?? app.engine,
    store: app.db.store,
    log: app.log,
    botId: FAKE_BOT_ID,
    botUserId: FAKE_BOT_USER,
    retryConfig: { retries: 1, minTimeout: 10, maxTimeout: 20 },
    ...opts,
  });
  const server = await startHttpServer(adapter.routes, { port: 0, host: '127.0.0.1', log: app.log });
  const postRaw: SlackRig['postRaw'] = async (route, body, contentType, o = {}) => {
    const at = o.at ?? Math.floor(Date.now() / 1000);
    const started = performance.now();
    const res = await fetch(server.url(route), {
      method: 'POST',
      body,
      headers: {
        'content-type': contentType,
        'x-slack-request-timestamp': String(at),
        'x-slack-signature': signature(o.secret ?? SIGNING_SECRET, at, body),
        ...o.headers,
      },
    });
    const text = await res.text();
    return { status: res.status, body: text, ms: performance.now() - started };
  };
  const rig: SlackRig = {
    adapter,
    server,
    api,
    config,
    fixture: async (name) => JSON.parse(await readFile(path.join(FIXTURES, `${name}.json`), 'utf8')) as Json,
    postRaw,
    command: (fields, o) =>
      postRaw(
        '/slack/commands',
        new URLSearchParams({
          ...(fields as Record<string, string>),
          ...(o?.asIs ? {} : { trigger_id: `${String(fields.trigger_id ?? 'trigger')}.${++invocation}` }),
        }).toString(),
        'application/x-www-form-urlencoded',
        o ?? {},
      ),
    event: (payload, headers) => postRaw('/slack/events', JSON.stringify(payload), 'application/json', headers ? { headers } : {}),
    interaction: (payload) =>
      postRaw(
        '/slack/interactions',
        new URLSearchParams({ payload: JSON.stringify(freshPress(payload)) }).toString(),
        'application/x-www-form-urlencoded',
      ),
    turn: async (send) => {
      const res = await send();
      if (res.status !== 200) throw new Error(`Slack request answered ${res.status}: ${res.body}`);
      // Bolt hands the event to the listener after the answer; give it a tick to start the turn.
      await new Promise((r) => setTimeout(r, 30));
      await adapter.settled();
      return res;
    },
    close: async () => {
      await server.close(1_000);
      await adapter.stop();
      if (!opts.api) await api.close();
    },
  };
  return rig;
}

/** Text a Slack user reads in a posted message's blocks (sections, fields, context, buttons). */
export function blocksText(blocks: unknown): string {
  const out: string[] = [];
  for (const b of (blocks ?? []) as Json[]) {
    const text = (b.text as Json | undefined)?.text;
    if (typeof text === 'string') out.push(text);
    for (const f of (b.fields ?? []) as Json[]) out.push(String(f.text));
    for (const e of (b.elements ?? []) as Json[]) {
      if (e.type === 'button') out.push(`[${String((e.text as Json).text)}]`);
      else if (typeof e.text === 'string') out.push(e.text);
    }
  }
  return out.join('\n');
}

/** The buttons of posted blocks, with their decoded actions. */
export function buttonsOf(blocks: unknown): { label: string; actionId: string; value: string; blockId: string }[] {
  return ((blocks ?? []) as Json[])
    .filter((b) => b.type === 'actions')
    .flatMap((b) =>
      ((b.elements ?? []) as Json[]).map((e) => ({
        label: String((e.text as Json).text),
        actionId: String(e.action_id),
        value: String(e.value),
        blockId: String(b.block_id),
      })),
    );
}

let seq = 0;
/** A fresh Slack event id, so tests never collide in the once-store. */
export function eventId(): string {
  seq += 1;
  return `Ev0${Date.now().toString(36).toUpperCase()}${seq}`;
}
