/**
 * Routing precedence in one place: button action → slash command → pending confirmation →
 * shared file → free text (Claude when configured, else rules) → help.
 */
import type { Logger } from 'pino';
import type { IncomingMessage } from '../message.js';
import type { ChannelMemory } from '../../memory/channel-memory.js';
import type { LanguageModel } from '../../integrations/llm/language-model.js';
import type { SkillDefinition } from '../skill.js';
import { isSkillId, type Route } from './route.js';
import { parseSlash } from './slash.js';
import { parseRequest } from './rules.js';
import { routeWithClaude } from './claude-router.js';
import { resolveReferences } from './references.js';
import { fileKind } from '../file-intake.js';

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
  ) {}

  async route(message: IncomingMessage, memory: ChannelMemory, now: Date): Promise<Route> {
    if (message.action) {
      const { skill, args } = message.action;
      if (skill === CONFIRM_ACTION && typeof args.id === 'string') {
        return { kind: 'confirm', confirmationId: args.id, accept: args.accept !== false, via: 'action' };
      }
      if (isSkillId(skill)) return { kind: 'skill', skill, args: await resolveReferences(skill, args, memory), via: 'action' };
    }
    if (message.command) {
      const { skill, args } = parseSlash(message.command.text, now);
      return { kind: 'skill', skill, args: await resolveReferences(skill, args, memory), via: 'command' };
    }
    const pending = await memory.get<string>(pendingField(message.user.id));
    if (pending && (YES.test(message.text) || NO.test(message.text))) {
      return { kind: 'confirm', confirmationId: pending, accept: YES.test(message.text), via: 'pending' };
    }
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
    return this.routeText(message.text, memory, now);
  }

  /** Free text only: what `castmatch route` prints. */
  async routeText(text: string, memory: ChannelMemory, now: Date): Promise<Route> {
    let parsed = this.llm ? await routeWithClaude(this.llm, this.skills, text, await this.context(memory), this.log) : undefined;
    const via = parsed ? 'claude' : 'rules';
    parsed ??= parseRequest(text, now);
    return { kind: 'skill', skill: parsed.skill, args: await resolveReferences(parsed.skill, parsed.args, memory), via };
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
