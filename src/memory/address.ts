/**
 * Where a conversation is, kept with every record that posts into it later (an audition's
 * reminders, a channel's digest), so that a post lands where its record was made: the same
 * channel, the same thread. Adapters fill it in; the stores keep it as it came.
 */
export type Platform = 'slack' | 'teams' | 'local' | 'web';

/** Where a message came from: everything needed to keep memory apart and to post back later. */
export interface ConversationAddress {
  platform: Platform;
  /** Slack team id, Teams tenant id, `local` for the terminal. */
  workspace: string;
  /** Slack channel id, Teams conversation id, terminal channel name. */
  channel: string;
  /** Thread or reply-chain id where the platform has one. */
  thread?: string;
  /**
   * A one-to-one chat between the bot and one person (Slack IM, Teams personal chat), set by the
   * adapter's parser: a direct message to that person lands in this same conversation.
   */
  direct?: boolean;
  /** Platform-specific fields needed to post proactively (Teams serviceUrl, Slack bot id…). */
  ref?: Record<string, string>;
}

/** Memory and audit key of a conversation: nothing crosses between two keys. */
export function channelKey(a: Pick<ConversationAddress, 'platform' | 'workspace' | 'channel'>): string {
  return `${a.platform}:${a.workspace}:${a.channel}`;
}

/** Key of a workspace (tenant): rosters and calendars are shared inside one, never across. */
export function tenantKey(a: Pick<ConversationAddress, 'platform' | 'workspace'>): string {
  return `${a.platform}:${a.workspace}`;
}

/**
 * The address of a conversation's top level, from its memory key: for records stored before their
 * address was kept. Channel ids may contain colons (Teams), workspace ids do not.
 */
export function addressFromChannelKey(key: string): ConversationAddress {
  const [platform, workspace, ...channel] = key.split(':');
  return { platform: platform as Platform, workspace: workspace ?? '', channel: channel.join(':') };
}
