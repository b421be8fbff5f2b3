/**
 * The one normalized inbound message every adapter produces and every skill reads.
 * Platform payloads survive only in `raw`, which nothing outside `src/bot/adapters` may read.
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

/** A file shared into the conversation; `fetch` reads it lazily, with the size checked first. */
export interface SharedFile {
  name: string;
  mimeType?: string;
  /** Size in bytes when the platform says it up front. */
  size?: number;
  /** Reads the file, refusing more than `maxBytes` before buffering it all. */
  fetch(maxBytes: number): Promise<Uint8Array>;
}

/** A button press: the action a skill put on a button, handed back verbatim. */
export interface ActionPress {
  skill: string;
  args: Record<string, unknown>;
}

export interface IncomingMessage {
  address: ConversationAddress;
  user: { id: string; name?: string; timeZone?: string };
  /** Text with bot mentions already stripped by the adapter. */
  text: string;
  /** A slash command (`/cast search …`) is routed by grammar, never by guesswork. */
  command?: { name: string; text: string };
  files?: SharedFile[];
  action?: ActionPress;
  /** Whether the bot was addressed directly (DM, mention, command): free text is only answered then. */
  addressed: boolean;
  /** Platform event id for de-duplication of retries. */
  eventId?: string;
  receivedAt: Date;
  /** Escape hatch for adapters only. */
  raw?: unknown;
}

/** Memory and audit key of a conversation: nothing crosses between two keys. */
export function channelKey(a: Pick<ConversationAddress, 'platform' | 'workspace' | 'channel'>): string {
  return `${a.platform}:${a.workspace}:${a.channel}`;
}

/** Key of a workspace (tenant): rosters and calendars are shared inside one, never across. */
export function tenantKey(a: Pick<ConversationAddress, 'platform' | 'workspace'>): string {
  return `${a.platform}:${a.workspace}`;
}
