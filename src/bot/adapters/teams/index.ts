/**
 * The Microsoft Teams adapter: `POST /api/messages` through botbuilder's CloudAdapter. Requests are
 * authenticated and acknowledged at once (Teams re-sends what is not answered within 15 s); the
 * turn runs afterwards and replies through a proactive context on the stored conversation
 * reference. botbuilder is imported here and nowhere else in the code base.
 */
import type { Activity, ConversationReference } from 'botbuilder';
import type { Logger } from 'pino';
import type { AdapterDeps, ChatAdapter } from '../adapter.js';
import type { HttpListener, HttpRoute } from '../../http/route.js';
import { sendJson } from '../../http/server.js';
import { channelKey, type ConversationAddress } from '../../message.js';
import type { Reply } from '../../reply.js';
import { continueIn } from './continue.js';
import { createTeamsAuth, isAuthFailure, type TeamsAuth, type TeamsAuthOptions } from './auth.js';
import { BodyError, readJsonBody } from './http-body.js';
import { addressOf, referenceOf, toIncomingMessage } from './parse.js';
import { TeamsPoster, type GoneMark } from './poster.js';
import { GONE_FIELD, REFERENCE_FIELD, baseReference } from './reference.js';
import { renderActivity } from './render.js';
import { TeamsReplySink } from './sink.js';
import { welcomeReply } from './welcome.js';

export interface TeamsAdapterOptions extends TeamsAuthOptions {
  /** Route of the messaging endpoint (default `/api/messages`). */
  path?: string;
  /** Largest activity accepted (default 1 MB; Teams activities are a few KB). */
  maxBodyBytes?: number;
  now?: () => Date;
}

/** The Teams ChatAdapter; `settled` lets shutdown and tests wait for acknowledged work. */
export interface TeamsChatAdapter extends ChatAdapter {
  readonly poster: TeamsPoster;
  /** Resolves once every activity acknowledged so far has been processed. */
  settled(): Promise<void>;
}

/** How long a welcome is remembered as sent, so a re-delivered install event greets once. */
const WELCOME_ONCE_MS = 24 * 3_600_000;

/** Creates the Teams adapter; runs in emulator mode (no authentication) without MICROSOFT_APP_ID. */
export function createTeamsAdapter(deps: AdapterDeps, opts: TeamsAdapterOptions = {}): TeamsChatAdapter {
  return new TeamsAdapter(deps, opts);
}

class TeamsAdapter implements TeamsChatAdapter {
  readonly name = 'teams';
  readonly routes: HttpRoute[];
  readonly poster: TeamsPoster;
  private readonly auth: TeamsAuth;
  private readonly log: Logger;
  private readonly now: () => Date;
  private readonly inFlight = new Set<Promise<void>>();
  private stopping = false;

  constructor(
    private readonly deps: AdapterDeps,
    private readonly opts: TeamsAdapterOptions,
  ) {
    this.log = deps.log.child({ platform: 'teams' });
    this.now = opts.now ?? (() => new Date());
    this.auth = createTeamsAuth(deps.config, opts);
    this.poster = new TeamsPoster(this.auth.cloud, this.auth.appId, deps.store, this.log, this.now);
    this.routes = [{ method: 'POST', path: opts.path ?? '/api/messages', listener: this.receive }];
    if (!this.auth.appId) this.log.warn('Teams adapter in emulator mode: MICROSOFT_APP_ID is not set, requests are not authenticated');
  }

  async start(): Promise<void> {}

  /** Stops accepting activities and waits (bounded) for turns already acknowledged. */
  async stop(): Promise<void> {
    this.stopping = true;
    const grace = new Promise((r) => setTimeout(r, this.deps.config.SHUTDOWN_GRACE_MS).unref());
    await Promise.race([Promise.allSettled([...this.inFlight]), grace]);
  }

  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  async check(): Promise<{ ok: boolean; detail?: string }> {
    if (!this.auth.token) return { ok: true, detail: 'emulator mode (no MICROSOFT_APP_ID)' };
    try {
      await this.auth.token();
      return { ok: true, detail: 'Bot Framework token obtained' };
    } catch (err) {
      this.log.warn({ err }, 'could not obtain a Bot Framework token');
      return { ok: false, detail: `could not obtain a Bot Framework token: ${(err as Error).message}` };
    }
  }

  private readonly receive: HttpListener = async (req, res) => {
    if (this.stopping) return sendJson(res, 503, { error: 'shutting down' });
    let activity: Record<string, unknown>;
    try {
      activity = await readJsonBody(req, this.opts.maxBodyBytes ?? 1_048_576);
    } catch (err) {
      if (!(err instanceof BodyError)) throw err;
      this.log.warn({ status: err.status, reason: err.message }, 'Teams request refused');
      return sendJson(res, err.status, { error: err.message });
    }
    if (typeof activity.type !== 'string' || typeof activity.serviceUrl !== 'string') {
      this.log.warn('Teams request refused: not an activity (type and serviceUrl are required)');
      return sendJson(res, 400, { error: 'not an activity' });
    }
    const authHeader = typeof req.headers.authorization === 'string' ? req.headers.authorization : '';
    try {
      const invoke = await this.auth.cloud.handleActivity(authHeader, activity as unknown as Activity, async (context) => {
        this.accept(context.activity, referenceOf(context.activity));
      });
      if (invoke) return sendJson(res, invoke.status, invoke.body ?? {});
      res.writeHead(200).end();
    } catch (err) {
      if (isAuthFailure(err)) {
        this.log.warn({ reason: (err as Error).message, activityType: activity.type }, 'Teams request rejected: not authenticated');
        return sendJson(res, 401, { error: 'unauthorized' });
      }
      this.log.error({ err }, 'Teams request failed');
      sendJson(res, 500, { error: 'internal error' });
    }
  };

  /** Runs the work of an authenticated activity after the HTTP answer, tracked for shutdown. */
  private accept(activity: Activity, reference: Partial<ConversationReference>): void {
    const job: Promise<void> = this.work(activity, reference)
      .catch((err: unknown) => this.log.error({ err, activityType: activity.type }, 'Teams activity failed after acknowledgement'))
      .finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
  }

  private async work(activity: Activity, reference: Partial<ConversationReference>): Promise<void> {
    if (activity.type === 'message') return this.message(activity, reference);
    if (activity.type === 'conversationUpdate') return this.conversationUpdate(activity, reference);
  }

  private async message(activity: Activity, reference: Partial<ConversationReference>): Promise<void> {
    const message = toIncomingMessage(activity, reference, this.now());
    await this.remember(message.address, reference);
    const log = this.log.child({ channel: channelKey(message.address) });
    await continueIn(this.auth.cloud, this.auth.appId, reference, async (context) => {
      await this.deps.handler.handle(message, new TeamsReplySink(context, log));
    });
  }

  private async conversationUpdate(activity: Activity, reference: Partial<ConversationReference>): Promise<void> {
    const botId = activity.recipient.id;
    const address = addressOf(activity, reference);
    const key = channelKey(address);
    if (activity.membersRemoved?.some((m) => m.id === botId)) {
      await this.deps.store.channels.set(key, GONE_FIELD, { at: this.now().toISOString(), status: 0 } satisfies GoneMark);
      this.log.info({ channel: key }, 'CastMatch removed from a Teams conversation');
      return;
    }
    if (!activity.membersAdded?.some((m) => m.id === botId)) return;
    await this.remember(address, reference);
    this.log.info({ channel: key }, 'CastMatch installed in a Teams conversation');
    if (!(await this.deps.store.once.claim(`teams:welcome:${activity.id ?? key}`, WELCOME_ONCE_MS))) return;
    const personal = activity.conversation.conversationType === 'personal';
    await this.postNew(reference, welcomeReply(personal));
  }

  /** Keeps the conversation reference for proactive posts, and clears a stale "removed" mark. */
  private async remember(address: ConversationAddress, reference: Partial<ConversationReference>): Promise<void> {
    const key = channelKey(address);
    await this.deps.store.channels.set(key, REFERENCE_FIELD, baseReference(reference));
    await this.deps.store.channels.delete(key, GONE_FIELD);
  }

  private async postNew(reference: Partial<ConversationReference>, reply: Reply): Promise<void> {
    const { activityId: _replyTo, ...fresh } = reference;
    await continueIn(this.auth.cloud, this.auth.appId, fresh, async (context) => {
      await context.sendActivity(renderActivity(reply));
    });
  }
}
