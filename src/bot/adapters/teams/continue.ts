/** A proactive turn on a stored conversation reference, with replies threaded as a live reply would be. */
import type { CloudAdapter, ConversationReference, TurnContext } from 'botbuilder';

/**
 * Runs `logic` in a turn on `reference`. With `reference.activityId` set, what it sends replies to
 * that message; without, it posts new messages. (The SDK gives the continuation event a random id,
 * which would otherwise become the replyToId of everything sent.)
 */
export function continueIn(cloud: CloudAdapter, appId: string, reference: Partial<ConversationReference>, logic: (context: TurnContext) => Promise<void>): Promise<void> {
  return cloud.continueConversationAsync(appId, reference, async (context) => {
    if (reference.activityId) context.activity.id = reference.activityId;
    else delete (context.activity as { id?: string }).id;
    await logic(context);
  });
}
