/**
 * Slack payloads → IncomingMessage. Pure functions over the few fields each payload kind carries;
 * the payload itself survives only as `raw`. Text arrives in Slack's escaped mrkdwn (`&lt;`,
 * `<@U123>`, `<https://…|label>`); skills get it back as plain text with the bot's mention removed.
 */
import type { ActionPress, ConversationAddress, IncomingMessage, SharedFile } from '../../message.js';

/** The fields of a slash command this adapter reads. */
export interface SlashPayload {
  command: string;
  text: string;
  team_id: string;
  enterprise_id?: string;
  channel_id: string;
  user_id: string;
  user_name?: string;
}

/** The fields of an `app_mention` or `message` event this adapter reads. */
export interface MessageEventPayload {
  user?: string;
  text?: string;
  channel: string;
  channel_type?: string;
  ts: string;
  thread_ts?: string;
}

/** Who and where a conversation is, from any payload. */
export interface Where {
  team: string;
  channel: string;
  thread?: string | undefined;
  enterprise?: string | undefined;
  /** The event said it is a direct message (`channel_type: im`); otherwise read from the channel id. */
  direct?: boolean | undefined;
}

/** Slack's direct message (IM) channels, and only those, have ids starting with `D`. */
export function isDirectChannel(channel: string): boolean {
  return channel.startsWith('D');
}

export function addressOf(w: Where): ConversationAddress {
  return {
    platform: 'slack',
    workspace: w.team,
    channel: w.channel,
    ...(w.thread ? { thread: w.thread } : {}),
    ...(w.direct || isDirectChannel(w.channel) ? { direct: true } : {}),
    ...(w.enterprise ? { ref: { enterprise: w.enterprise } } : {}),
  };
}

/** `/cast search tall actor` → a command the router reads by grammar. */
export function fromSlashCommand(cmd: SlashPayload, now: Date): IncomingMessage {
  const text = plainText(cmd.text ?? '');
  return {
    address: addressOf({ team: cmd.team_id, channel: cmd.channel_id, enterprise: cmd.enterprise_id }),
    user: { id: cmd.user_id, ...(cmd.user_name ? { name: cmd.user_name } : {}) },
    text,
    command: { name: cmd.command, text },
    addressed: true,
    receivedAt: now,
    raw: cmd,
  };
}

/**
 * A mention, a direct message or a file share in a channel. It carries no event id: the listener
 * has already claimed the event (before any file lookup), so the engine has nothing to claim again.
 */
export function fromMessageEvent(
  event: MessageEventPayload,
  opts: { team: string; enterprise?: string | undefined; botUserId?: string | undefined; files?: SharedFile[]; now: Date },
): IncomingMessage {
  const raw = event.text ?? '';
  const mentioned = opts.botUserId ? mentions(raw, opts.botUserId) : false;
  const direct = event.channel_type === 'im' || isDirectChannel(event.channel);
  return {
    address: addressOf({ team: opts.team, channel: event.channel, thread: event.thread_ts, enterprise: opts.enterprise, direct }),
    user: { id: event.user ?? 'unknown' },
    text: plainText(opts.botUserId ? stripMention(raw, opts.botUserId) : raw),
    ...(opts.files?.length ? { files: opts.files } : {}),
    addressed: direct || mentioned,
    receivedAt: opts.now,
    raw: event,
  };
}

/** A button click carrying a skill action. */
export function fromAction(
  action: ActionPress,
  opts: { where: Where; user: { id: string; name?: string | undefined }; label: string; now: Date; raw: unknown },
): IncomingMessage {
  return {
    address: addressOf(opts.where),
    user: { id: opts.user.id, ...(opts.user.name ? { name: opts.user.name } : {}) },
    text: opts.label,
    action,
    addressed: true,
    receivedAt: opts.now,
    raw: opts.raw,
  };
}

export function mentions(text: string, botUserId: string): boolean {
  return new RegExp(`<@${escape(botUserId)}(\\|[^>]*)?>`).test(text);
}

/** Removes every mention of the bot, and tidies the spaces it leaves. */
export function stripMention(text: string, botUserId: string): string {
  return text
    .replace(new RegExp(`<@${escape(botUserId)}(\\|[^>]*)?>[,:]?`, 'g'), ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Slack's escaped text as a person typed it: links by their label, entities decoded. */
export function plainText(text: string): string {
  return text
    .replace(/<(?:https?|mailto|tel):[^|>]*\|([^>]*)>/g, '$1')
    .replace(/<((?:https?|mailto|tel):[^>]*)>/g, '$1')
    .replace(/<#[A-Z0-9]+\|([^>]*)>/g, '#$1')
    .replace(/<@([A-Z0-9]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/<!([a-z]+)(?:\|[^>]*)?>/g, '@$1')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&')
    .trim();
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
