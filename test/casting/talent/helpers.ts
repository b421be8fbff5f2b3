/** Shared helpers for the talent tests: the sample roster, a skill context, reply text. */
import { questionReply } from '../../../src/bot/question.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { Store } from '../../../src/memory/store.js';
import type { Embedder } from '../../../src/integrations/embeddings/embedder.js';
import type { VectorIndex } from '../../../src/integrations/vectors/vector-index.js';
import type { LanguageModel } from '../../../src/integrations/llm/language-model.js';
import type { SkillContext } from '../../../src/bot/skill.js';
import type { Reply } from '../../../src/bot/reply.js';
import { ChannelMemory } from '../../../src/memory/channel-memory.js';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/log/logger.js';
import { visibleText } from '../../helpers/app.js';

import { ROSTER as SAMPLE_ROSTER } from '../../helpers/fixtures.js';

export { SAMPLE_ROSTER };
export const FIXTURES = path.resolve(process.cwd(), 'test/fixtures/talent');

export function sampleBytes(): Uint8Array {
  return new Uint8Array(readFileSync(SAMPLE_ROSTER));
}

export const silentLog = createLogger('silent');

export interface ContextOptions {
  store: Store;
  embedder: Embedder;
  vectors: VectorIndex;
  tenant?: string;
  channel?: string;
  llm?: LanguageModel;
  now?: Date;
}

/** A skill context over a real store; `progress` calls are collected. */
export function skillContext(o: ContextOptions): SkillContext & { progressed: string[] } {
  const tenant = o.tenant ?? 'local:studio';
  const channel = o.channel ?? `${tenant}:casting`;
  const progressed: string[] = [];
  const [platform, workspace, ch] = channel.split(':') as [string, string, string];
  return {
    message: {
      address: { platform: platform as 'local', workspace, channel: ch },
      user: { id: 'ana' },
      text: '',
      addressed: true,
      receivedAt: o.now ?? new Date(),
    },
    memory: new ChannelMemory(channel, o.store.channels),
    tenant,
    store: o.store,
    services: {
      config: loadConfig({}),
      ...(o.llm ? { llm: o.llm } : {}),
      embedder: async () => o.embedder,
      vectors: o.vectors,
      calendar: {} as never,
      scheduler: {} as never,
    },
    log: silentLog,
    now: () => o.now ?? new Date(),
    progress: async (t) => {
      progressed.push(t);
    },
    propose: async () => {
      throw new Error('search and shortlist never propose');
    },
    ask: async (q) => questionReply('propose-shortlist', q),
    progressed,
  };
}

/** Everything a reply shows a user, flattened (buttons as [label]). */
export function replyText(r: Reply): string {
  return `${r.text}\n${visibleText(r)}`;
}

export function buttonsOf(r: Reply) {
  return r.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : []));
}

/** A CSV roster from a header and rows of cells (quoted as needed). */
export function csv(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[",\n;]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n');
}
