/**
 * Proactive turns: on a stored conversation reference, with replies threaded as a live reply would
 * be; or in a 1:1 chat with one person, opened (or found: Teams keeps one per user and bot) first.
 */
import type { CloudAdapter, ConversationParameters, ConversationReference, TurnContext } from 'botbuilder';

/**
 * Runs `logic` in a turn on `reference`. With `reference.activityId` set, what it sends replies to
 * that message; without, it posts new messages. (The SDK gives the continuation event a random id,
 * which would otherwise become the replyToId of everything sent.)
 */
export function continueIn(
  cloud: CloudAdapter,
  appId: string,
  reference: Partial<ConversationReference>,
  logic: (context: TurnContext) => Promise<void>,
): Promise<void> {
  return cloud.continueConversationAsync(appId, reference, async (context) => {
    if (reference.activityId) context.activity.id = reference.activityId;
    else delete (context.activity as { id?: string }).id;
    await logic(context);
  });
}

/**
 * Opens the 1:1 chat of the bot with `params.members` (Teams answers the existing one when there is
 * one) on `serviceUrl`, and runs `logic` in a turn there. What it sends is a new message: the SDK
 * names the creation event after the conversation id, which would otherwise become a replyToId.
 */
export function inNewConversation(
  cloud: CloudAdapter,
  appId: string,
  serviceUrl: string,
  params: ConversationParameters,
  logic: (context: TurnContext) => Promise<void>,
): Promise<void> {
  // No audience: the connector factory then uses the cloud's configured scope, as continueConversationAsync does.
  const audience = undefined as unknown as string;
  return cloud.createConversationAsync(appId, 'msteams', serviceUrl, audience, params, async (context) => {
    delete (context.activity as { id?: string }).id;
    await logic(context);
  });
}
