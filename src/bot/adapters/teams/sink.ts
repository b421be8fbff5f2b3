/** A ReplySink over a Teams turn context: cards for replies, one progress message updated in place. */
import type { TurnContext } from 'botbuilder';
import type { Logger } from 'pino';
import type { Reply } from '../../reply.js';
import type { ReplySink } from '../../turn-handler.js';
import { renderActivity, renderProgress } from './render.js';

export class TeamsReplySink implements ReplySink {
  private progressId: string | undefined;

  constructor(
    private readonly context: TurnContext,
    private readonly log: Logger,
  ) {}

  async send(reply: Reply): Promise<void> {
    await this.context.sendActivity(renderActivity(reply));
  }

  async progress(text: string): Promise<void> {
    if (this.progressId) {
      try {
        await this.context.updateActivity(renderProgress(text, this.progressId));
        return;
      } catch (err) {
        // Progress is a courtesy: if the update is refused, post a fresh line rather than fail the turn.
        this.log.warn({ err }, 'progress update failed; posting a new progress message');
      }
    }
    const sent = await this.context.sendActivity(renderProgress(text));
    this.progressId = sent?.id;
  }
}
