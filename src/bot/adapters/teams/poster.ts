/**
 * Proactive posts (reminders, alerts) into Teams conversations from the stored reference. A 403
 * means the bot was removed: the conversation is marked gone, and later posts fail fast with
 * ConversationGoneError instead of calling Teams again and again. Direct messages open the 1:1 chat
 * with the person on the service URL of a conversation the bot knows in their tenant.
 */
import type { CloudAdapter } from 'botbuilder';
import type { Logger } from 'pino';
import type { Store } from '../../../memory/store.js';
import { channelKey, type ConversationAddress } from '../../message.js';
import type { Reply } from '../../reply.js';
import { ConversationGoneError, type ProactivePoster } from '../../turn-handler.js';
import { continueIn, inNewConversation } from './continue.js';
import { GONE_FIELD, referenceFor } from './reference.js';
import { renderActivity } from './render.js';

export interface GoneMark {
  at: string;
  status: number;
}

export class TeamsPoster implements ProactivePoster {
  readonly platform = 'teams' as const;

  constructor(
    private readonly cloud: CloudAdapter,
    private readonly appId: string,
    private readonly store: Store,
    private readonly log: Logger,
    private readonly now: () => Date,
  ) {}

  async post(address: ConversationAddress, reply: Reply): Promise<void> {
    const key = channelKey(address);
    const gone = await this.store.channels.get<GoneMark>(key, GONE_FIELD);
    if (gone)
      throw new ConversationGoneError(
        `The bot was removed from Teams conversation ${address.channel} (HTTP ${gone.status} at ${gone.at}).`,
      );
    const reference = await referenceFor(address, this.store.channels);
    if (!reference) throw new Error(`No Teams conversation reference is known for ${key}`);
    try {
      const { activityId: _replyTo, ...fresh } = reference;
      await continueIn(this.cloud, this.appId, fresh, async (context) => {
        await context.sendActivity(renderActivity(reply));
      });
    } catch (err) {
      const status = statusOf(err);
      if (status === 403) {
        await this.store.channels.set(key, GONE_FIELD, { at: this.now().toISOString(), status } satisfies GoneMark);
        this.log.warn({ channel: key, status }, 'Teams refused the post: bot removed from the conversation; marked gone');
        throw new ConversationGoneError(`The bot can no longer post in Teams conversation ${address.channel} (HTTP 403).`);
      }
      throw err;
    }
  }

  async postDirect(from: ConversationAddress, userId: string, reply: Reply): Promise<void> {
    const reference = await referenceFor(from, this.store.channels);
    if (!reference?.serviceUrl) throw new Error(`No Teams service URL is known for ${channelKey(from)}`);
    const tenantId = reference.conversation?.tenantId ?? from.workspace;
    // Teams names a bot `28:<app id>`; the stored reference has it as Teams sent it.
    const bot = reference.bot ?? { id: `28:${this.appId}`, name: '' };
    try {
      await inNewConversation(
        this.cloud,
        this.appId,
        reference.serviceUrl,
        {
          isGroup: false,
          bot,
          members: [{ id: userId, name: '' }],
          tenantId,
          channelData: { tenant: { id: tenantId } },
        },
        async (context) => {
          await context.sendActivity(renderActivity(reply));
        },
      );
    } catch (err) {
      const status = statusOf(err);
      // 403: the app is not installed for that person (or they blocked it); 404: no such user.
      if (status === 403 || status === 404) {
        this.log.warn({ tenant: tenantId, user: userId, status }, 'Teams refused a direct message; not retrying');
        throw new ConversationGoneError(`Teams refused the direct message (HTTP ${status}).`);
      }
      throw err;
    }
  }
}

/** HTTP status of a failed Bot Connector call (RestError carries `statusCode`). */
export function statusOf(err: unknown): number | undefined {
  if (typeof err !== 'object' || err === null) return undefined;
  const e = err as { statusCode?: unknown; response?: { status?: unknown } };
  if (typeof e.statusCode === 'number') return e.statusCode;
  return typeof e.response?.status === 'number' ? e.response.status : undefined;
}
