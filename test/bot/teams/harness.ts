/**
 * Teams on loopback: the app on a temp database, the Teams adapter mounted on the bot's real HTTP
 * server at 127.0.0.1:0, a fake Bot Framework connector where replies land, and fixtures from
 * test/fixtures/teams pointed at that connector.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createTeamsAdapter, type TeamsAdapterOptions, type TeamsChatAdapter } from '../../../src/bot/adapters/teams/index.js';
import { startHttpServer, type HttpServer } from '../../../src/bot/http/server.js';
import type { TurnHandler } from '../../../src/bot/turn-handler.js';
import { startFakeConnector, type FakeConnector, type PostedActivity } from '../../fakes/bot-connector.js';
import type { FakeOpenId } from '../../fakes/openid.js';
import type { TestApp } from '../../helpers/app.js';
import { cardPosts } from './cards.js';

export const FIXTURES = path.resolve(process.cwd(), 'test/fixtures/teams');
export const TENANT = '72f988bf-0000-4000-8000-0000000000aa';
export const PERSONAL = 'a:1personal-chat-scrubbed';
export const CHANNEL = '19:casting-channel-scrubbed@thread.tacv2';

export type Activity = Record<string, unknown>;

export interface TeamsRig {
  adapter: TeamsChatAdapter;
  server: HttpServer;
  connector: FakeConnector;
  /** A fixture with its serviceUrl pointed at the fake connector, merged with overrides. */
  fixture(name: string, overrides?: Activity): Promise<Activity>;
  /** POSTs an activity to /api/messages as Teams would. */
  post(activity: Activity, headers?: Record<string, string>): Promise<{ status: number; body: string }>;
  /** Posts, waits until the adapter finished the work, and returns what reached the connector meanwhile. */
  turn(activity: Activity): Promise<PostedActivity[]>;
  close(): Promise<void>;
}

export async function startTeamsRig(
  app: TestApp,
  opts: TeamsAdapterOptions & { handler?: TurnHandler; connector?: FakeConnector } = {},
): Promise<TeamsRig> {
  const connector = opts.connector ?? (await startFakeConnector());
  const adapter = createTeamsAdapter({ config: app.config, handler: opts.handler ?? app.engine, store: app.db.store, log: app.log }, opts);
  const server = await startHttpServer(adapter.routes, { port: 0, host: '127.0.0.1', log: app.log });
  const rig: TeamsRig = {
    adapter,
    server,
    connector,
    fixture: async (name, overrides = {}) => ({
      ...(JSON.parse(await readFile(path.join(FIXTURES, `${name}.json`), 'utf8')) as Activity),
      serviceUrl: connector.serviceUrl,
      ...overrides,
    }),
    post: async (activity, headers = {}) => {
      const res = await fetch(server.url('/api/messages'), {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers },
        body: JSON.stringify(activity),
      });
      return { status: res.status, body: await res.text() };
    },
    turn: async (activity) => {
      const before = connector.posted.length;
      const { status, body } = await rig.post(activity);
      if (status !== 200) throw new Error(`POST /api/messages answered ${status}: ${body}`);
      await adapter.settled();
      return connector.posted.slice(before);
    },
    close: async () => {
      await server.close(1_000);
      await adapter.stop();
      if (!opts.connector) await connector.close();
    },
  };
  return rig;
}

/** A message activity in the personal chat, as Teams sends it, with a fresh id. */
let seq = 0;
export function nextId(): string {
  seq += 1;
  return `17640${String(Date.now()).slice(-6)}${String(seq).padStart(3, '0')}`;
}

/**
 * Sends the personal-chat message fixture with a channel token signed by `openid` (as the Bot
 * Connector would) and returns the first card reply that reached the connector; fails unless 200.
 */
export async function signedMessageReply(
  rig: TeamsRig,
  openid: Pick<FakeOpenId, 'sign'>,
  appId: string,
): Promise<PostedActivity | undefined> {
  const message = await rig.fixture('personal-message', { id: nextId() });
  const token = await openid.sign({ appId, serviceUrl: rig.connector.serviceUrl });
  const before = rig.connector.posted.length;
  const res = await rig.post(message, { authorization: `Bearer ${token}` });
  if (res.status !== 200) throw new Error(`signed activity answered ${res.status}: ${res.body}`);
  await rig.adapter.settled();
  return cardPosts(rig.connector.posted.slice(before))[0];
}
