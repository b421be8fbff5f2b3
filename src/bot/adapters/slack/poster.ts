/**
 * Proactive posts (reminders, digests, alerts) into a stored Slack conversation. The address is
 * self-sufficient: the team id picks the bot token (single workspace, or the installation stored by
 * OAuth), the channel and thread say where. A channel the bot lost access to raises
 * ConversationGoneError so the job stops retrying. Direct messages go to the user id as channel:
 * Slack delivers them to the app's Messages tab (the manifest enables it).
 */
import type { webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { ConversationAddress } from '../../message.js';
import type { Reply } from '../../reply.js';
import { ConversationGoneError, type ProactivePoster } from '../../turn-handler.js';
import { isGone, isPersonGone, slackErrorCode } from './errors.js';
import { postReply } from './post.js';

/** A Web API client holding the bot token of a workspace (team id). */
export type ClientForTeam = (team: string, enterprise?: string) => Promise<webApi.WebClient>;

export class SlackPoster implements ProactivePoster {
  readonly platform = 'slack' as const;

  constructor(
    private readonly clientFor: ClientForTeam,
    private readonly log: Logger,
  ) {}

  async post(address: ConversationAddress, reply: Reply): Promise<void> {
    if (address.platform !== 'slack') throw new Error(`SlackPoster cannot post to ${address.platform}`);
    try {
      const client = await this.clientFor(address.workspace, address.ref?.enterprise);
      await postReply(client, { channel: address.channel, thread: address.thread }, reply);
    } catch (err) {
      if (isGone(err)) {
        const code = slackErrorCode(err);
        this.log.warn({ team: address.workspace, channel: address.channel, code }, 'Slack conversation gone; not retrying');
        throw new ConversationGoneError(`Slack refused the post (${code})`);
      }
      throw err;
    }
  }

  async postDirect(from: ConversationAddress, userId: string, reply: Reply): Promise<void> {
    if (from.platform !== 'slack') throw new Error(`SlackPoster cannot post to ${from.platform}`);
    try {
      const client = await this.clientFor(from.workspace, from.ref?.enterprise);
      await postReply(client, { channel: userId }, reply);
    } catch (err) {
      if (isPersonGone(err)) {
        const code = slackErrorCode(err);
        this.log.warn({ team: from.workspace, user: userId, code }, 'Slack refused a direct message; not retrying');
        throw new ConversationGoneError(`Slack refused the direct message (${code})`);
      }
      throw err;
    }
  }
}
