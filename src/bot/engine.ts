/**
 * The bot's turn loop: one IncomingMessage in, replies out through the adapter's sink. Routing,
 * argument validation, confirmations and memory live here; casting logic lives in the skills, and
 * platform details in the adapters. A failure becomes a message to the user and a log line, never
 * an exception for the adapter (which would make the platform retry).
 */
import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { Store } from '../memory/store.js';
import { ChannelMemory } from '../memory/channel-memory.js';
import type { Services } from '../integrations/services.js';
import { collectNotices } from '../integrations/degradation.js';
import { CastMatchError } from '../errors/castmatch-error.js';
import type { SkillContext, SkillDefinition, SkillId } from './skill.js';
import { Router, pendingField, CONFIRM_ACTION } from './router/router.js';
import type { Route } from './router/route.js';
import { MeaningClassifier } from './router/meaning.js';
import { questionReply } from './question.js';
import { questionField, QUESTION_TTL_MS, type OpenQuestion } from './router/dialogue.js';
import type { Embedder } from '../integrations/embeddings/embedder.js';
import { channelKey, tenantKey, type IncomingMessage } from './message.js';
import { errorReply, reply as buildReply, textReply, type Reply } from './reply.js';
import type { ReplySink, TurnHandler } from './turn-handler.js';

export const CONFIRMATION_TTL_MS = 15 * 60_000;

/** What to say when a proposal is declined, when the proposer chose its own words. */
const declinedField = (confirmationId: string) => `declined:${confirmationId}`;

/** Observes every turn (metrics, health monitor). */
export interface TurnObserver {
  turnFinished(t: { skill: string; ok: boolean; ms: number; platform: string }): void;
}

/** Imports a roster file shared into a conversation (provided by the talent skills). */
export type RosterImporter = (ctx: SkillContext, fileIndex: number) => Promise<Reply>;

export interface EngineDeps {
  store: Store;
  services: Services;
  skills: Map<SkillId, SkillDefinition>;
  log: Logger;
  now?: () => Date;
  importRoster?: RosterImporter;
  observer?: TurnObserver;
  /** The sentence encoder the offline router compares requests with; rules alone without it. */
  intentEncoder?: () => Promise<Embedder | undefined>;
}

export class Engine implements TurnHandler {
  readonly router: Router;
  private readonly now: () => Date;

  constructor(private readonly deps: EngineDeps) {
    this.now = deps.now ?? (() => new Date());
    const meaning = deps.intentEncoder ? new MeaningClassifier(deps.intentEncoder, deps.log) : undefined;
    this.router = new Router([...deps.skills.values()], deps.log, deps.services.llm, meaning);
  }

  async handle(message: IncomingMessage, sink: ReplySink): Promise<void> {
    const started = performance.now();
    const key = channelKey(message.address);
    const log = this.deps.log.child({ platform: message.address.platform, channel: key, user: message.user.id });
    let skillName = 'none';
    let ok = true;
    try {
      if (message.eventId && !(await this.deps.store.once.claim(`turn:${message.address.platform}:${message.eventId}`, 3_600_000))) {
        log.info({ eventId: message.eventId }, 'duplicate delivery dropped');
        return;
      }
      const memory = new ChannelMemory(key, this.deps.store.channels);
      const route = await this.router.route(message, memory, this.now());
      if (route.kind === 'ignore') return;
      // A question is answered (or passed over) by the asker's next turn; a skill may ask anew.
      if (route.hadQuestion) await memory.delete(questionField(message.user.id));
      skillName = route.kind === 'skill' ? route.skill : route.kind;
      const ctx = this.context(message, memory, sink, log, route.kind === 'skill' ? route.skill : undefined);
      log.info({ route: skillName, via: route.via }, 'turn routed');
      // A role named in a request is the role now under discussion: "shortlist for her" next time.
      if (route.kind === 'skill' && typeof route.args.role === 'string' && route.args.role.trim())
        await memory.setLastRole(route.args.role.trim());
      const { result, notices } = await collectNotices(() => this.run(route, ctx));
      const answer = notices.length ? withNotices(result, notices) : result;
      ok = !answer.isError;
      await memory.remember({ at: this.now(), userId: message.user.id, text: message.text || describe(message), skill: skillName });
      await sink.send(answer);
    } catch (err) {
      ok = false;
      await sink
        .send(this.failureReply(err, log))
        .catch((sendErr: unknown) => log.error({ err: sendErr }, 'could not deliver the error reply'));
    } finally {
      this.deps.observer?.turnFinished({ skill: skillName, ok, ms: performance.now() - started, platform: message.address.platform });
    }
  }

  /** A failure written for the chat user is shown as it is; anything else gets a reference to the log line. */
  private failureReply(err: unknown, log: Logger): Reply {
    if (err instanceof CastMatchError && err.audience === 'user') {
      log.warn({ code: err.code, err: err.message }, 'turn refused');
      return errorReply(err.message);
    }
    const ref = randomUUID().slice(0, 8);
    log.error({ err, ref, ...(err instanceof CastMatchError ? { code: err.code } : {}) }, 'turn failed');
    return errorReply(`Something went wrong on my side (reference ${ref}). Nothing was changed; please try again, or ask for "help".`);
  }

  private async run(route: Exclude<Route, { kind: 'ignore' }>, ctx: SkillContext): Promise<Reply> {
    switch (route.kind) {
      case 'confirm':
        return this.confirm(route.confirmationId, route.accept, ctx);
      case 'import-roster':
        return this.deps.importRoster
          ? this.deps.importRoster(ctx, route.fileIndex)
          : errorReply('Roster import is not available in this installation.');
      case 'skill': {
        const skill = this.deps.skills.get(route.skill);
        if (!skill) return errorReply(`I don't know how to ${route.skill} yet.`);
        const args = skill.args.safeParse(route.args);
        if (!args.success) {
          const problems = args.error.issues.map((i) => `${i.path.join('.') || 'request'}: ${i.message}`).join('; ');
          ctx.log.info({ skill: skill.id, problems }, 'invalid skill arguments');
          return errorReply(
            `I couldn't read that request (${problems}). For example: ${skill.examples.map((e) => `"${e}"`).join(' or ')}.`,
          );
        }
        return skill.run(ctx, args.data);
      }
    }
  }

  private async confirm(id: string, accept: boolean, ctx: SkillContext): Promise<Reply> {
    const userId = ctx.message.user.id;
    await ctx.memory.delete(pendingField(userId));
    const pending = await this.deps.store.confirmations.take(id, ctx.memory.key, userId, this.now());
    if (!pending) {
      return errorReply(
        'That request has expired, was already handled, or was made by someone else. Ask again and I will prepare it anew.',
      );
    }
    // The proposer's own answer when "Cancelled: …" would misread (declining to cancel keeps the audition).
    const declined = await ctx.memory.get<string>(declinedField(id));
    if (declined) await ctx.memory.delete(declinedField(id));
    if (!accept) return textReply(declined ?? `Cancelled: ${pending.summary}. Nothing was changed.`);
    const skill = this.deps.skills.get(pending.skill as SkillId);
    if (!skill?.commit) return errorReply(`I can no longer carry out "${pending.summary}".`);
    ctx.log.info({ skill: skill.id, confirmation: id }, 'confirmed side effect');
    return skill.commit(ctx, pending.payload);
  }

  private context(message: IncomingMessage, memory: ChannelMemory, sink: ReplySink, log: Logger, skillId?: SkillId): SkillContext {
    return {
      message,
      memory,
      log,
      tenant: tenantKey(message.address),
      store: this.deps.store,
      services: this.deps.services,
      now: this.now,
      progress: (text) => sink.progress(text),
      ask: async (q) => {
        if (!skillId) throw new Error('ask() called outside a skill run');
        const open: OpenQuestion = { skill: skillId, slot: q.slot, args: q.args, ...(q.choices?.length ? { choices: q.choices } : {}) };
        await memory.set(questionField(message.user.id), open, QUESTION_TTL_MS);
        return questionReply(skillId, q);
      },
      propose: async ({ summary, payload, details, ttlMs = CONFIRMATION_TTL_MS, labels = {}, declined, destructive = false }) => {
        if (!skillId) throw new Error('propose() called outside a skill run');
        const id = randomUUID();
        await this.deps.store.confirmations.create({
          id,
          channel: memory.key,
          userId: message.user.id,
          skill: skillId,
          payload,
          summary,
          expiresAt: new Date(this.now().getTime() + ttlMs),
        });
        await memory.set(pendingField(message.user.id), id, ttlMs);
        // Kept beside the proposal, not in it: the stored confirmation has no field for it, and it lapses with it.
        if (declined) await memory.set(declinedField(id), declined, ttlMs);
        const base = details ?? buildReply(summary).section(summary).build();
        return {
          ...base,
          blocks: [
            ...base.blocks,
            {
              type: 'actions',
              buttons: [
                // Red goes on whichever button destroys something: accepting a cancellation, else declining.
                {
                  label: labels.accept ?? 'Confirm',
                  style: destructive ? 'danger' : 'primary',
                  action: { skill: CONFIRM_ACTION, args: { id, accept: true } },
                },
                {
                  label: labels.decline ?? 'Cancel',
                  ...(destructive ? {} : { style: 'danger' as const }),
                  action: { skill: CONFIRM_ACTION, args: { id, accept: false } },
                },
              ],
            },
          ],
        };
      },
    };
  }
}

/** Says, under the answer, which outside services were unavailable and what was used instead. */
function withNotices(r: Reply, notices: string[]): Reply {
  return {
    ...r,
    blocks: [...r.blocks, ...notices.map((text) => ({ type: 'context' as const, text: `⚠ ${text}` }))],
    text: `${r.text}\n(${notices.join('; ')})`,
  };
}

function describe(m: IncomingMessage): string {
  if (m.action) return `[pressed ${m.action.skill}]`;
  if (m.files?.length) return `[shared ${m.files.map((f) => f.name).join(', ')}]`;
  return '';
}
