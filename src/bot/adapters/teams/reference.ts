/**
 * Conversation references: everything needed to post into a Teams conversation later (service URL,
 * conversation, bot, tenant). Kept in two places on purpose: the full reference in the channel's
 * memory (so it survives restarts and is shared by replicas), and the essentials in the
 * ConversationAddress `ref`, so an address alone is enough to post when the stored copy is missing.
 */
import type { ConversationReference } from 'botbuilder';
import type { ConversationAddress } from '../../message.js';
import { channelKey } from '../../message.js';
import type { ChannelMemoryRepo } from '../../../memory/store.js';

/** Channel-memory field of the stored reference. */
export const REFERENCE_FIELD = 'teams:reference';
/** Channel-memory field set when Teams said the bot may no longer post there (403). */
export const GONE_FIELD = 'teams:gone';

/** Teams marks a reply chain inside a channel conversation id as `;messageid=<root id>`. */
const THREAD_MARK = ';messageid=';

/** Splits a Teams conversation id into the conversation and its reply chain, if any. */
export function splitConversationId(id: string): { base: string; thread?: string } {
  const at = id.indexOf(THREAD_MARK);
  if (at < 0) return { base: id };
  const thread = id.slice(at + THREAD_MARK.length);
  return { base: id.slice(0, at), ...(thread ? { thread } : {}) };
}

/** The reference to store: the conversation without its reply chain and without the message replied to. */
export function baseReference(ref: Partial<ConversationReference>): Partial<ConversationReference> {
  const { activityId: _activity, ...rest } = ref;
  const conversation = ref.conversation ? { ...ref.conversation, id: splitConversationId(ref.conversation.id).base } : undefined;
  return { ...rest, ...(conversation ? { conversation } : {}) };
}

/** The `ref` fields of a ConversationAddress: enough to rebuild a reference with nothing stored. */
export function addressRef(ref: Partial<ConversationReference>): Record<string, string> {
  const out: Record<string, string> = {};
  if (ref.serviceUrl) out.serviceUrl = ref.serviceUrl;
  if (ref.conversation?.id) out.conversationId = splitConversationId(ref.conversation.id).base;
  if (ref.conversation?.conversationType) out.conversationType = ref.conversation.conversationType;
  if (ref.bot?.id) out.botId = ref.bot.id;
  if (ref.bot?.name) out.botName = ref.bot.name;
  if (ref.channelId) out.channelId = ref.channelId;
  return out;
}

/** Rebuilds a reference from an address's `ref`; undefined when it lacks a service URL or conversation. */
export function referenceFromAddress(address: ConversationAddress): Partial<ConversationReference> | undefined {
  const r = address.ref;
  if (!r?.serviceUrl || !r.conversationId) return undefined;
  return {
    channelId: r.channelId ?? 'msteams',
    serviceUrl: r.serviceUrl,
    conversation: {
      id: r.conversationId,
      isGroup: r.conversationType !== 'personal',
      conversationType: r.conversationType ?? 'personal',
      tenantId: address.workspace,
      name: '',
    },
    ...(r.botId ? { bot: { id: r.botId, name: r.botName ?? '' } } : {}),
  };
}

/** The reference to post with: the stored one, else the address's; pointed at the address's thread. */
export async function referenceFor(
  address: ConversationAddress,
  channels: ChannelMemoryRepo,
): Promise<Partial<ConversationReference> | undefined> {
  const stored = await channels.get<Partial<ConversationReference>>(channelKey(address), REFERENCE_FIELD);
  const ref = stored?.serviceUrl && stored.conversation ? stored : referenceFromAddress(address);
  if (!ref?.conversation) return undefined;
  const id = address.thread ? `${ref.conversation.id}${THREAD_MARK}${address.thread}` : ref.conversation.id;
  return { ...ref, conversation: { ...ref.conversation, id } };
}
