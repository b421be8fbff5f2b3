/**
 * The casting conversation in Slack, end to end through real Bolt and a fake Slack API: a roster
 * shared in the channel is imported, a mention searches it, a screenplay shared in the channel is
 * downloaded with the bot token and analyzed (progress updated in place, breakdown blocks, chart
 * uploaded with files.uploadV2), a "Shortlist ROLE" button runs the skill, "Book" opens the booking
 * modal, its submission proposes the booking and "Confirm" books it; its reminder reaches the
 * channel and, directly, the organizer (once each), and a booking made in a DM is reminded there only.
 */
import { jest } from '@jest/globals';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { createTestApp, ROSTER, SCRIPTS, type TestApp } from '../../helpers/app.js';
import { Outbox } from '../../../src/bot/outbox.js';
import { reminderHandler } from '../../../src/skills/book-audition/jobs/reminder-job.js';
import { digestHandler } from '../../../src/skills/book-audition/jobs/digest-job.js';
import { reminderKey } from '../../../src/casting/auditions/reminders.js';
import { FAKE_BOT_TOKEN, type SlackCall } from '../../fakes/slack-api.js';
import { blocksText, buttonsOf, eventId, startSlackRig, type Json, type SlackRig } from './harness.js';

// Monday 23 March 2026, 09:00 in London; "Thursday" is the 26th.
const NOW = new Date('2026-03-23T09:00:00Z');
const CHANNEL = 'C0CASTING1';
let app: TestApp;
let rig: SlackRig;

beforeAll(async () => {
  app = await createTestApp({ EMBEDDING_MODEL: 'hashed-64', CASTMATCH_TIME_ZONE: 'Europe/London' }, { now: () => NOW });
  rig = await startSlackRig(app, { now: () => NOW });
});
afterAll(async () => {
  await rig?.close();
  await app?.dispose();
});

let fileSeq = 0;
/** A file_share message event for a file the fake Slack holds; returns the event and the file id. */
async function shareFile(
  name: string,
  data: Uint8Array,
  opts: { mimetype?: string; size?: number; text?: string } = {},
): Promise<{ event: Json; fileId: string }> {
  const fileId = `F0SHARE${++fileSeq}`;
  const file = rig.api.addFile({
    id: fileId,
    name,
    data,
    mimetype: opts.mimetype ?? 'text/plain',
    ...(opts.size ? { size: opts.size } : {}),
  });
  const payload = await rig.fixture('file-share');
  const event = payload.event as Json;
  const [listed] = event.files as Json[];
  return {
    fileId,
    event: {
      ...payload,
      event_id: eventId(),
      event: { ...event, text: opts.text ?? '', ts: `1764000503.${fileSeq}`, files: [{ ...listed, ...file, file_access: 'visible' }] },
    },
  };
}

/** Calls made while `fn` ran. */
async function during(fn: () => Promise<unknown>): Promise<SlackCall[]> {
  const before = rig.api.calls.length;
  await fn();
  return rig.api.calls.slice(before);
}

const messagesIn = (calls: SlackCall[]) =>
  calls.filter((c) => c.method === 'chat.postMessage' && c.status === 200 && c.args.channel === CHANNEL);
/** Posted replies with blocks other than the progress line. */
const replies = (calls: SlackCall[]) => messagesIn(calls).filter((c) => !String(c.args.text).startsWith('⏳'));

async function press(label: string, blocks: unknown, channel = CHANNEL, thread?: string): Promise<SlackCall[]> {
  const button = buttonsOf(blocks).find((b) => b.label === label);
  if (!button)
    throw new Error(
      `no button "${label}" in: ${buttonsOf(blocks)
        .map((b) => b.label)
        .join(', ')}`,
    );
  const payload = await rig.fixture('block-actions');
  const [action] = payload.actions as Json[];
  payload.actions = [
    { ...action, action_id: button.actionId, block_id: button.blockId, value: button.value, text: { type: 'plain_text', text: label } },
  ];
  payload.response_url = rig.api.responseUrl();
  payload.channel = { id: channel, name: channel === CHANNEL ? 'casting' : 'directmessage' };
  payload.container = { ...(payload.container as Json), channel_id: channel, ...(thread ? { thread_ts: thread } : {}) };
  if (thread) payload.message = { ...(payload.message as Json), thread_ts: thread };
  return during(() => rig.turn(() => rig.interaction(payload)));
}

/** The reminder job as the scheduler runs it, posting through an outbox with this Slack adapter. */
function reminderRun() {
  const outbox = new Outbox(app.log);
  outbox.register(rig.adapter.poster);
  return reminderHandler({ scheduler: app.scheduler, store: app.db.store, outbox, log: app.log, config: app.config, now: () => NOW });
}

test('a roster CSV shared in the channel is downloaded with the bot token and imported', async () => {
  const { event, fileId } = await shareFile('sample-roster.csv', new Uint8Array(await readFile(ROSTER)), { mimetype: 'text/csv' });
  const calls = await during(() => rig.turn(() => rig.event(event)));
  expect(rig.api.downloads(fileId).map((d) => d.authorization)).toEqual([`Bearer ${FAKE_BOT_TOKEN}`]);
  const [answer] = replies(calls);
  expect(blocksText(answer!.args.blocks)).toMatch(/Roster imported.*400 new/);
});

test('a search @mentioning the bot finds talent from the roster imported in this workspace', async () => {
  const mention = { ...(await rig.fixture('app-mention')), event_id: eventId() };
  const [answer] = replies(await during(() => rig.turn(() => rig.event(mention))));
  // “tall” is relative to the roster, per gender; “deep voice” is matched against bios.
  expect(blocksText(answer!.args.blocks)).toMatch(
    /Looking for: tall \(women \d+\+ cm, non-binary \d+\+ cm, men \d+\+ cm\) \+ “deep voice” · \d+ of 400 on the roster qualify/,
  );
  expect(buttonsOf(answer!.args.blocks).filter((b) => b.label === 'More like this')).toHaveLength(5);
});

let breakdownBlocks: unknown;

test('a screenplay shared in the channel yields progress updated in place, the breakdown and its chart', async () => {
  const { event, fileId } = await shareFile(
    'silent_as_murderers.fountain',
    new Uint8Array(await readFile(path.join(SCRIPTS, 'silent_as_murderers.fountain'))),
  );
  const calls = await during(() => rig.turn(() => rig.event(event)));
  expect(rig.api.downloads(fileId)).toHaveLength(1);
  expect(rig.api.downloads(fileId)[0]!.authorization).toBe(`Bearer ${FAKE_BOT_TOKEN}`);

  const progress = messagesIn(calls).filter((c) => String(c.args.text).startsWith('⏳'));
  expect(progress).toHaveLength(1);
  expect(progress[0]!.args.text).toBe('⏳ Reading silent_as_murderers.fountain…');
  const updates = calls.filter((c) => c.method === 'chat.update');
  expect(updates.length).toBeGreaterThan(0);
  // Every update edits the one progress message, in this channel.
  const progressTs = progress[0]!.response?.ts;
  expect(typeof progressTs).toBe('string');
  expect(updates.every((u) => u.args.channel === CHANNEL && u.args.ts === progressTs)).toBe(true);
  expect(String(updates.at(-1)!.args.text)).toMatch(/^⏳ Found \d+ characters in \d+ scenes…$/);

  const [breakdown] = replies(calls);
  breakdownBlocks = breakdown!.args.blocks;
  expect(blocksText(breakdownBlocks)).toMatch(/\*Scenes\*\n\d+/);
  expect(buttonsOf(breakdownBlocks).some((b) => /^Shortlist /.test(b.label))).toBe(true);
  expect((breakdownBlocks as Json[]).length).toBeLessThanOrEqual(50);

  const complete = calls.filter((c) => c.method === 'files.completeUploadExternal');
  expect(complete).toHaveLength(1);
  expect(complete[0]!.args.channel_id).toBe(CHANNEL);
  const png = [...rig.api.uploads.entries()].find(([name]) => name.endsWith('.png'));
  expect(png).toBeDefined();
  expect([...png![1].subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
});

test('a "Shortlist ROLE" button runs the shortlist; "Book" opens the modal; its submission proposes, Confirm books', async () => {
  const shortlistButton = buttonsOf(breakdownBlocks).find((b) => /^Shortlist /.test(b.label))!;
  const role = shortlistButton.label.replace(/^Shortlist /, '');
  const [shortlist] = replies(await press(shortlistButton.label, breakdownBlocks));
  expect(blocksText(shortlist!.args.blocks)).toContain(role);

  const opened = (await press('Book', shortlist!.args.blocks)).filter((c) => c.method === 'views.open');
  expect(opened).toHaveLength(1);
  const view = opened[0]!.args.view as Json;
  expect(view).toMatchObject({ type: 'modal', callback_id: 'cast_book' });
  expect(opened[0]!.args.trigger_id).toBe('1764000611.0000000002.scrubbed');

  const submission = await rig.fixture('view-submission');
  (submission.view as Json).private_metadata = view.private_metadata;
  const calls = await during(() => rig.turn(() => rig.interaction(submission)));
  const [proposal] = replies(calls);
  expect(blocksText(proposal!.args.blocks)).toMatch(/Book this audition\?[\s\S]*Thu 26 Mar, 15:00–15:45/);
  expect(blocksText(proposal!.args.blocks)).toContain(role);

  const done = await press('Confirm', proposal!.args.blocks);
  expect(blocksText(replies(done)[0]!.args.blocks)).toMatch(/Audition booked/);
  expect(done.filter((c) => c.method === 'files.completeUploadExternal')).toHaveLength(1);
  expect([...rig.api.uploads.keys()].some((n) => n.endsWith('.ics'))).toBe(true);
  const booked = await app.db.store.auditions.listBetween('slack:T0CASTING', new Date('2026-01-01'), new Date('2027-01-01'));
  expect(booked).toEqual([expect.objectContaining({ role, status: 'booked' })]);
});

test('its reminder is posted in the channel and sent to the organizer directly, once each when the job runs twice', async () => {
  const [a] = await app.db.store.auditions.listBetween('slack:T0CASTING', new Date('2026-01-01'), new Date('2027-01-01'));
  // The organizer is who pressed Confirm: the name shown, and the Slack user id to reach them.
  expect(a).toMatchObject({ organizer: 'ana', organizerId: 'U0ANA00001', channel: `slack:T0CASTING:${CHANNEL}` });
  const run = reminderRun();
  const data = { key: reminderKey(a!.id, 1440), auditionId: a!.id };
  const posts = (
    await during(async () => {
      await run(data);
      await run(data);
    })
  ).filter((c) => c.method === 'chat.postMessage');
  expect(posts.map((c) => c.args.channel)).toEqual([CHANNEL, 'U0ANA00001']);
  expect(String(posts[0]!.args.text)).toMatch(/^Reminder: .+ auditions for .+ in 3 days 6 hours — Thu 26 Mar, 15:00–15:45/);
  expect(posts[1]).toMatchObject({ status: 200, token: FAKE_BOT_TOKEN, args: { text: posts[0]!.args.text } });
  expect(posts[1]!.args.thread_ts).toBeUndefined();
  expect(blocksText(posts[1]!.args.blocks)).toContain('You booked this audition.');
  expect(blocksText(posts[0]!.args.blocks)).not.toContain('You booked this audition.');
});

test("a booking made in the organizer's DM with the bot is reminded in that DM only", async () => {
  const DM = 'D0ANADM001';
  const dm = await rig.fixture('direct-message');
  const typed = {
    ...dm,
    event_id: eventId(),
    event: {
      ...(dm.event as Json),
      text: 'book Meera Patil for MARIA Thursday 11am',
      ts: '1764000700.000100',
      event_ts: '1764000700.000100',
    },
  };
  const asked = (await during(() => rig.turn(() => rig.event(typed)))).filter(
    (c) => c.method === 'chat.postMessage' && c.args.channel === DM,
  );
  expect(blocksText(asked.at(-1)!.args.blocks)).toMatch(/Book this audition\?[\s\S]*Meera Patil/);
  const done = (await press('Confirm', asked.at(-1)!.args.blocks, DM)).filter(
    (c) => c.method === 'chat.postMessage' && c.args.channel === DM,
  );
  expect(blocksText(done[0]!.args.blocks)).toMatch(/Audition booked/);
  const [a] = (await app.db.store.auditions.listBetween('slack:T0CASTING', new Date('2026-01-01'), new Date('2027-01-01'))).filter(
    (x) => x.channel === `slack:T0CASTING:${DM}`,
  );
  expect(a).toMatchObject({ talentName: 'Meera Patil', organizerId: 'U0ANA00001' });

  const posts = (await during(() => reminderRun()({ key: reminderKey(a!.id, 60), auditionId: a!.id }))).filter(
    (c) => c.method === 'chat.postMessage',
  );
  expect(posts.map((c) => c.args.channel)).toEqual([DM]);
  expect(String(posts[0]!.args.text)).toMatch(/^Reminder: Meera Patil auditions for MARIA/);
});

test('in the DM, the bot’s questions take the next message as their answer, and "cancel it" offers "Cancel audition" / "Keep it"', async () => {
  const DM = 'D0ANADM001';
  const dm = await rig.fixture('direct-message');
  let ts = 1764000750;
  const say = async (text: string) => {
    ts += 1;
    const event = { ...(dm.event as Json), text, ts: `${ts}.000100`, event_ts: `${ts}.000100` };
    const calls = await during(() => rig.turn(() => rig.event({ ...dm, event_id: eventId(), event })));
    return calls.filter((c) => c.method === 'chat.postMessage' && c.args.channel === DM).at(-1)!;
  };
  const asked = await say('book Meera Patil for MARIA');
  expect(blocksText(asked.args.blocks)).toContain("When should Meera Patil's audition for MARIA be?");
  const proposal = await say('Friday 10am');
  expect(blocksText(proposal.args.blocks)).toMatch(/Book this audition\?[\s\S]*Meera Patil[\s\S]*Fri 27 Mar, 10:00/);
  const declined = (await press('Cancel', proposal.args.blocks as Json[], DM)).filter((c) => c.method === 'chat.postMessage');
  expect(String(declined[0]!.args.text)).toMatch(/^Cancelled: .*Nothing was changed/);

  // "it" is the audition booked in this DM (Thursday 11am), the last one discussed here.
  const cancel = await say('cancel it');
  expect(blocksText(cancel.args.blocks)).toMatch(/Cancel this audition\?[\s\S]*Meera Patil[\s\S]*Thu 26 Mar, 11:00/);
  expect(buttonsOf(cancel.args.blocks as Json[]).map((b) => b.label)).toEqual(['Cancel audition', 'Keep it']);
  const kept = (await press('Keep it', cancel.args.blocks as Json[], DM)).filter((c) => c.method === 'chat.postMessage');
  expect(String(kept[0]!.args.text)).toMatch(/^Kept: Meera Patil's audition for MARIA/);
  const still = await app.db.store.auditions.listBetween('slack:T0CASTING', new Date('2026-01-01'), new Date('2027-01-01'));
  expect(still.filter((a) => a.talentName === 'Meera Patil' && a.status === 'booked')).toHaveLength(1);
});

test('a booking and a digest set up in a thread are reminded and posted in that thread, whatever was said in the channel since', async () => {
  const THREAD = '1764000800.000100';
  const mention = await rig.fixture('app-mention');
  const inThread = (text: string) => ({
    ...mention,
    event_id: eventId(),
    event: { ...(mention.event as Json), text: `<@U0CASTBOT> ${text}`, ts: `1764000801.${eventId().slice(-6)}`, thread_ts: THREAD },
  });
  const asked = replies(await during(() => rig.turn(() => rig.event(inThread('book Meera Patil for INA Friday 11am')))));
  expect(asked.at(-1)!.args.thread_ts).toBe(THREAD);
  expect(blocksText(asked.at(-1)!.args.blocks)).toMatch(/Book this audition\?[\s\S]*Meera Patil/);
  const done = replies(await press('Confirm', asked.at(-1)!.args.blocks, CHANNEL, THREAD));
  expect(blocksText(done[0]!.args.blocks)).toMatch(/Audition booked/);
  const list = replies(await during(() => rig.turn(() => rig.event(inThread('auditions this week')))));
  replies(await press('Post a daily digest here', list.at(-1)!.args.blocks, CHANNEL, THREAD));
  // The channel moves on: a top-level mention, outside the thread.
  const top = await rig.fixture('app-mention');
  await rig.turn(() => rig.event({ ...top, event_id: eventId() }));

  const [a] = (await app.db.store.auditions.listBetween('slack:T0CASTING', new Date('2026-03-27'), new Date('2026-03-28'))).filter(
    (x) => x.talentName === 'Meera Patil',
  );
  expect(a?.address).toMatchObject({ platform: 'slack', channel: CHANNEL, thread: THREAD });
  const reminder = (await during(() => reminderRun()({ key: reminderKey(a!.id, 60), auditionId: a!.id }))).filter(
    (c) => c.method === 'chat.postMessage' && c.args.channel === CHANNEL,
  );
  expect(reminder.map((c) => c.args.thread_ts)).toEqual([THREAD]);

  const outbox = new Outbox(app.log);
  outbox.register(rig.adapter.poster);
  const digest = digestHandler({
    scheduler: app.scheduler,
    store: app.db.store,
    outbox,
    log: app.log,
    config: app.config,
    now: () => new Date('2026-03-27T08:00:30Z'),
  });
  const posted = (
    await during(() => digest({ key: `digest:slack:T0CASTING:${CHANNEL}:2026-03-27`, channel: `slack:T0CASTING:${CHANNEL}` }))
  ).filter((c) => c.method === 'chat.postMessage');
  expect(posted.map((c) => [c.args.channel, c.args.thread_ts])).toEqual([[CHANNEL, THREAD]]);
  expect(String(posted[0]!.args.text)).toMatch(/^Today's auditions \(Friday 27 March\)/);
});

test('an event is claimed once, by its id, however many times Slack delivers it', async () => {
  const mention = { ...(await rig.fixture('app-mention')), event_id: eventId() } as Json;
  (mention.event as Json).text = '<@U0CASTBOT> help';
  const claim = jest.spyOn(app.db.store.once, 'claim');
  try {
    await rig.turn(() => rig.event(mention));
    await rig.turn(() => rig.event(mention, { 'x-slack-retry-num': '1', 'x-slack-retry-reason': 'http_timeout' }));
    // One claim per delivery, by the listener; the engine does not claim the same event again.
    const keys = claim.mock.calls.map(([key]) => key).filter((k) => k.includes(String(mention.event_id)));
    expect(keys).toEqual([`slack:event:${String(mention.event_id)}`, `slack:event:${String(mention.event_id)}`]);
  } finally {
    claim.mockRestore();
  }
});

test('a modal submitted with an impossible length is sent back with the error shown on that field', async () => {
  const submission = await rig.fixture('view-submission');
  (submission.view as Json).private_metadata = JSON.stringify({
    team: 'T0CASTING',
    channel: CHANNEL,
    person: 'T1',
    role: 'X',
    label: 'Book',
  });
  ((submission.view as Json).state as { values: Record<string, Record<string, Json>> }).values.minutes!.value = {
    type: 'number_input',
    value: '2',
  };
  const calls = await during(async () => {
    const res = await rig.interaction(submission);
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toEqual({
      response_action: 'errors',
      errors: { minutes: 'Enter a whole number of minutes between 5 and 480.' },
    });
    await rig.adapter.settled();
  });
  expect(replies(calls)).toHaveLength(0);
});

test('a screenplay over the size limit is refused with a clear message and never downloaded', async () => {
  const { event, fileId } = await shareFile('epic.fountain', new Uint8Array(64), { size: rig.config.SCRIPT_MAX_BYTES + 1 });
  const [answer] = replies(await during(() => rig.turn(() => rig.event(event))));
  expect(String(answer!.args.text)).toMatch(/^epic\.fountain is 20\.0 MB; screenplays can be up to 20\.0 MB, so I did not download it/);
  expect(rig.api.downloads(fileId)).toHaveLength(0);
});

test('a file of another type is left alone in a channel, and explained when the bot is asked', async () => {
  const quiet = await shareFile('headshot.docx', new Uint8Array(16), {
    mimetype: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  });
  expect(replies(await during(() => rig.turn(() => rig.event(quiet.event))))).toHaveLength(0);
  const asked = await shareFile('notes.docx', new Uint8Array(16), {
    mimetype: 'application/msword',
    text: '<@U0CASTBOT> can you read this?',
  });
  const [answer] = replies(await during(() => rig.turn(() => rig.event(asked.event))));
  expect(String(answer!.args.text)).toMatch(/notes\.docx is not something I can read: share a screenplay/);
  expect(rig.api.downloads(quiet.fileId)).toHaveLength(0);
  expect(rig.api.downloads(asked.fileId)).toHaveLength(0);
});

test('one upload announced twice (message with files, then file_shared) is analyzed once', async () => {
  const { event, fileId } = await shareFile(
    'brick_and_steel.fountain',
    new Uint8Array(await readFile(path.join(SCRIPTS, 'brick_and_steel.fountain'))),
  );
  const shared = await rig.fixture('file-shared');
  const e = shared.event as Json;
  const calls = await during(async () => {
    await rig.turn(() => rig.event(event));
    await rig.turn(() => rig.event({ ...shared, event_id: eventId(), event: { ...e, file_id: fileId, file: { id: fileId } } }));
  });
  expect(rig.api.downloads(fileId)).toHaveLength(1);
  expect(replies(calls)).toHaveLength(1);
});

test('in the channel: a role corrected by slash command, a role the script says nothing about asked about, a misfit booking asked first', async () => {
  const { event } = await shareFile(
    'brick_and_steel.fountain',
    new Uint8Array(await readFile(path.join(SCRIPTS, 'brick_and_steel.fountain'))),
  );
  await during(() => rig.turn(() => rig.event(event)));
  const slash = async (text: string) => {
    const fields = { ...(await rig.fixture('slash-command')), text, response_url: rig.api.responseUrl() };
    return replies(await during(() => rig.turn(() => rig.command(fields)))).at(-1)!;
  };

  const corrected = await slash('role STEEL male 55-65 skills: boxing');
  expect(blocksText(corrected.args.blocks)).toContain('STEEL now asks for: male · 55–65 · boxing.');
  expect(blocksText((await slash('shortlist STEEL')).args.blocks)).toMatch(/Wants: male · ages 55–65/);

  // MINION says nothing about who they are: the bot asks, and a button answers.
  const asked = await slash('shortlist MINION');
  expect(blocksText(asked.args.blocks)).toMatch(/The script says nothing about who MINION is/);
  const answered = replies(await press('A woman', asked.args.blocks)).at(-1)!;
  expect(blocksText(answered.args.blocks)).toMatch(/Shortlist: MINION[\s\S]*Wants: female/);

  // Grace Chen (the roster's female 71–75) for STEEL, now a man of 55–65: asked first, with why.
  const misfit = await slash('book Grace Chen for STEEL Thursday 2pm');
  expect(blocksText(misfit.args.blocks)).toMatch(/Book this audition anyway\?/);
  expect(blocksText(misfit.args.blocks)).toContain('STEEL is male; Grace Chen is listed as female');
  expect(blocksText(misfit.args.blocks)).toContain('STEEL is 55–65; Grace Chen plays 71–75');
  expect(buttonsOf(misfit.args.blocks).map((b) => b.label)).toEqual(['Confirm', 'Cancel']);
});
