/**
 * Normalizes a Teams message activity into the bot's IncomingMessage: personal chats, group chats
 * and channels; the bot's @mention stripped; card submits as button presses; shared files.
 */
import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import { z } from 'zod';
import type { ActionPress, ConversationAddress, IncomingMessage } from '../../message.js';
import { addressRef, splitConversationId } from './reference.js';
import { sharedFiles } from './files.js';

/** What an Action.Submit button carries: the skill action the reply model put on it. */
const submitData = z.object({ skill: z.string().min(1), args: z.record(z.string(), z.unknown()).default({}) });

/** Where a Teams activity happened, keyed so that memory never crosses tenants or channels. */
export function addressOf(activity: Partial<Activity>, reference: Partial<ConversationReference>): ConversationAddress {
  const channelData = (activity.channelData ?? {}) as { tenant?: { id?: string }; channel?: { id?: string } };
  const conversationId = activity.conversation?.id ?? '';
  const { base, thread } = splitConversationId(conversationId);
  const workspace = channelData.tenant?.id ?? activity.conversation?.tenantId ?? 'no-tenant';
  // In a channel, memory belongs to the channel (all its reply chains); elsewhere to the chat.
  const channel = activity.conversation?.conversationType === 'channel' ? (channelData.channel?.id ?? base) : base;
  return {
    platform: 'teams',
    workspace,
    channel,
    ...(thread ? { thread } : {}),
    ...(isPersonal(activity) ? { direct: true } : {}),
    ref: addressRef(reference),
  };
}

/** A 1:1 chat of one person with the bot. The Bot Framework Emulator sends no conversationType: a non-group conversation is one. */
export function isPersonal(activity: Partial<Activity>): boolean {
  return (activity.conversation?.conversationType ?? (activity.conversation?.isGroup ? 'groupChat' : 'personal')) === 'personal';
}

/** The button press in a card submit, or undefined when the activity carries none (or a malformed one). */
export function actionOf(activity: Partial<Activity>): ActionPress | undefined {
  if (activity.value === undefined || activity.value === null) return undefined;
  const parsed = submitData.safeParse(activity.value);
  return parsed.success ? { skill: parsed.data.skill, args: parsed.data.args } : undefined;
}

/** Whether the bot itself is @mentioned in the activity. */
export function mentionsBot(activity: Partial<Activity>): boolean {
  const botId = activity.recipient?.id;
  return (activity.entities ?? []).some((e) => e.type === 'mention' && (e as { mentioned?: { id?: string } }).mentioned?.id === botId);
}

/** Message text as the user meant it: bot mention removed, HTML spaces decoded, whitespace tidied. */
export function cleanText(activity: Partial<Activity>): string {
  const withoutMention = activity.text !== undefined && activity.recipient ? TurnContext.removeRecipientMention(activity) : activity.text;
  return (withoutMention ?? '')
    .replace(/<at>[^<]*<\/at>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .trim();
}

/** The conversation reference of an inbound activity (service URL, conversation, bot, user, activity id). */
export function referenceOf(activity: Partial<Activity>): Partial<ConversationReference> {
  return TurnContext.getConversationReference(activity);
}

/** The IncomingMessage of a Teams message activity. */
export function toIncomingMessage(activity: Partial<Activity>, reference: Partial<ConversationReference>, now: Date): IncomingMessage {
  const text = cleanText(activity);
  const action = actionOf(activity);
  const files = sharedFiles(activity.attachments);
  const personal = isPersonal(activity);
  const command = /^\/cast(\s|$)/i.test(text) ? { name: '/cast', text: text.slice(5).trim() } : undefined;
  const from = activity.from;
  const timeZone = (activity as { localTimezone?: string }).localTimezone;
  const receivedAt = activity.timestamp ? new Date(activity.timestamp) : now;
  return {
    address: addressOf(activity, reference),
    user: { id: from?.id ?? 'unknown', ...(from?.name ? { name: from.name } : {}), ...(timeZone ? { timeZone } : {}) },
    text,
    ...(command ? { command } : {}),
    ...(files.length ? { files } : {}),
    ...(action ? { action } : {}),
    // In channels and group chats Teams only delivers @mentions, but a card press is addressed too.
    addressed: personal || mentionsBot(activity) || action !== undefined || command !== undefined,
    ...(activity.id ? { eventId: activity.id } : {}),
    receivedAt: Number.isNaN(receivedAt.getTime()) ? now : receivedAt,
    raw: activity,
  };
}
