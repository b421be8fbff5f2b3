/**
 * What a skill is. Skills are declarative: the router, the help text and the Claude tools are all
 * generated from these definitions. Skills never import a platform SDK (test/boundaries.test.ts).
 */
import type { z } from 'zod';
import type { Logger } from 'pino';
import type { IncomingMessage } from './message.js';
import type { Reply } from './reply.js';
import type { Store } from '../memory/store.js';
import type { ChannelMemory } from '../memory/channel-memory.js';
import type { Services } from '../integrations/services.js';

export type SkillId = 'search-talent' | 'analyze-script' | 'correct-role' | 'propose-shortlist' | 'book-audition' | 'status' | 'help';

/** Everything a skill may touch during one turn. */
export interface SkillContext {
  message: IncomingMessage;
  /** This channel's memory, already scoped: a skill cannot read another channel's. */
  memory: ChannelMemory;
  /** Tenant key (`platform:workspace`): rosters and calendars live per tenant. */
  tenant: string;
  store: Store;
  services: Services;
  log: Logger;
  now(): Date;
  /** Shows or updates one progress message ("Reading pages…"); a no-op where the platform has none. */
  progress(text: string): Promise<void>;
  /**
   * Records a side effect to be confirmed by the same user; returns the confirmation buttons' reply.
   * `labels` name the buttons (default Confirm / Cancel) where those would mislead: on "Cancel this
   * audition?", "Cancel" would mean keep it. `declined` answers the decline button or a typed "no"
   * (default "Cancelled: SUMMARY. Nothing was changed.").
   */
  propose(p: {
    summary: string;
    payload: Record<string, unknown>;
    details?: Reply;
    ttlMs?: number;
    labels?: { accept?: string; decline?: string };
    declined?: string;
    /** Accepting destroys something (a cancellation): the accept button is the red one. */
    destructive?: boolean;
  }): Promise<Reply>;
  /**
   * Asks the user for what the request is missing; their next message (or a choice's button) is
   * taken as the answer and the skill runs again with it added to `args`.
   */
  ask(q: Question): Promise<Reply>;
}

/** What a question asks for: a time, a role, a person, who a role is (gender or a description), or which skill was meant. */
export type Slot = 'when' | 'role' | 'person' | 'criteria' | 'skill';

export interface Question {
  text: string;
  slot: Slot;
  /** What the request already said. */
  args: Record<string, unknown>;
  /** Offered as buttons; a typed label or "the second" picks one too. */
  choices?: { label: string; args: Record<string, unknown>; skill?: SkillId }[];
  /** Shown under the question. */
  hint?: string;
}

export interface SkillDefinition<A extends z.ZodType = z.ZodType> {
  id: SkillId;
  /** One line for help and for the Claude tool description. */
  description: string;
  /** Example requests: in help, and in the router's tests. */
  examples: string[];
  /** Argument schema, shared by the slash grammar, the rule parser and the Claude tool. */
  args: A;
  /** True when running it changes something outside the conversation (calendar, roster). */
  sideEffects: boolean;
  /** Runs the request. Side-effecting skills call `ctx.propose` instead of acting at once. */
  run(ctx: SkillContext, args: z.infer<A>): Promise<Reply>;
  /** Carries out a proposal the user confirmed (only for skills that propose). */
  commit?(ctx: SkillContext, payload: Record<string, unknown>): Promise<Reply>;
}

/** Helper that keeps the schema and handler types tied together. */
export function defineSkill<A extends z.ZodType>(def: SkillDefinition<A>): SkillDefinition<A> {
  return def;
}
