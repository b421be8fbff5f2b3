/** What the bot says to what it cannot place: one line and next steps that fit the channel, never the whole help. */
import path from 'node:path';
import { conversation, createTestApp, ROSTER, SCRIPTS, visibleText, type TestApp } from '../../helpers/app.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ EMBEDDING_MODEL: 'hashed-64' });
});
afterAll(() => app?.dispose());

test('"status" and "are you working?" answer with the bot’s health, as the help suggests', async () => {
  const chat = conversation(app, 'ops-questions');
  for (const q of ['status', 'are you working?']) {
    const {
      replies: [r],
    } = await chat.say(q);
    expect(visibleText(r!)).not.toContain('CastMatch: what I can do');
    expect(visibleText(r!)).toMatch(/database/i);
  }
});

test('"yes" with nothing pending says so in one line', async () => {
  const {
    replies: [r],
  } = await conversation(app, 'nothing-pending').say('yes');
  expect(r!.text).toBe("There's nothing waiting for a yes or no right now.");
});

test('gibberish gets one line and at most three steps that fit an empty channel', async () => {
  const {
    replies: [r],
  } = await conversation(app, 'fresh').say('asdkjh qwe zzz');
  const shown = visibleText(r!);
  expect(shown).toMatch(/^I didn't catch that\./);
  expect(shown).not.toContain('CastMatch: what I can do');
  expect(shown).toContain('Upload a roster');
  expect(shown).toContain('Upload a screenplay');
  expect(r!.blocks.find((b) => b.type === 'context')?.text.split('\n').length).toBeLessThanOrEqual(3);
});

test('with a roster, a script and a shortlist on screen, the steps move on to shortlists and booking', async () => {
  const chat = conversation(app, 'working');
  await chat.upload(ROSTER);
  await chat.upload(path.join(SCRIPTS, 'brick_and_steel.fountain'));
  await chat.say('shortlist for STEEL');
  const shown = visibleText((await chat.say('flibbertigibbet')).replies[0]!);
  expect(shown).not.toContain('Upload a roster');
  expect(shown).not.toContain('Upload a screenplay');
  expect(shown).toMatch(/shortlist for ROLE/);
  expect(shown).toMatch(/book the first one/);
});
