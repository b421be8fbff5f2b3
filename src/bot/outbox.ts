/**
 * Routes proactive posts to the adapter of the conversation's platform. Jobs post through here,
 * the same rendering path as live replies.
 */
import type { ConversationAddress } from './message.js';
import type { Reply } from './reply.js';
import type { ProactivePoster } from './turn-handler.js';
import type { Logger } from 'pino';
import { renderText } from './render/text.js';

export class Outbox {
  private readonly posters = new Map<string, ProactivePoster>();
  constructor(private readonly log: Logger) {}

  register(poster: ProactivePoster): void {
    this.posters.set(poster.platform, poster);
  }

  has(platform: string): boolean {
    return this.posters.has(platform);
  }

  /** Posts, or logs the plain-text rendering when no adapter of that platform runs in this process. */
  async post(address: ConversationAddress, reply: Reply): Promise<void> {
    const poster = this.posters.get(address.platform);
    if (!poster) {
      this.log.info(
        { platform: address.platform, channel: address.channel, text: renderText(reply) },
        'notification (no adapter running for platform)',
      );
      return;
    }
    await poster.post(address, reply);
  }

  /**
   * Posts to one person directly, in the workspace of `from` (see ProactivePoster.postDirect), or
   * logs the plain-text rendering when no adapter of that platform runs in this process.
   */
  async postDirect(from: ConversationAddress, userId: string, reply: Reply): Promise<void> {
    const poster = this.posters.get(from.platform);
    if (!poster) {
      this.log.info(
        { platform: from.platform, workspace: from.workspace, user: userId, text: renderText(reply) },
        'direct message (no adapter running for platform)',
      );
      return;
    }
    await poster.postDirect(from, userId, reply);
  }
}
