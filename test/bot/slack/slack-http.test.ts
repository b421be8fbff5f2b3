/**
 * Slack over HTTP through real Bolt: acknowledgement before work, mentions and DMs answered,
 * signatures and timestamps enforced, retries posting once, and 429 Retry-After honoured.
 */
import { createTestApp, type TestApp } from '../../helpers/app.js';
import type { IncomingMessage } from '../../../src/bot/message.js';
import type { ReplySink, TurnHandler } from '../../../src/bot/turn-handler.js';
import { FAKE_BOT_TOKEN } from '../../fakes/slack-api.js';
import { blocksText, eventId, startSlackRig, type Json, type SlackRig } from './harness.js';

let app: TestApp;
let rig: SlackRig;
/** Turns seen by the engine, so tests can tell that nothing ran. */
const handled: IncomingMessage[] = [];
/** While set, turns wait for it: a skill as slow as the test wants. */
let gate: Promise<void> | undefined;

beforeAll(async () => {
  app = await createTestApp({ EMBEDDING_MODEL: 'hashed-64' });
  const handler: TurnHandler = {
    handle: async (m: IncomingMessage, sink: ReplySink) => {
      handled.push(m);
      if (gate) await gate;
      await app.engine.handle(m, sink);
    },
  };
  rig = await startSlackRig(app, { handler });
});
afterAll(async () => {
  await rig?.close();
  await app?.dispose();
});

const posts = (channel: string) => rig.api.callsOf('chat.postMessage').filter((c) => c.args.channel === channel);

test('a slash command is acknowledged at once while the skill is still working, and the answer follows', async () => {
  let release!: () => void;
  gate = new Promise<void>((r) => {
    release = r;
  });
  const before = posts('C0CASTING1').length;
  const fields = { ...(await rig.fixture('slash-command')), text: 'help', response_url: rig.api.responseUrl() };
  const ack = await rig.command(fields);
  expect(ack.status).toBe(200);
  expect(ack.ms).toBeLessThan(3_000);
  // The skill is still held: nothing has been posted yet, but the turn has started.
  await new Promise((r) => setTimeout(r, 50));
  expect(handled.at(-1)?.command).toEqual({ name: '/cast', text: 'help' });
  expect(posts('C0CASTING1').length).toBe(before);
  release();
  gate = undefined;
  await rig.adapter.settled();
  const answer = posts('C0CASTING1').slice(before);
  expect(answer).toHaveLength(1);
  expect(answer[0]!.token).toBe(FAKE_BOT_TOKEN);
  expect(blocksText(answer[0]!.args.blocks)).toMatch(/\/cast search/);
  expect(String(answer[0]!.args.text).length).toBeGreaterThan(0);
});

test('an @mention in a channel is answered there, with the mention stripped from what the skill reads', async () => {
  const mention = { ...(await rig.fixture('app-mention')), event_id: eventId() };
  const before = posts('C0CASTING1').length;
  await rig.turn(() => rig.event(mention));
  expect(handled.at(-1)?.text).toBe('find a tall actor with a deep voice');
  expect(handled.at(-1)?.addressed).toBe(true);
  const answer = posts('C0CASTING1').slice(before);
  expect(answer).toHaveLength(1);
  // No roster in this workspace yet: the search says so, where it was asked.
  expect(blocksText(answer[0]!.args.blocks)).toMatch(/roster is empty/);
});

test('a direct message is answered in the DM', async () => {
  const dm = { ...(await rig.fixture('direct-message')), event_id: eventId() };
  await rig.turn(() => rig.event(dm));
  expect(posts('D0ANADM001').length).toBe(1);
  expect(blocksText(posts('D0ANADM001')[0]!.args.blocks)).toMatch(/\/cast/);
});

/**
 * Proof that a refused request ran nothing, without waiting a guessed time: a good request sent
 * after it is handled in order, so the refused one would have been seen before it.
 */
async function onlyTheNextRuns(count: number): Promise<void> {
  const good = await rig.fixture('slash-command');
  const text = `help after refusal ${count}`;
  await rig.turn(() => rig.command({ ...good, text }));
  expect(handled.slice(count).map((m) => m.command?.text)).toEqual([text]);
}

test('a forged signature gets 401 and runs nothing', async () => {
  const count = handled.length;
  const res = await rig.command(await rig.fixture('slash-command'), { secret: 'not-the-signing-secret' });
  expect(res.status).toBe(401);
  await onlyTheNextRuns(count);
});

test('a correctly signed request older than five minutes gets 401 and runs nothing', async () => {
  const count = handled.length;
  const res = await rig.command(await rig.fixture('slash-command'), { at: Math.floor(Date.now() / 1000) - 6 * 60 });
  expect(res.status).toBe(401);
  await onlyTheNextRuns(count);
});

test('an event Slack retries (X-Slack-Retry-Num) posts once', async () => {
  const mention = { ...(await rig.fixture('app-mention')), event_id: eventId() } as Json;
  (mention.event as Json).text = '<@U0CASTBOT> help';
  const before = posts('C0CASTING1').length;
  await rig.turn(() => rig.event(mention));
  const retry = await rig.turn(() => rig.event(mention, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }));
  expect(retry.status).toBe(200);
  await rig.turn(() => rig.event(mention, { 'x-slack-retry-num': '2', 'x-slack-retry-reason': 'http_timeout' }));
  expect(posts('C0CASTING1').length - before).toBe(1);
});

test('a 429 from Slack is waited out (Retry-After) and the message still posted', async () => {
  rig.api.rateLimitOnce('chat.postMessage', 1);
  const dm = { ...(await rig.fixture('direct-message')), event_id: eventId() };
  const started = Date.now();
  const delivered = () => posts('D0ANADM001').filter((c) => c.status === 200).length;
  const before = delivered();
  await rig.turn(() => rig.event(dm));
  const attempts = rig.api.callsOf('chat.postMessage').slice(-2);
  expect(attempts.map((c) => c.status)).toEqual([429, 200]);
  expect(attempts[1]!.args).toEqual(attempts[0]!.args);
  expect(Date.now() - started).toBeGreaterThanOrEqual(950);
  expect(delivered() - before).toBe(1);
});

test('a correctly signed request dated ten minutes ahead gets 401 and runs nothing', async () => {
  const count = handled.length;
  const res = await rig.command(await rig.fixture('slash-command'), { at: Math.floor(Date.now() / 1000) + 10 * 60 });
  expect(res.status).toBe(401);
  await onlyTheNextRuns(count);
});

test('the same signed slash command sent again (a replay) runs once', async () => {
  const count = handled.length;
  const fields = { ...(await rig.fixture('slash-command')), text: 'help replayed', trigger_id: '1764000999.replayed' };
  const at = Math.floor(Date.now() / 1000);
  await rig.turn(() => rig.command(fields, { at, asIs: true }));
  await rig.turn(() => rig.command(fields, { at: at + 30, asIs: true }));
  expect(handled.slice(count).map((m) => m.command?.text)).toEqual(['help replayed']);
});
