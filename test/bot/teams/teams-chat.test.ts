/**
 * Teams end to end in emulator mode (no app id): real activities POSTed to the bot's HTTP server,
 * replies read from the fake Bot Framework connector as the Adaptive Cards a user would see.
 */
import { createTestApp, type TestApp } from '../../helpers/app.js';
import type { TurnHandler } from '../../../src/bot/turn-handler.js';
import { REFERENCE_FIELD } from '../../../src/bot/adapters/teams/reference.js';
import { startTeamsRig, nextId, PERSONAL, CHANNEL, TENANT, type TeamsRig } from './harness.js';
import { button, cardOf, cardPosts, cardText } from './cards.js';

let app: TestApp;
let rig: TeamsRig;

beforeAll(async () => {
  app = await createTestApp({ EMBEDDING_MODEL: 'hashed-64' });
  rig = await startTeamsRig(app);
});
afterAll(async () => {
  await rig?.close();
  await app?.dispose();
});

test('installing the app greets once with a card, and remembers where to post', async () => {
  const install = await rig.fixture('install-personal');
  const posts = await rig.turn(install);
  expect(posts).toHaveLength(1);
  expect(posts[0]!.conversationId).toBe(PERSONAL);
  expect(posts[0]!.activityId).toBeUndefined(); // a new message, not a reply to the install event
  const card = cardOf(posts[0]);
  expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
  expect(cardText(card)).toMatch(/Hi, I am CastMatch[\s\S]*share a screenplay/);
  expect(button(card, 'Show what I can do').data).toEqual({ skill: 'help', args: {} });
  expect(posts[0]!.activity.summary).toMatch(/CastMatch is here/);

  // Teams re-delivers the same install event: no second greeting.
  expect(await rig.turn(install)).toHaveLength(0);
  const ref = await app.db.store.channels.get<{ serviceUrl: string; conversation: { id: string } }>(
    `teams:${TENANT}:${PERSONAL}`,
    REFERENCE_FIELD,
  );
  expect(ref).toMatchObject({ serviceUrl: rig.connector.serviceUrl, conversation: { id: PERSONAL } });
});

test('"help" in a personal chat answers with a card of every skill, as a reply to the message', async () => {
  const message = await rig.fixture('personal-message', { id: nextId() });
  const posts = cardPosts(await rig.turn(message));
  expect(posts).toHaveLength(1);
  expect(posts[0]!.activityId).toBe(message.id);
  const text = cardText(cardOf(posts[0]));
  expect(text).toMatch(/CastMatch: what I can do/);
  for (const skill of ['search-talent', 'analyze-script', 'propose-shortlist', 'book-audition']) expect(text).toContain(skill);
  expect(posts[0]!.activity.summary).toMatch(/search talent, analyze scripts/);
});

test('the same activity delivered twice (Teams re-sends after 15 s) is answered once', async () => {
  const message = await rig.fixture('personal-message', { id: nextId(), text: '/cast help' });
  const first = rig.post(message);
  const second = rig.post(message);
  expect((await first).status).toBe(200);
  expect((await second).status).toBe(200);
  await rig.adapter.settled();
  expect(rig.connector.posted.filter((p) => p.activityId === message.id)).toHaveLength(1);
});

test('a card button press (Action.Submit data) runs the action it carries', async () => {
  const press = await rig.fixture('card-submit', { id: nextId() });
  const posts = cardPosts(await rig.turn(press));
  expect(posts).toHaveLength(1);
  expect(cardText(cardOf(posts[0]))).toMatch(/CastMatch: what I can do/);
});

test('a submit whose data is not a CastMatch action is not mistaken for one', async () => {
  const press = await rig.fixture('card-submit', { id: nextId(), value: { foo: 'bar' }, text: undefined });
  const posts = await rig.turn(press);
  // No action and no text: nothing to answer, and certainly no crash or 5xx.
  expect(
    cardPosts(posts)
      .map((p) => cardText(cardOf(p)))
      .join('\n'),
  ).not.toMatch(/went wrong/);
});

test('the request is acknowledged before the turn runs, so a slow skill never makes Teams re-send', async () => {
  let release!: () => void;
  const gate = new Promise<void>((r) => {
    release = r;
  });
  let seen: { text: string; channel: string } | undefined;
  const slow: TurnHandler = {
    handle: async (m, sink) => {
      seen = { text: m.text, channel: m.address.channel };
      await gate;
      await sink.send({ text: 'done', blocks: [{ type: 'section', text: 'done' }] });
    },
  };
  const slowRig = await startTeamsRig(app, { handler: slow, connector: rig.connector });
  try {
    const before = rig.connector.posted.length;
    const res = await slowRig.post(await slowRig.fixture('personal-message', { id: nextId() }));
    expect(res.status).toBe(200);
    expect(rig.connector.posted.length).toBe(before);
    release();
    await slowRig.adapter.settled();
    expect(seen).toEqual({ text: 'help', channel: PERSONAL });
    expect(cardText(cardOf(rig.connector.posted.at(-1)))).toBe('done');
  } finally {
    release();
    await slowRig.close();
  }
});

test('an @mention in a channel is stripped before routing, and the reply lands in the thread', async () => {
  const mention = await rig.fixture('channel-mention', { id: nextId(), text: '<at>CastMatch</at> help' });
  const posts = cardPosts(await rig.turn(mention));
  expect(posts).toHaveLength(1);
  expect(posts[0]!.conversationId).toBe(`${CHANNEL};messageid=1764000504530`);
  expect(cardText(cardOf(posts[0]))).toMatch(/CastMatch: what I can do/);
  // Memory is per channel (all its threads), kept apart from the personal chat.
  const ref = await app.db.store.channels.get(`teams:${TENANT}:${CHANNEL}`, REFERENCE_FIELD);
  expect(ref).toMatchObject({ conversation: { id: CHANNEL, conversationType: 'channel' } });
});

test('bad requests get a clear status and run nothing', async () => {
  const before = rig.connector.posted.length;
  const notJson = await fetch(rig.server.url('/api/messages'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"type":',
  });
  expect(notJson.status).toBe(400);
  const huge = await fetch(rig.server.url('/api/messages'), {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'message', text: 'x'.repeat(1_100_000) }),
  });
  expect(huge.status).toBe(413);
  expect((await rig.post({ text: 'help' })).status).toBe(400);
  await rig.adapter.settled();
  expect(rig.connector.posted.length).toBe(before);
});

test('readiness in emulator mode says so', async () => {
  expect(await rig.adapter.check?.()).toEqual({ ok: true, detail: 'emulator mode (no MICROSOFT_APP_ID)' });
});
