/**
 * The seam between adapters and the bot. An adapter turns a platform event into an
 * IncomingMessage, hands it to a TurnHandler with a ReplySink that knows how to post on that
 * platform, and never contains casting logic.
 */
import type { ConversationAddress, IncomingMessage, Platform } from './message.js';
import type { Reply } from './reply.js';
import { CastMatchError } from '../errors/castmatch-error.js';

export interface ReplySink {
  /** Posts a reply into the conversation the message came from. */
  send(reply: Reply): Promise<void>;
  /** Shows, then updates in place, one progress message for long work. */
  progress(text: string): Promise<void>;
}

export interface TurnHandler {
  /** Runs one turn to completion. Never throws: failures become an error reply and a log line. */
  handle(message: IncomingMessage, sink: ReplySink): Promise<void>;
}

/** Posts into a conversation with no one speaking first (reminders, alerts). */
export interface ProactivePoster {
  readonly platform: Platform;
  post(address: ConversationAddress, reply: Reply): Promise<void>;
  /**
   * Posts to one person directly (Slack: the app's Messages tab; Teams: the 1:1 chat with the bot),
   * in the workspace of `from`, a conversation the bot already knows (it supplies the token, tenant
   * and service URL). Raises ConversationGoneError when the platform says that person cannot be
   * reached (left, deactivated, the app not installed for them).
   */
  postDirect(from: ConversationAddress, userId: string, reply: Reply): Promise<void>;
}

/** Thrown by a ProactivePoster when the bot can no longer post there (removed, 403): do not retry. */
export class ConversationGoneError extends CastMatchError<'conversation_gone'> {
  constructor(message: string) {
    super('conversation_gone', message);
  }
}
