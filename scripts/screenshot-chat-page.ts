/**
 * Redraws docs/chat-page.png, the README's picture of the chat page: the sample roster imported,
 * the sample screenplay uploaded through the page, its breakdown and scene chart on screen. Needs
 * Debian's chromium (`apt-get install chromium`). Run with `npx tsx scripts/screenshot-chat-page.ts`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launchChromium } from './chromium.js';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config/config.js';
import { createLogger } from '../src/log/logger.js';
import { createWebChat } from '../src/bot/adapters/web/index.js';
import { startHttpServer } from '../src/bot/http/server.js';
import { localFile } from '../src/bot/adapters/terminal/local-file.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const OUT = path.join(ROOT, 'docs/chat-page.png');

const dataDir = await mkdtemp(path.join(os.tmpdir(), 'castmatch-screenshot-'));
const app = await createApp({
  config: loadConfig({ CASTMATCH_DATA_DIR: dataDir, EMBEDDING_MODEL: 'hashed-256' }),
  log: createLogger('silent'),
});
try {
  // The roster goes in as `castmatch demo` puts it: the terminal's (and the page's) workspace.
  await app.engine.handle(
    {
      address: { platform: 'local', workspace: 'local', channel: 'casting' },
      user: { id: 'setup' },
      text: '',
      addressed: true,
      receivedAt: new Date(),
      files: [await localFile(path.join(ROOT, 'examples/talent/sample-roster.csv'))],
    },
    { send: async () => undefined, progress: async () => undefined },
  );
  const web = await createWebChat({ handler: app.turns, config: app.config, log: app.log });
  const server = await startHttpServer(web.routes, { port: 0, host: '127.0.0.1', log: app.log });
  const profile = await mkdtemp(path.join(os.tmpdir(), 'castmatch-chromium-'));
  const browser = await launchChromium(profile, { width: 1100, height: 1400 });
  const page = await browser.newPage();
  await page.goto(server.url('/#casting'));
  await page.setInputFiles('#file', path.join(ROOT, 'examples/scripts/brick_and_steel.fountain'));
  await page.locator('[data-done="true"]').last().waitFor({ timeout: 60_000 });
  await page
    .locator('.reply img')
    .last()
    .evaluate((img) => (img as unknown as { decode(): Promise<void> }).decode());
  await page.screenshot({ path: OUT });
  await browser.close();
  await server.close(1_000);
  await rm(profile, { recursive: true, force: true });
  process.stdout.write(`wrote ${path.relative(ROOT, OUT)}\n`);
} finally {
  await app.close();
  await rm(dataDir, { recursive: true, force: true });
}
