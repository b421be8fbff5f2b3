/**
 * The one normalized inbound message every adapter produces and every skill reads.
 * Platform payloads survive only in `raw`, which nothing outside `src/bot/adapters` may read.
 */
export { channelKey, tenantKey, type ConversationAddress, type Platform } from '../memory/address.js';
import type { ConversationAddress } from '../memory/address.js';

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
