/**
 * The team corrects a role in chat; shortlists use it; it survives a restart of the bot and a
 * re-analysis of the script; undo takes it back. Ages asserted are read from the sample roster:
 * every STEEL candidate must overlap the range in force.
 */
import path from 'node:path';
import { createTestApp, conversation, visibleText, ROSTER, SCRIPTS, type TestApp } from '../../helpers/app.js';
import { tempDataDir } from '../../helpers/store.js';
import type { Reply } from '../../../src/bot/reply.js';

const SCRIPT = path.join(SCRIPTS, 'brick_and_steel.fountain');
const env = (dataDir: string) => ({ EMBEDDING_MODEL: 'hashed-64', CASTMATCH_DATA_DIR: dataDir, ROUTER_ENCODER: 'off' });
const shown = (r: Reply) => `${r.text}\n${visibleText(r)}`;
const only = (t: { replies: Reply[] }) => {
  expect(t.replies).toHaveLength(1);
  return t.replies[0]!;
};
/** Playing ranges of the people on a shortlist card ("plays 55–63"). */
const ranges = (r: Reply) => [...r.text.matchAll(/^\d+\. .*?plays (\d+)–(\d+)/gm)].map((m) => [Number(m[1]), Number(m[2])] as const);

let dataDir: string;
let app: TestApp | undefined;
beforeAll(async () => {
  dataDir = await tempDataDir();
});
afterAll(async () => {
  await app?.dispose();
});

async function start() {
  await app?.close();
  app = await createTestApp(env(dataDir));
  return conversation(app);
}

test('"STEEL is a man, 55–65, boxes" is set, used, kept through a restart and a re-analysis, and undone', async () => {
  let chat = await start();
  await chat.upload(ROSTER);
  await chat.upload(SCRIPT);
  // The script says STEEL is a retired cop: male, 55–75.
  const before = ranges(only(await chat.say('shortlist for STEEL')));
  expect(before.length).toBeGreaterThan(0);
  expect(before.every(([lo, hi]) => hi >= 55 && lo <= 75)).toBe(true);

  const set = only(await chat.say('STEEL is a man, 55–65, boxes'));
  expect(shown(set)).toContain('STEEL now asks for: male · 55–65 · boxing.');
  expect(shown(set)).toContain('The script says: male, 55–75.');
  const list = only(await chat.say('shortlist for STEEL'));
  expect(shown(list)).toMatch(/Wants: male · ages 55–65/);
  expect(ranges(list).length).toBeGreaterThan(0);
  expect(ranges(list).every(([lo, hi]) => hi >= 55 && lo <= 65)).toBe(true);

  // A restart of the bot on the same data keeps it.
  chat = await start();
  expect(shown(only(await chat.say('shortlist for STEEL')))).toMatch(/Wants: male · ages 55–65/);

  // The script analysed again (a revised draft has the same title): the breakdown shows the team's values.
  const again = (await chat.upload(SCRIPT)).replies.at(-1)!;
  expect(visibleText(again)).toMatch(/STEEL .*55–65 ✎/);
  expect(visibleText(again)).toMatch(
    /✎ Set by the team: STEEL: male · 55–65 · boxing \(ana, \d{4}-\d\d-\d\d; the script says male, 55–75\)/,
  );
  expect(shown(only(await chat.say('shortlist for STEEL')))).toMatch(/Wants: male · ages 55–65/);

  // The slash command adds to what is set; undo goes back one step, then to the script.
  expect(shown(only(await chat.say('/cast role STEEL skills: fencing')))).toContain('STEEL now asks for: male · 55–65 · fencing.');
  expect(shown(only(await chat.say('undo')))).toContain('Undone. STEEL asks for: male · 55–65 · boxing.');
  expect(shown(only(await chat.say('/cast role STEEL undo')))).toContain('Undone. STEEL is back to what the script says: male, 55–75.');
  expect(shown(only(await chat.say('shortlist for STEEL')))).toMatch(/Wants: male · ages 55–75/);
  expect(shown(only(await chat.say('undo the change to STEEL')))).toContain('Nothing has been set for STEEL');
}, 120_000);

test('corrections are refused clearly: no script, a role the script lacks, words that say nothing', async () => {
  const chat = conversation(app!, 'elsewhere');
  expect(only(await chat.say('STEEL is a man')).text).toMatch(/No script has been analyzed in this conversation yet/);
  const here = conversation(app!);
  const unknown = only(await here.say('HAMLET is a man in his 30s'));
  expect(unknown.isError).toBe(true);
  expect(unknown.text).toMatch(/has no role “HAMLET”\. Its roles: STEEL, BRICK/);
  const vague = only(await here.say('/cast role BRICK wonderful'));
  expect(vague.isError).toBe(true);
  expect(vague.text).toContain("I couldn't tell what BRICK should be from “wonderful”");
}, 60_000);
