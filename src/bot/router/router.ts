/**
 * Routing precedence in one place: button action → slash command → pending confirmation →
 * shared file → the answer to a question the bot asked → free text (Claude when configured, else
 * rules, then meaning) → help.
 */
import type { Logger } from 'pino';
import type { IncomingMessage } from '../message.js';
import type { ChannelMemory } from '../../memory/channel-memory.js';
import type { LanguageModel } from '../../integrations/llm/language-model.js';
import type { SkillDefinition, SkillId } from '../skill.js';
import { isSkillId, type Route, type RouteSource } from './route.js';
import { parseSlash } from './slash.js';
import { parseRequest } from './rules.js';
import { routeWithClaude } from './claude-router.js';
import { resolveReferences } from './references.js';
import { fileKind } from '../file-intake.js';
import { answerQuestion, questionField, type OpenQuestion } from './dialogue.js';
import { argsFor } from './extract-args.js';
import { normalizeRequest } from './normalize.js';
import type { MeaningClassifier } from './meaning.js';

export const CONFIRM_ACTION = 'confirm';

/** The confirmation a user's "yes"/"no" answers, kept in channel memory under this field. */
export const pendingField = (userId: string) => `pending:${userId}`;

const YES = /^\s*(yes|yep|yeah|confirm|confirmed|go ahead|do it|ok(ay)?|book it|sure)\s*[.!]*\s*$/i;
const NO = /^\s*(no|nope|cancel|stop|never ?mind|don'?t)\s*[.!]*\s*$/i;

export class Router {
  constructor(
    private readonly skills: SkillDefinition[],
    private readonly log: Logger,
    private readonly llm?: LanguageModel,
    /** Places what the rules only guess at; without it the rules' guess stands. */
    private readonly meaning?: MeaningClassifier,
  ) {}

  async route(message: IncomingMessage, memory: ChannelMemory, now: Date): Promise<Route> {
    // Read once here: the engine clears an open question only when there is one (a write per turn otherwise).
    const question = await memory.get<OpenQuestion>(questionField(message.user.id));
    const route = await this.routeMessage(message, memory, now, question);
    return question ? { ...route, hadQuestion: true } : route;
  }

  private async routeMessage(
    message: IncomingMessage,
    memory: ChannelMemory,
    now: Date,
    question: OpenQuestion | undefined,
  ): Promise<Route> {
    if (message.action) {
      const { skill, args } = message.action;
      if (skill === CONFIRM_ACTION && typeof args.id === 'string') {
        return { kind: 'confirm', confirmationId: args.id, accept: args.accept !== false, via: 'action' };
      }
      if (isSkillId(skill)) return { kind: 'skill', skill, args: await resolveReferences(skill, args, memory), via: 'action' };
    }
    if (message.command) return this.routeCommand(message.command.text, memory, now);
    // Only a "yes" or a "no" can answer a pending proposal: nothing else needs to look for one.
    const yesOrNo = YES.test(message.text) || NO.test(message.text);
    const pending = yesOrNo ? await memory.get<string>(pendingField(message.user.id)) : undefined;
    if (pending) return { kind: 'confirm', confirmationId: pending, accept: YES.test(message.text), via: 'pending' };
    const fileIndex = (message.files ?? []).findIndex((f) => fileKind(f.name) !== undefined);
    const file = message.files?.[fileIndex];
    if (file) {
      const kind = fileKind(file.name);
      if (kind === 'roster' && !/\banaly[sz]e\b/i.test(message.text)) return { kind: 'import-roster', fileIndex, via: 'file' };
      return { kind: 'skill', skill: 'analyze-script', args: { file: file.name }, via: 'file' };
    }
    // Only files CastMatch cannot read, and nothing said: the file skill explains what it takes.
    const unreadable = message.files?.[0];
    if (unreadable && !message.text.trim()) return { kind: 'skill', skill: 'analyze-script', args: { file: unreadable.name }, via: 'file' };
    if (!message.addressed) return { kind: 'ignore', via: 'fallback' };
    return this.routeText(message.text, memory, now, question);
  }

  /**
   * A `/cast` command's text (after `/cast`). Public so `castmatch route "/cast …"` reports what a
   * slash command gets by the very path a chat message takes, not by the free-text parser.
   */
  async routeCommand(text: string, memory: ChannelMemory, now: Date): Promise<Route> {
    const { skill, args } = parseSlash(text, now);
    return { kind: 'skill', skill, args: await resolveReferences(skill, args, memory), via: 'command' };
  }

  /**
   * Free text: an answer to the question this user was asked, else a request. Claude reads it when
   * configured; otherwise (or when Claude fails) the rules, and the meaning classifier for what the
   * rules only guess at. What `castmatch route` prints.
   */
  async routeText(text: string, memory: ChannelMemory, now: Date, question?: OpenQuestion): Promise<Route> {
    const rules = parseRequest(text, now);
    if (question) {
      if (NO.test(text) || /^\s*(forget it|leave it|skip it?)\s*[.!]*\s*$/i.test(text))
        return this.skillRoute('help', { dropped: true }, memory, 'answer');
      const answer = answerQuestion(question, text, rules, now);
      if (answer) return this.skillRoute(answer.skill, answer.args, memory, 'answer');
    }
    const claude = this.llm ? await routeWithClaude(this.llm, this.skills, text, await this.context(memory), this.log) : undefined;
    if (claude) return this.skillRoute(claude.skill, claude.args, memory, 'claude');
    if (rules.sure) return this.skillRoute(rules.skill, rules.args, memory, 'rules');
    const guess = await this.meaning?.classify(normalizeRequest(text), rules.skill === 'help' ? 'no-cue' : 'cue');
    switch (guess?.kind) {
      case 'skill':
        return this.skillRoute(
          guess.skill,
          guess.skill === rules.skill ? rules.args : argsFor(guess.skill, normalizeRequest(text), now),
          memory,
          'meaning',
        );
      case 'unsure':
        // A near tie that includes the rules' own guess goes their way; otherwise ask which.
        if (guess.choices.includes(rules.skill) && rules.skill !== 'help') return this.skillRoute(rules.skill, rules.args, memory, 'rules');
        return this.skillRoute('help', { clarify: guess.choices, text }, memory, 'meaning');
      case 'none':
        // Near nothing the examples say, but the rules saw a description of people: a search.
        return this.skillRoute(rules.skill, rules.args, memory, 'rules');
      default:
        return this.skillRoute(rules.skill, rules.args, memory, 'rules');
    }
  }

  private async skillRoute(skill: SkillId, args: Record<string, unknown>, memory: ChannelMemory, via: RouteSource): Promise<Route> {
    return { kind: 'skill', skill, args: await resolveReferences(skill, args, memory), via };
  }

  private async context(memory: ChannelMemory): Promise<string> {
    const [role, listed] = await Promise.all([memory.lastRole(), memory.lastListed()]);
    const parts = [];
    if (role) parts.push(`the role last discussed is ${role}`);
    if (listed?.names.length) parts.push(`people last listed, in order: ${listed.names.join(', ')}`);
    return parts.join('; ');
  }
}

export { isSkillId };
