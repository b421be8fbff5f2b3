/** The whole app on a temp PGlite database, and a one-line-per-turn conversation driver. */
import { rm } from 'node:fs/promises';
import path from 'node:path';
import { createApp, type App, type AppOptions } from '../../src/app.js';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/log/logger.js';
import type { IncomingMessage, SharedFile } from '../../src/bot/message.js';
import type { Reply } from '../../src/bot/reply.js';
import { localFile } from '../../src/bot/adapters/terminal/local-file.js';
import { tempDataDir } from './store.js';

export { ROSTER, SCRIPTS } from './fixtures.js';

export type TestApp = App & { dataDir: string; dispose(): Promise<void> };

export async function createTestApp(env: Record<string, string> = {}, opts: Partial<AppOptions> = {}): Promise<TestApp> {
  const dataDir = env.CASTMATCH_DATA_DIR ?? (await tempDataDir());
  const app = await createApp({
    config: loadConfig({ ...env, CASTMATCH_DATA_DIR: dataDir }),
    log: createLogger((process.env.TEST_LOG_LEVEL ?? 'silent') as 'silent'),
    ...opts,
  });
  return Object.assign(app, {
    dataDir,
    dispose: async () => {
      await app.close();
      if (!env.CASTMATCH_DATA_DIR) await rm(dataDir, { recursive: true, force: true });
    },
  });
}

export interface TurnResult {
  replies: Reply[];
  progress: string[];
}

/** A conversation in one channel: `say` sends text, a file, or a button press, as a user would. */
export function conversation(app: App, channel = 'casting', user = 'ana', workspace = 'studio') {
  const send = async (m: Partial<IncomingMessage>): Promise<TurnResult> => {
    const replies: Reply[] = [];
    const progress: string[] = [];
    await app.engine.handle(
      {
        address: { platform: 'local', workspace, channel },
        user: { id: user },
        text: '',
        addressed: true,
        receivedAt: new Date(),
        ...m,
      },
      {
        send: async (r) => {
          replies.push(r);
        },
        progress: async (t) => {
          progress.push(t);
        },
      },
    );
    return { replies, progress };
  };
  return {
    say: (text: string) => send({ text, ...(text.startsWith('/cast') ? { command: { name: '/cast', text: text.slice(5).trim() } } : {}) }),
    upload: async (filePath: string, text = '') => send({ text, files: [await localFile(filePath)] }),
    uploadFile: (file: SharedFile, text = '') => send({ text, files: [file] }),
    press: (label: string, r: Reply) => {
      const button = r.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons : [])).find((b) => b.label === label);
      if (!button)
        throw new Error(
          `no button "${label}" in: ${r.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.label) : [])).join(', ')}`,
        );
      return send({ text: label, action: button.action });
    },
  };
}

/** All text a reply shows, flattened: for assertions about what a user reads. */
export function visibleText(r: Reply): string {
  return r.blocks
    .map((b) => {
      switch (b.type) {
        case 'heading':
        case 'section':
        case 'context':
          return b.text;
        case 'fields':
          return b.fields.map((f) => `${f.label}: ${f.value}`).join('\n');
        case 'table':
          return [b.columns.join(' | '), ...b.rows.map((row) => row.join(' | '))].join('\n');
        case 'actions':
          return b.buttons.map((x) => `[${x.label}]`).join(' ');
        case 'image':
          return `[image ${b.file}]`;
        case 'divider':
          return '---';
      }
    })
    .join('\n');
}
