/**
 * A ReplySink for one Slack turn: replies posted with `chat.postMessage` (in the thread the turn
 * came from), one progress message posted once and then updated in place with `chat.update`, and
 * ephemeral answers through the interaction's `response_url`. A slash command in a channel the bot
 * was not invited to still gets its answer, through `response_url`.
 */
import type { RespondFn, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Reply } from '../../reply.js';
import type { ReplySink } from '../../turn-handler.js';
import { isNotInChannel } from './errors.js';
import { postReply, type Target } from './post.js';
import { renderMessage, renderProgress } from './render.js';

export interface SinkTarget extends Target {
  /** The person who asked: ephemeral answers are shown to them only. */
  user: string;
  /** Bolt's `respond` (the payload's response_url), for slash commands and button clicks. */
  respond?: RespondFn | undefined;
}

export class SlackReplySink implements ReplySink {
  private progressTs: string | undefined;

  /**
   * `log` is the adapter's logger; each line names the channel itself, because a child logger per
   * turn would be built on every request's way to its acknowledgement and rarely used.
   */
  constructor(
    private readonly client: webApi.WebClient,
    private readonly target: SinkTarget,
    private readonly log: Logger,
  ) {}

  async send(reply: Reply): Promise<void> {
    if (reply.ephemeral) return this.sendEphemeral(reply);
    try {
      await postReply(this.client, this.target, reply);
    } catch (err) {
      if (!isNotInChannel(err) || !this.target.respond) throw err;
      // The bot is not in this channel; the command's response_url can still answer there.
      this.log.info({ channel: this.target.channel }, 'not in channel: answering through response_url');
      const files = reply.files?.length
        ? `\n_(${reply.files.map((f) => f.name).join(', ')} could not be attached: invite me to the channel to get files.)_`
        : '';
      const message = renderMessage({ ...reply, text: reply.text + files });
      await this.target.respond({ response_type: 'in_channel', ...message });
    }
  }

  async progress(text: string): Promise<void> {
    const message = renderProgress(text);
    try {
      if (this.progressTs) {
        await this.client.chat.update({ channel: this.target.channel, ts: this.progressTs, ...message });
        return;
      }
      const res = await this.client.chat.postMessage({
        channel: this.target.channel,
        ...(this.target.thread ? { thread_ts: this.target.thread } : {}),
        ...message,
      });
      this.progressTs = res.ts;
    } catch (err) {
      // Progress is a courtesy: a refused update must not fail the work it describes.
      this.log.warn({ err, channel: this.target.channel }, 'progress message could not be posted or updated');
    }
  }

  private async sendEphemeral(reply: Reply): Promise<void> {
    const message = renderMessage(reply);
    if (this.target.respond) {
      await this.target.respond({ response_type: 'ephemeral', ...message });
      return;
    }
    await this.client.chat.postEphemeral({
      channel: this.target.channel,
      user: this.target.user,
      ...(this.target.thread ? { thread_ts: this.target.thread } : {}),
      ...message,
    });
  }
}
