/**
 * The README's own flow in a conversation: a script uploaded, then "shortlist for STEEL" proposes
 * adult men for the retired cop, with the role's criteria above the list; what the user says about
 * a role counts; a role the script says nothing about is asked about instead of ranked blind; and
 * booking someone the role does not call for says so before anything is booked.
 */
import path from 'node:path';
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { ChannelMemory } from '../../../src/memory/channel-memory.js';
import { conversation, createTestApp, ROSTER, SCRIPTS, visibleText, type TestApp } from '../../helpers/app.js';

let app: TestApp;
let chat: ReturnType<typeof conversation>;
const people = new Map((parse(readFileSync(ROSTER), { columns: true, bom: true }) as Record<string, string>[]).map((r) => [r.id!, r]));

beforeAll(async () => {
  app = await createTestApp({ EMBEDDING_MODEL: 'hashed-256' });
  chat = conversation(app, 'readme-flow');
  await chat.upload(ROSTER);
  await chat.upload(path.join(SCRIPTS, 'brick_and_steel.fountain'));
});
afterAll(() => app?.dispose());

/** The people of the shortlist a message produced, as the roster lists them. */
const listed = async (text: string) => {
  await chat.say(text);
  const memory = new ChannelMemory('local:studio:readme-flow', app.db.store.channels);
  const shortlist = await app.db.store.shortlists.get((await memory.lastShortlistId())!);
  return shortlist!.entries.map((e) => people.get(e.talentId)!);
};

test('"shortlist for STEEL" proposes men whose playing range meets the retired cop’s, and says what it looked for', async () => {
  const {
    replies: [r],
  } = await chat.say('shortlist for STEEL');
  expect(visibleText(r!)).toContain('Wants: male · ages 55–75');
  const shown = await listed('shortlist for STEEL');
  expect(shown.length).toBeGreaterThanOrEqual(3);
  for (const p of shown) {
    expect(p.gender).toBe('male');
    expect(Number(p.playing_age_max)).toBeGreaterThanOrEqual(55);
  }
  expect(visibleText(r!)).not.toMatch(/door/i);
});

test('what the user says about a role wins over the script: "shortlist STEEL, a man in his 50s who boxes"', async () => {
  const {
    replies: [r],
  } = await chat.say('shortlist STEEL, a man in his 50s who boxes');
  expect(visibleText(r!)).toMatch(/Wants: male · ages 50–59/);
  for (const p of await listed('shortlist STEEL, a man in his 50s who boxes')) {
    expect(p.gender).toBe('male');
    expect(Number(p.playing_age_min)).toBeLessThanOrEqual(59);
    expect(Number(p.playing_age_max)).toBeGreaterThanOrEqual(50);
  }
});

test('a role the script says nothing about (MINION) gets a question with choices, and a choice gives the list', async () => {
  const {
    replies: [ask],
  } = await chat.say('shortlist for MINION');
  expect(visibleText(ask!)).toMatch(/says nothing about who MINION is/);
  expect(visibleText(ask!)).toContain('[A man] [A woman] [Anyone]');
  const {
    replies: [list],
  } = await chat.press('A woman', ask!);
  expect(visibleText(list!)).toMatch(/Shortlist: MINION[\s\S]*Wants: female/);
});

test('booking someone the role does not call for asks first and says why; someone who fits is proposed plainly', async () => {
  const {
    replies: [odd],
  } = await chat.say('book Meera Patil for STEEL Thursday 3pm');
  const shown = visibleText(odd!);
  expect(shown).toMatch(/^Book this audition anyway\?/);
  expect(shown).toContain('STEEL is male; Meera Patil is listed as female');
  expect(shown).toMatch(/STEEL is 55–75; Meera Patil plays \d+–\d+/);
  expect(shown).toContain('[Confirm] [Cancel]');
  const {
    replies: [fits],
  } = await chat.say('book Kwame Rossi for STEEL Thursday 4pm');
  expect(visibleText(fits!)).toMatch(/^Book this audition\?/);
  expect(visibleText(fits!)).not.toContain('Not what the role asks for');
});
