/**
 * The scripted casting conversation, in Teams: roster upload, a channel search, a shared script
 * analyzed, shortlist and booking by card buttons; then, after a restart (a new adapter over the
 * same database), the reminder reaches the chat proactively and, in a 1:1 chat the bot opens, its
 * organizer; a chat the bot was removed from is recorded as gone instead of being retried (the
 * organizer is still reminded); a booking made in a personal chat is reminded there only.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { ChannelMemory } from '../../../src/memory/channel-memory.js';
import type { ProjectRecord } from '../../../src/memory/records.js';
import { createTestApp, ROSTER, SCRIPTS, type TestApp } from '../../helpers/app.js';
import { Outbox } from '../../../src/bot/outbox.js';
import { ConversationGoneError } from '../../../src/bot/turn-handler.js';
import { GONE_FIELD } from '../../../src/bot/adapters/teams/reference.js';
import { reminderHandler } from '../../../src/skills/book-audition/jobs/reminder-job.js';
import { digestHandler } from '../../../src/skills/book-audition/jobs/digest-job.js';
import { reminderKey } from '../../../src/casting/auditions/reminders.js';
import { startTeamsRig, nextId, PERSONAL, CHANNEL, TENANT, type Activity, type TeamsRig } from './harness.js';
import { button, buttons, cardOf, cardPosts, cardText, type SubmitButton, type Json } from './cards.js';
import { startFakeConnector, type FakeConnector, type PostedActivity } from '../../fakes/bot-connector.js';

// Monday 23 March 2026, 09:00 in London; "Thursday" is the 26th.
const NOW = new Date('2026-03-23T09:00:00Z');
const PERSONAL_KEY = `teams:${TENANT}:${PERSONAL}`;
/** Who books in the group chat (the channel-mention fixture's sender). */
const ORGANIZER = '29:1ben-okafor-scrubbed';
let app: TestApp;
let connector: FakeConnector;
let rig: TeamsRig;

beforeAll(async () => {
  app = await createTestApp({ EMBEDDING_MODEL: 'hashed-64', CASTMATCH_TIME_ZONE: 'Europe/London' }, { now: () => NOW });
  connector = await startFakeConnector();
  rig = await startTeamsRig(app, { now: () => NOW, connector });
});
afterAll(async () => {
  await rig?.close();
  await app?.dispose();
  await connector?.close();
});

/** A file shared in the personal chat, served by the fake connector as Teams' download URL. */
async function shareFile(filePath: string): Promise<Activity> {
  const name = path.basename(filePath);
  const url = rig.connector.file(name, new Uint8Array(await readFile(filePath)));
  const upload = await rig.fixture('personal-file', { id: nextId() });
  const [attachment] = upload.attachments as Json[];
  return { ...upload, attachments: [{ ...attachment, name, content: { ...(attachment!.content as Json), downloadUrl: url } }] };
}

/** Presses a card button as Teams delivers it: a message activity whose value is the button's data. */
async function press(b: SubmitButton): Promise<PostedActivity[]> {
  return rig.turn(await rig.fixture('card-submit', { id: nextId(), value: b.data }));
}

let booking: { id: string; talentName: string; role: string } | undefined;

const onlyCard = (posts: PostedActivity[]): Json => {
  const cards = cardPosts(posts);
  if (cards.length !== 1) throw new Error(`expected one card, got ${cards.length}: ${cards.map((c) => c.activity.summary).join(' | ')}`);
  return cardOf(cards[0]);
};

test('a roster shared in a personal chat is downloaded and imported for the whole tenant', async () => {
  const card = onlyCard(await rig.turn(await shareFile(ROSTER)));
  expect(cardText(card)).toMatch(/Roster imported.*400 new/);
  expect(rig.connector.downloads('sample-roster.csv')).toBe(1);
});

test("a search @mentioning the bot in a channel finds talent from the same tenant's roster", async () => {
  const mention = await rig.fixture('channel-mention', { id: nextId() });
  const posts = await rig.turn(mention);
  const card = onlyCard(posts);
  expect(cardPosts(posts)[0]!.conversationId).toBe(`${CHANNEL};messageid=1764000504530`);
  // The query reached the skill without the mention, and results came from the roster imported in the DM.
  // “tall” is relative to the roster, per gender; “deep voice” is matched against bios.
  expect(cardText(card)).toMatch(
    /^Looking for: tall \(women \d+\+ cm, non-binary \d+\+ cm, men \d+\+ cm\) \+ “deep voice” · \d+ of 400 on the roster qualify/,
  );
  expect(cardText(card)).toMatch(/\*\*1\. .+\*\* · plays \d+–\d+/);
  const more = buttons(card).filter((b) => b.title === 'More like this');
  expect(more).toHaveLength(5);
  expect(more[0]!.data).toMatchObject({ skill: 'search-talent', args: { query: expect.stringMatching(/^like /) } });
});

test('a shared script becomes a breakdown card with progress shown and updated in place, then shortlist and book by buttons', async () => {
  const posts = await rig.turn(await shareFile(path.join(SCRIPTS, 'brick_and_steel.fountain')));
  const progress = posts.filter((p) => !p.activity.attachments);
  expect(progress[0]).toMatchObject({ method: 'POST', activity: { text: 'Reading brick_and_steel.fountain…' } });
  const updates = progress.filter((p) => p.method === 'PUT');
  expect(updates.length).toBeGreaterThan(0);
  expect(updates.every((u) => u.id === progress[0]!.id)).toBe(true);
  expect(updates.at(-1)!.activity.text).toMatch(/^Found \d+ characters in 8 scenes…$/);

  const breakdown = onlyCard(posts);
  expect(cardText(breakdown)).toMatch(/Scenes: 8/);
  expect(cardText(breakdown)).toMatch(/STEEL/);
  const chart =
    posts.flatMap((p) => (p.activity.attachments as Json[] | undefined) ?? []).find((a) => a.contentType === 'image/png') ??
    JSON.stringify(breakdown).includes('data:image/png;base64,');
  expect(chart).toBeTruthy();
  const shortlistSteel = button(breakdown, 'Shortlist STEEL');
  expect(shortlistSteel.data).toEqual({ skill: 'propose-shortlist', args: { role: 'STEEL' } });

  const shortlist = onlyCard(await press(shortlistSteel));
  expect(cardText(shortlist)).toMatch(/STEEL/);
  // "Book" without a time asks when; the next message answers it.
  const first = /\*\*1\. (.+?)\*\*/.exec(cardText(shortlist))?.[1];
  expect(first).toBeDefined();
  const when = onlyCard(await press(button(shortlist, 'Book')));
  expect(cardText(when)).toContain(`When should ${first}'s audition for STEEL be?`);
  const step = onlyCard(await rig.turn(await rig.fixture('personal-message', { id: nextId(), text: 'Thursday 3pm' })));
  expect(cardText(step)).toMatch(/Book this audition\?/);
  expect(cardText(step)).toContain(first!);
  const done = await press(button(step, 'Confirm'));
  const confirmation = onlyCard(done);
  expect(cardText(confirmation)).toMatch(/Audition booked[\s\S]*STEEL/);
  const ics = done.flatMap((p) => (p.activity.attachments as Json[] | undefined) ?? []).find((a) => String(a.name).endsWith('.ics'));
  expect(String(ics?.contentUrl)).toMatch(/^data:text\/calendar;base64,/);

  const booked = await app.db.store.auditions.listBetween(`teams:${TENANT}`, new Date('2026-01-01'), new Date('2027-01-01'));
  expect(booked.find((x) => x.channel === PERSONAL_KEY)).toMatchObject({ role: 'STEEL', status: 'booked' });
});

const GROUP = '19:casting-group-chat-scrubbed@thread.v2';
const GROUP_KEY = `teams:${TENANT}:${GROUP}`;

/** A message @mentioning the bot in a group chat. */
async function inGroupChat(text: string, extra: Activity = {}): Promise<PostedActivity[]> {
  const base = await rig.fixture('channel-mention', { id: nextId() });
  return rig.turn({
    ...base,
    text: `<at>CastMatch</at> ${text}`,
    attachments: [],
    conversation: { isGroup: true, conversationType: 'groupChat', tenantId: TENANT, id: GROUP },
    channelData: { tenant: { id: TENANT } },
    ...extra,
  });
}

/** A script with the role MARIA, as the active project of a conversation. */
async function nightShiftIn(channelKey: string): Promise<void> {
  const project: ProjectRecord = {
    id: randomUUID(),
    tenant: `teams:${TENANT}`,
    channel: channelKey,
    title: 'Night Shift',
    sourceFile: 'night_shift.fountain',
    fileHash: randomUUID(),
    roles: [{ name: 'MARIA', details: { gender: 'female' } }],
    breakdown: {},
    createdAt: NOW,
  };
  await app.db.store.projects.save(project);
  await new ChannelMemory(channelKey, app.db.store.channels).setActiveProject(project.id);
}

test('a booking typed in a group chat is confirmed by button; after a restart its reminder reaches that chat and, directly, its organizer, once each', async () => {
  await nightShiftIn(GROUP_KEY);

  const proposal = onlyCard(await inGroupChat('book Meera Patil for MARIA Thursday 11am'));
  expect(cardText(proposal)).toMatch(/Book this audition\?[\s\S]*Meera Patil[\s\S]*Thu 26 Mar, 11:00–11:20 GMT/);
  const confirm = button(proposal, 'Confirm');
  expect(confirm.data.skill).toBe('confirm');
  const done = await inGroupChat('', { text: undefined, entities: [], value: confirm.data });
  expect(cardText(onlyCard(done))).toMatch(/Audition booked[\s\S]*Thu 26 Mar, 11:00–11:20 GMT[\s\S]*Meera Patil[\s\S]*MARIA/);
  expect(cardPosts(done)[0]!.activity.summary).toMatch(/^Booked Meera Patil for MARIA/);
  const [a] = (await app.db.store.auditions.listBetween(`teams:${TENANT}`, new Date('2026-01-01'), new Date('2027-01-01'))).filter(
    (x) => x.channel === GROUP_KEY,
  );
  expect(a).toBeDefined();
  booking = { id: a!.id, talentName: a!.talentName, role: a!.role };

  await rig.close();
  // The process restarts: a new adapter over the same database; Teams (the connector) is still there.
  rig = await startTeamsRig(app, { now: () => NOW, connector });
  const outbox = new Outbox(app.log);
  outbox.register(rig.adapter.poster);
  const before = rig.connector.posted.length;
  const run = reminderHandler({ scheduler: app.scheduler, store: app.db.store, outbox, log: app.log, config: app.config, now: () => NOW });
  const opened = rig.connector.created.length;
  await run({ key: reminderKey(booking.id, 1440), auditionId: booking.id });
  await run({ key: reminderKey(booking.id, 1440), auditionId: booking.id });
  const [post, direct, ...more] = rig.connector.posted.slice(before);
  expect(more).toEqual([]);
  expect(post).toMatchObject({ method: 'POST', conversationId: GROUP });
  expect(post!.activityId).toBeUndefined();
  expect(cardText(cardOf(post))).toContain('Reminder: Meera Patil auditions for MARIA in 3 days 2 hours');

  // The organizer (Ben, who typed and confirmed the booking) gets it in his 1:1 chat with the bot,
  // opened on the service URL of the group chat, in the same tenant.
  expect(await app.db.store.auditions.get(booking.id)).toMatchObject({ organizer: 'Ben Okafor', organizerId: ORGANIZER });
  const [chat] = rig.connector.created.slice(opened);
  expect(rig.connector.created.length).toBe(opened + 1);
  expect(chat!.params).toMatchObject({
    isGroup: false,
    members: [{ id: ORGANIZER }],
    tenantId: TENANT,
    bot: { id: '28:castmatch-app-id' },
    channelData: { tenant: { id: TENANT } },
  });
  expect(direct).toMatchObject({ method: 'POST', conversationId: chat!.id });
  expect(direct!.activityId).toBeUndefined();
  expect(cardText(cardOf(direct))).toContain('Reminder: Meera Patil auditions for MARIA in 3 days 2 hours');
  expect(cardText(cardOf(direct))).toContain('You booked this audition.');
});

test('a booking and a digest set up in a channel reply chain post in that reply chain, whatever was said elsewhere since', async () => {
  const CHANNEL_KEY = `teams:${TENANT}:${CHANNEL}`;
  await nightShiftIn(CHANNEL_KEY);
  const inThread = async (thread: string, text: string, extra: Activity = {}) => {
    const base = await rig.fixture('channel-mention', { id: nextId() });
    const conversation = { ...(base.conversation as Json), id: `${CHANNEL};messageid=${thread}` };
    return rig.turn({ ...base, text: `<at>CastMatch</at> ${text}`, conversation, ...extra });
  };

  const proposal = onlyCard(await inThread('1764000600001', 'book Meera Patil for MARIA Friday 2pm'));
  expect(cardText(proposal)).toMatch(/Book this audition\?/);
  const done = await inThread('1764000600001', '', { text: undefined, entities: [], value: button(proposal, 'Confirm').data });
  expect(cardText(onlyCard(done))).toMatch(/Audition booked/);
  const list = onlyCard(await inThread('1764000600001', 'auditions this week'));
  await inThread('1764000600001', '', { text: undefined, entities: [], value: button(list, 'Post a daily digest here').data });
  // Later, the same channel talks about something else in another reply chain.
  await inThread('1764000699999', 'auditions this week');

  const [a] = (await app.db.store.auditions.listBetween(`teams:${TENANT}`, new Date('2026-01-01'), new Date('2027-01-01'))).filter(
    (x) => x.channel === CHANNEL_KEY && x.role === 'MARIA',
  );
  expect(a?.address).toMatchObject({ platform: 'teams', channel: CHANNEL, thread: '1764000600001' });
  const outbox = new Outbox(app.log);
  outbox.register(rig.adapter.poster);
  const before = rig.connector.posted.length;
  await reminderHandler({ scheduler: app.scheduler, store: app.db.store, outbox, log: app.log, config: app.config, now: () => NOW })({
    key: reminderKey(a!.id, 60),
    auditionId: a!.id,
  });
  const posts = rig.connector.posted.slice(before).filter((p) => cardText(cardOf(p)).includes('Reminder:'));
  expect(posts[0]).toMatchObject({ conversationId: `${CHANNEL};messageid=1764000600001` });

  const digestAt = new Date(`${a!.startsAt.toISOString().slice(0, 10)}T07:00:30Z`);
  const sent = rig.connector.posted.length;
  await digestHandler({ scheduler: app.scheduler, store: app.db.store, outbox, log: app.log, config: app.config, now: () => digestAt })({
    key: `digest:${CHANNEL_KEY}:${digestAt.toISOString().slice(0, 10)}`,
    channel: CHANNEL_KEY,
  });
  const digests = rig.connector.posted.slice(sent).filter((p) => cardText(cardOf(p)).includes("Today's auditions"));
  expect(digests.map((p) => p.conversationId)).toEqual([`${CHANNEL};messageid=1764000600001`]);
});

test('a chat the bot was removed from answers 403 once: recorded, reported, and not retried', async () => {
  expect(booking).toBeDefined();
  rig.connector.remove(GROUP);
  const outbox = new Outbox(app.log);
  outbox.register(rig.adapter.poster);
  const run = reminderHandler({ scheduler: app.scheduler, store: app.db.store, outbox, log: app.log, config: app.config, now: () => NOW });
  const calls = rig.connector.requests.length;
  await run({ key: reminderKey(booking!.id, 60), auditionId: booking!.id });
  // The refused post into the group chat, then the organizer's 1:1 chat opened and posted into.
  expect(rig.connector.requests.slice(calls).map((r) => r.path.split('/activities')[0])).toEqual([
    `/v3/conversations/${encodeURIComponent(GROUP)}`,
    '/v3/conversations',
    `/v3/conversations/${encodeURIComponent(`a:1direct-${ORGANIZER}`)}`,
  ]);
  expect(rig.connector.posted.at(-1)).toMatchObject({ conversationId: `a:1direct-${ORGANIZER}` });
  expect(cardText(cardOf(rig.connector.posted.at(-1)))).toContain('Reminder: Meera Patil auditions for MARIA');
  expect(await app.db.store.channels.get(GROUP_KEY, GONE_FIELD)).toMatchObject({ status: 403 });

  const address = (await app.db.store.auditions.get(booking!.id))?.address;
  expect(address).toMatchObject({ platform: 'teams', channel: GROUP });
  await expect(rig.adapter.poster.post(address!, { text: 'again', blocks: [] })).rejects.toBeInstanceOf(ConversationGoneError);
  expect(rig.connector.requests.length).toBe(calls + 3);

  // Added back to the chat: the mark is cleared and posting works again.
  rig.connector.restore(GROUP);
  const install = await rig.fixture('install-personal', {
    id: `f:${nextId()}`,
    conversation: { isGroup: true, conversationType: 'groupChat', tenantId: TENANT, id: GROUP },
  });
  const welcome = await rig.turn(install);
  expect(cardText(onlyCard(welcome))).toMatch(/Mention me/);
  expect(await app.db.store.channels.get(GROUP_KEY, GONE_FIELD)).toBeUndefined();
  await rig.adapter.poster.post(address!, { text: 'back again', blocks: [] });
  expect(rig.connector.posted.at(-1)?.activity).toMatchObject({ text: 'back again' });
});

test('an organizer the bot cannot reach is logged and skipped; the chat is still reminded', async () => {
  rig.connector.refuseUser(ORGANIZER);
  const outbox = new Outbox(app.log);
  outbox.register(rig.adapter.poster);
  const run = reminderHandler({ scheduler: app.scheduler, store: app.db.store, outbox, log: app.log, config: app.config, now: () => NOW });
  const before = rig.connector.posted.length;
  const opened = rig.connector.created.length;
  await expect(run({ key: reminderKey(booking!.id, 30), auditionId: booking!.id })).resolves.toBeUndefined();
  await expect(run({ key: reminderKey(booking!.id, 30), auditionId: booking!.id })).resolves.toBeUndefined();
  expect(rig.connector.posted.slice(before).map((p) => p.conversationId)).toEqual([GROUP]);
  expect(rig.connector.created.length).toBe(opened);
  // Refused once, not asked again by the second run.
  expect(rig.connector.requests.filter((r) => r.path === '/v3/conversations' && r.method === 'POST').length).toBe(opened + 1);
});

test('a booking made in a personal chat is reminded in that chat only', async () => {
  const [a] = (await app.db.store.auditions.listBetween(`teams:${TENANT}`, new Date('2026-01-01'), new Date('2027-01-01'))).filter(
    (x) => x.channel === PERSONAL_KEY,
  );
  expect(a).toMatchObject({ organizer: 'Ana Ruiz', organizerId: '29:1ana-ruiz-scrubbed' });
  const outbox = new Outbox(app.log);
  outbox.register(rig.adapter.poster);
  const run = reminderHandler({ scheduler: app.scheduler, store: app.db.store, outbox, log: app.log, config: app.config, now: () => NOW });
  const before = rig.connector.posted.length;
  const opened = rig.connector.created.length;
  await run({ key: reminderKey(a!.id, 1440), auditionId: a!.id });
  const posts = rig.connector.posted.slice(before);
  expect(posts.map((p) => p.conversationId)).toEqual([PERSONAL]);
  expect(cardText(cardOf(posts[0]))).toMatch(/Reminder: .+ auditions for STEEL/);
  expect(rig.connector.created.length).toBe(opened);
});

test('in a personal chat, ordinary phrasings reach the right skill and every question the bot asks takes the next message', async () => {
  const say = async (text: string) => cardText(onlyCard(await rig.turn(await rig.fixture('personal-message', { id: nextId(), text }))));
  expect(await say('are you working?')).toMatch(/CastMatch status/);
  expect(await say('yes')).toMatch(/There's nothing waiting for a yes or no right now/);
  const lost = await say('asdfgh qwerty');
  expect(lost).toMatch(/I didn't catch that/);
  expect(lost).not.toMatch(/what I can do/);
  expect(await say("who'd be right for STEEL?")).toMatch(/Shortlist: STEEL/);
  // The personal chat's booking (Thursday 15:00) is the audition last discussed here.
  expect(await say('move it to Friday')).toMatch(/What time on Friday\?/);
  const move = await say('4pm');
  expect(move).toMatch(/Move this audition\?/);
  expect(move).toMatch(/Fri 27 Mar, 16:00/);
  expect(await say('no')).toMatch(/Cancelled: Move .* Nothing was changed/);
});

test('in a personal chat: a role corrected in words, a role the script says nothing about asked about, a misfit booking asked first', async () => {
  const say = async (text: string) => cardText(onlyCard(await rig.turn(await rig.fixture('personal-message', { id: nextId(), text }))));
  expect(await say('STEEL is a man, 55-65, boxes')).toContain('STEEL now asks for: male · 55–65 · boxing.');
  expect(await say('shortlist for STEEL')).toMatch(/Wants: male · ages 55–65/);
  expect(await say('shortlist for MINION')).toMatch(/The script says nothing about who MINION is/);
  expect(await say('a woman')).toMatch(/Shortlist: MINION[\s\S]*Wants: female/);
  const misfit = await say('book Grace Chen for STEEL Thursday 2pm');
  expect(misfit).toMatch(/Book this audition anyway\?/);
  expect(misfit).toContain('STEEL is male; Grace Chen is listed as female');
  expect(await say('no')).toMatch(/Cancelled: .*Nothing was changed/);
  expect(await say('undo')).toContain('Undone. STEEL is back to what the script says: male, 55–75.');
});
