/**
 * Small pieces the operations tests share: a bot with only the help skill (an engine that routes,
 * remembers and replies, with no dependency on the casting skills), a recording poster for the
 * ops channel, and a fixed resource reading.
 */
import { Engine, type TurnObserver } from '../../src/bot/engine.js';
import { createLogger } from '../../src/log/logger.js';
import { makeHelpSkill } from '../../src/skills/help/index.js';
import type { SkillDefinition, SkillId } from '../../src/bot/skill.js';
import type { Services } from '../../src/integrations/services.js';
import type { LanguageModel } from '../../src/integrations/llm/language-model.js';
import type { Store } from '../../src/memory/store.js';
import type { ConversationAddress, IncomingMessage, Platform } from '../../src/bot/message.js';
import type { Reply } from '../../src/bot/reply.js';
import type { ProactivePoster, TurnHandler } from '../../src/bot/turn-handler.js';
import type { ResourceSample, ResourceSource } from '../../src/ops/resources.js';
import type { JobHandler, Scheduler } from '../../src/scheduler/scheduler.js';

export const silent = createLogger('silent');

export function helpBot(opts: { store: Store; llm?: LanguageModel; observer?: TurnObserver }): Engine {
  const skills = new Map<SkillId, SkillDefinition>();
  skills.set('help', makeHelpSkill(() => [...skills.values()]) as unknown as SkillDefinition);
  return new Engine({
    store: opts.store,
    skills,
    log: silent,
    services: { ...(opts.llm ? { llm: opts.llm } : {}) } as Services,
    ...(opts.observer ? { observer: opts.observer } : {}),
  });
}

/** Sends one message as a user would and returns what the bot answered. */
export async function say(handler: TurnHandler, text: string, extra: Partial<IncomingMessage> = {}): Promise<Reply[]> {
  const replies: Reply[] = [];
  await handler.handle(
    {
      address: { platform: 'local', workspace: 'studio', channel: 'casting' },
      user: { id: 'ana' },
      text,
      addressed: true,
      receivedAt: new Date(),
      ...extra,
    },
    {
      send: async (r) => {
        replies.push(r);
      },
      progress: async () => undefined,
    },
  );
  return replies;
}

/** All text a reply shows (headings, sections, notes under it). */
export function shown(r: Reply): string {
  return r.blocks
    .map((b) => ('text' in b ? b.text : b.type === 'fields' ? b.fields.map((f) => `${f.label}: ${f.value}`).join('\n') : ''))
    .join('\n');
}

/** A chat platform's proactive poster that records what was posted, and can be made to fail. */
export class RecordingPoster implements ProactivePoster {
  readonly posts: { address: ConversationAddress; reply: Reply }[] = [];
  readonly direct: { from: ConversationAddress; userId: string; reply: Reply }[] = [];
  failing = false;
  constructor(readonly platform: Platform = 'slack') {}
  async post(address: ConversationAddress, reply: Reply): Promise<void> {
    if (this.failing) throw new Error('platform refused the post');
    this.posts.push({ address, reply });
  }
  async postDirect(from: ConversationAddress, userId: string, reply: Reply): Promise<void> {
    if (this.failing) throw new Error('platform refused the post');
    this.direct.push({ from, userId, reply });
  }
  texts(): string[] {
    return this.posts.map((p) => p.reply.text);
  }
}

/** A resource reading the test sets. */
export class FixedResources implements ResourceSource {
  value: ResourceSample = { rssMb: 200, heapUsedMb: 100, limitMb: 1024, memoryRatio: 200 / 1024 };
  sample(): ResourceSample {
    return this.value;
  }
  set(rssMb: number): void {
    this.value = { ...this.value, rssMb, memoryRatio: rssMb / this.value.limitMb };
  }
}

export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/** A scheduler that records definitions and recurring jobs; tests run the job handlers themselves. */
export class FakeScheduler implements Pick<Scheduler, 'define' | 'every' | 'running'> {
  readonly jobs = new Map<string, JobHandler>();
  readonly recurring: { interval: string; name: string; key: string }[] = [];
  define(name: string, h: JobHandler) {
    this.jobs.set(name, h);
  }
  async every(interval: string, name: string, data: { key: string }) {
    this.recurring.push({ interval, name, key: data.key });
  }
  running() {
    return true;
  }
}
