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

export type SkillId = 'search-talent' | 'analyze-script' | 'propose-shortlist' | 'book-audition' | 'status' | 'help';

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
  /** Records a side effect to be confirmed by the same user; returns the confirmation buttons' reply. */
  propose(p: { summary: string; payload: Record<string, unknown>; details?: Reply; ttlMs?: number }): Promise<Reply>;
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
