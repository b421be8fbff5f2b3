/**
 * The chat page in a real browser (Debian's headless Chromium, driven by playwright-core): "help"
 * shows the help card; the sample screenplay uploaded through the page's picker comes back as a
 * breakdown table with the scene chart; a roster uploaded the same way is imported; the
 * breakdown's "Shortlist STEEL" button brings the shortlist; and a roster name that is markup is
 * shown as text, never turned into an element.
 */
import { existsSync } from 'node:fs';
import { rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { CHROMIUM, launchChromium } from '../../../scripts/chromium.js';
import { createWebChat } from '../../../src/bot/adapters/web/index.js';
import { startHttpServer, type HttpServer } from '../../../src/bot/http/server.js';
import { conversation, createTestApp, ROSTER, SCRIPTS, type TestApp } from '../../helpers/app.js';
import { tempDir } from '../../helpers/store.js';

const HOSTILE = '<img src=x onerror=alert(1)>';

/** One person whose name is markup, cast to fit STEEL (a man of 55–75 who boxes) so the shortlist shows them. */
const HOSTILE_ROSTER = [
  'id,name,gender,pronouns,playing_age_min,playing_age_max,skills,bio',
  `X00001,"${HOSTILE}",male,he/him,55,70,boxing; stage combat,"A retired cop, gruff and tired, who still boxes."`,
].join('\n');

let app: TestApp;
let server: HttpServer;
let browser: BrowserContext;
let page: Page;
let dir: string;
const dialogs: string[] = [];

if (!existsSync(CHROMIUM))
  test.skip("the chat page in headless Chromium [skipped: needs Debian's chromium (apt-get install chromium)]", () => undefined);
else
  describe('the chat page in headless Chromium', () => {
    beforeAll(async () => {
      dir = await tempDir();
      app = await createTestApp({ EMBEDDING_MODEL: 'hashed-256', ROUTER_ENCODER: 'off' });
      // The sample roster goes in through the app, into the workspace the page and `castmatch chat` share.
      await conversation(app, 'general', 'setup', 'local').upload(ROSTER);
      const web = await createWebChat({ handler: app.turns, config: app.config, log: app.log });
      server = await startHttpServer(web.routes, { port: 0, host: '127.0.0.1', log: app.log });
      browser = await launchChromium(path.join(dir, 'profile'));
      page = await browser.newPage();
      page.on('dialog', (d) => {
        dialogs.push(d.message());
        void d.dismiss();
      });
      await page.goto(server.url('/'));
    }, 120_000);

    afterAll(async () => {
      await browser?.close();
      await server?.close(1_000);
      await app?.dispose();
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    /** The turn that `act` starts in the open conversation, once its answer has finished streaming. */
    const turnOf = async (act: () => Promise<void>) => {
      const turns = page.locator('section:not([hidden]) article.turn');
      const turn = turns.nth(await turns.count());
      await act();
      await turn.and(page.locator('[data-done="true"]')).waitFor({ timeout: 60_000 });
      return turn;
    };

    const upload = (file: string) => turnOf(() => page.setInputFiles('#file', file));

    test('"help" shows the help heading', async () => {
      await page.fill('#text', 'help');
      const turn = await turnOf(() => page.press('#text', 'Enter'));
      await expect(turn.locator('h2').first().textContent()).resolves.toBe('CastMatch: what I can do');
    });

    test('a screenplay uploaded through the page comes back as a breakdown table with the scene chart', async () => {
      const turn = await upload(path.join(SCRIPTS, 'brick_and_steel.fountain'));
      await expect(turn.locator('.said').textContent()).resolves.toBe('⬆ brick_and_steel.fountain');
      await expect(turn.locator('td', { hasText: /^STEEL$/ }).count()).resolves.toBeGreaterThan(0);
      const chart = turn.locator('.reply img');
      await expect(chart.getAttribute('src')).resolves.toMatch(/^blob:/);
      // Drawn, not a broken image: it decodes to the chart's width.
      const width = chart.evaluate((img) => {
        const i = img as unknown as { decode(): Promise<void>; naturalWidth: number };
        return i.decode().then(() => i.naturalWidth);
      });
      await expect(width).resolves.toBeGreaterThan(100);
    });

    test('a roster uploaded through the page is imported', async () => {
      const roster = path.join(dir, 'hostile-roster.csv');
      await writeFile(roster, HOSTILE_ROSTER);
      const turn = await upload(roster);
      await expect(turn.locator('.reply').first().textContent()).resolves.toMatch(/1 new/);
    });

    test('"Shortlist STEEL" on the breakdown brings the shortlist, and a name that is markup is shown as text', async () => {
      const turn = await turnOf(() =>
        page
          .locator('button', { hasText: /^Shortlist STEEL$/ })
          .first()
          .click(),
      );
      await expect(turn.locator('.said').textContent()).resolves.toBe('Shortlist STEEL');
      await expect(turn.locator('.reply h2').first().textContent()).resolves.toMatch(/STEEL/);
      await expect(turn.textContent()).resolves.toContain(HOSTILE);
      await expect(page.locator('img[src="x"]').count()).resolves.toBe(0);
      // The only images on the page are the replies' own (blob:) charts.
      await expect(page.evaluate("[...document.images].filter((i) => !i.src.startsWith('blob:')).length")).resolves.toBe(0);
      expect(dialogs).toEqual([]);
    });
  });
