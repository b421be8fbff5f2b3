/**
 * A local fake of the Bot Framework connector service (the activity's `serviceUrl`): records the
 * activities the bot posts and updates, answers 403 for conversations the bot was removed from,
 * opens 1:1 chats (`POST /v3/conversations`, one per user, as Teams does) unless the user cannot
 * be reached, and serves files for `downloadUrl`/`contentUrl` attachments.
 */
import { json, startFakeServer, type FakeServer } from './http-fake.js';

export interface PostedActivity {
  method: 'POST' | 'PUT';
  conversationId: string;
  /** The activity replied to (POST …/activities/:replyTo) or updated (PUT …/activities/:id). */
  activityId?: string;
  /** Id the fake gave the activity (POST) or the id updated (PUT). */
  id: string;
  authorization?: string;
  activity: Record<string, unknown>;
}

/** A `POST /v3/conversations` call: the bot opening a conversation (a 1:1 chat for a direct message). */
export interface CreatedConversation {
  /** The id the fake answered (the same for the same single member, as Teams answers). */
  id: string;
  params: { isGroup?: boolean; bot?: { id: string }; members?: { id: string }[]; tenantId?: string; channelData?: unknown };
  authorization?: string;
}

export interface FakeConnector extends FakeServer {
  /** The serviceUrl to put in activities (trailing slash, as Teams sends it). */
  serviceUrl: string;
  posted: PostedActivity[];
  /** Conversations the bot opened, in order (refused ones are not recorded). */
  created: CreatedConversation[];
  /** Makes opening a 1:1 chat with this user answer 403 (the app is not installed for them). */
  refuseUser(userId: string): void;
  /** Makes every later post into this conversation (base id, without `;messageid=`) answer 403. */
  remove(conversationId: string): void;
  /** Lets the bot post into a removed conversation again (re-installed). */
  restore(conversationId: string): void;
  /** Serves bytes at a URL for downloads; returns the URL. */
  file(name: string, data: Uint8Array, opts?: { omitLength?: boolean }): string;
  /** How many times a file was downloaded. */
  downloads(name: string): number;
  /** Waits until `count` activities were posted into a conversation (base id), or fails after `ms`. */
  waitFor(predicate: (all: PostedActivity[]) => boolean, ms?: number): Promise<PostedActivity[]>;
}

const ACTIVITIES = /^\/v3\/conversations\/([^/]+)\/activities(?:\/([^/?]+))?$/;

export async function startFakeConnector(): Promise<FakeConnector> {
  const posted: PostedActivity[] = [];
  const created: CreatedConversation[] = [];
  const removed = new Set<string>();
  const refusedUsers = new Set<string>();
  const files = new Map<string, { data: Uint8Array; omitLength: boolean }>();
  const downloadCounts = new Map<string, number>();
  let next = 1;
  const server = await startFakeServer((req, res) => {
    const path = req.path.split('?')[0] ?? '';
    if (req.method === 'GET' && path.startsWith('/files/')) {
      const name = decodeURIComponent(path.slice('/files/'.length));
      const f = files.get(name);
      if (!f) return json(res, 404, { error: 'no such file' });
      downloadCounts.set(name, (downloadCounts.get(name) ?? 0) + 1);
      res.writeHead(200, {
        'content-type': 'application/octet-stream',
        ...(f.omitLength ? {} : { 'content-length': String(f.data.byteLength) }),
      });
      res.end(Buffer.from(f.data));
      return;
    }
    if (req.method === 'POST' && path === '/v3/conversations') {
      const params = (req.json ?? {}) as CreatedConversation['params'];
      const members = params.members ?? [];
      if (members.some((u) => refusedUsers.has(u.id)))
        return json(res, 403, { error: { code: 'Forbidden', message: 'The bot is not installed for the user.' } });
      if (params.isGroup || members.length !== 1)
        return json(res, 400, { error: { code: 'BadArgument', message: 'only 1:1 chats are faked' } });
      const id = `a:1direct-${members[0]!.id}`;
      created.push({ id, params, ...(typeof req.headers.authorization === 'string' ? { authorization: req.headers.authorization } : {}) });
      return json(res, 201, { id });
    }
    const m = ACTIVITIES.exec(path);
    if (!m || (req.method !== 'POST' && req.method !== 'PUT')) return json(res, 404, { error: { code: 'NotFound', message: path } });
    const conversationId = decodeURIComponent(m[1]!);
    const base = conversationId.split(';messageid=')[0]!;
    if (removed.has(base))
      return json(res, 403, { error: { code: 'BotNotInConversationRoster', message: 'The bot is not part of the conversation roster.' } });
    const activityId = m[2] ? decodeURIComponent(m[2]) : undefined;
    const id = req.method === 'PUT' ? (activityId ?? '') : `act-${next++}`;
    posted.push({
      method: req.method,
      conversationId,
      id,
      activity: (req.json ?? {}) as Record<string, unknown>,
      ...(activityId ? { activityId } : {}),
      ...(typeof req.headers.authorization === 'string' ? { authorization: req.headers.authorization } : {}),
    });
    json(res, 200, { id });
  });
  return {
    ...server,
    serviceUrl: `${server.url}/`,
    posted,
    created,
    refuseUser: (id) => {
      refusedUsers.add(id);
    },
    remove: (id) => {
      removed.add(id);
    },
    restore: (id) => {
      removed.delete(id);
    },
    file: (name, data, opts = {}) => {
      files.set(name, { data, omitLength: opts.omitLength ?? false });
      return `${server.url}/files/${encodeURIComponent(name)}`;
    },
    downloads: (name) => downloadCounts.get(name) ?? 0,
    waitFor: async (predicate, ms = 8_000) => {
      const until = Date.now() + ms;
      while (!predicate(posted)) {
        if (Date.now() > until)
          throw new Error(
            `fake connector: condition not met in ${ms} ms; posted: ${JSON.stringify(posted.map((p) => ({ m: p.method, c: p.conversationId, text: p.activity.text ?? p.activity.summary })))}`,
          );
        await new Promise((r) => setTimeout(r, 20));
      }
      return posted;
    },
  };
}
