/** Booking one person through the conversation: propose, confirm, and the answers to bad input. */
import { bookingApp, fixedClock, act, only, shown, icsOf, TENANT, CHANNEL } from './helpers.js';
import type { TestApp } from '../../helpers/app.js';
import type { conversation } from '../../helpers/app.js';

// Monday 23 March 2026, 09:00 in London (GMT); "Thursday" is the 26th.
const clock = fixedClock('2026-03-23T09:00:00Z');
let app: TestApp;
let chat: ReturnType<typeof conversation>;

beforeAll(async () => {
  ({ app, chat } = await bookingApp({}, { now: () => clock.now }));
});
afterAll(async () => {
  await app?.dispose();
});

const booked = () => app.db.store.auditions.listBetween(TENANT, new Date('2026-01-01'), new Date('2027-01-01'));

test('"book Meera Patil for MARIA Thursday 3pm" proposes first, books only on Confirm, attaches the .ics and sets reminders', async () => {
  const proposal = only(await chat.say('book Meera Patil for MARIA Thursday 3pm'));
  expect(shown({ replies: [proposal] })).toMatch(
    /Book this audition\?[\s\S]*Meera Patil[\s\S]*MARIA — Brick and Steel[\s\S]*Thu 26 Mar, 15:00–15:20 GMT[\s\S]*\[Confirm\] \[Cancel\]/,
  );
  expect(await booked()).toHaveLength(0);

  const done = only(await chat.press('Confirm', proposal));
  expect(done.isError).toBeFalsy();
  expect(done.text).toBe('Booked Meera Patil for MARIA, Thu 26 Mar, 15:00–15:20 GMT.');
  const [a] = await booked();
  expect(a).toMatchObject({
    talentId: 'T00072',
    role: 'MARIA',
    channel: CHANNEL,
    timeZone: 'Europe/London',
    status: 'booked',
    organizer: 'ana',
  });
  expect(a!.startsAt.toISOString()).toBe('2026-03-26T15:00:00.000Z');
  expect(a!.endsAt.toISOString()).toBe('2026-03-26T15:20:00.000Z');
  const [ics] = icsOf(done);
  expect(ics).toContain('BEGIN:VEVENT');
  expect(ics).toContain('DTSTART:20260326T150000Z');
  expect(ics).toMatch(/ATTENDEE;[^\r\n]*CN="Meera Patil"/);
  expect(ics).not.toMatch(/@example\.com/); // the actor's e-mail never reaches the channel
  const jobs = await app.scheduler.pending(`audition:${a!.id}:`);
  expect(jobs.map((j) => [j.key, j.runAt?.toISOString()]).sort()).toEqual([
    [`audition:${a!.id}:1440`, '2026-03-25T15:00:00.000Z'],
    [`audition:${a!.id}:60`, '2026-03-26T14:00:00.000Z'],
  ]);
  // Pressing Confirm again does nothing twice.
  expect(only(await chat.press('Confirm', proposal)).text).toMatch(/expired|already handled/);
  expect(await booked()).toHaveLength(1);
});

test('a first name shared by several people asks which one; the chosen button proposes that person', async () => {
  const ask = only(await chat.say('book Meera for JOE Thursday 4pm'));
  expect(ask.text).toMatch(/5 people on the roster match “Meera”/);
  const proposal = only(await chat.press('Meera Kelly', ask));
  expect(shown({ replies: [proposal] })).toMatch(/Meera Kelly[\s\S]*Thu 26 Mar, 16:00–16:20 GMT/);
  only(await chat.press('Cancel', proposal));
});

test('a taken time is refused with the next free times as buttons, which propose that slot', async () => {
  const clash = only(await chat.say('book Omar Okafor for JOE Thursday 3:10pm'));
  expect(clash.isError).toBe(true);
  expect(clash.text).toMatch(
    /Omar Okafor can't be seen Thu 26 Mar, 15:10–15:30 GMT: the casting team's calendar is busy Thu 26 Mar, 15:00–15:20 GMT/,
  );
  const buttons = clash.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.label) : []));
  expect(buttons).toEqual(['Thu 26 Mar 15:30', 'Thu 26 Mar 15:45', 'Thu 26 Mar 16:00']);
  const proposal = only(await chat.press('Thu 26 Mar 15:30', clash));
  expect(shown({ replies: [proposal] })).toMatch(/Omar Okafor[\s\S]*15:30–15:50 GMT/);
  only(await chat.press('Cancel', proposal));
  expect(await booked()).toHaveLength(1);
});

test.each([
  ['book Omar Okafor for JOE yesterday at 3pm', /in the past/],
  ['book Omar Okafor for JOE 31 February at 3pm', /February has no 31st/],
  ['book Omar Okafor for JOE 03/04 at 3pm', /could be two different dates/],
  ['book Zebedee Quux for JOE Friday 3pm', /No one called “Zebedee Quux” is on the roster/],
  ['book Omar Okafor for HAMLET Friday 3pm', /Brick and Steel has no role “HAMLET”. Its roles: MARIA, JOE/],
  ['book Omar Okafor for JOE Sunday 29 March at 1:30am', /01:30 does not exist on Sunday 29 March in Europe\/London/],
])('"%s" is answered clearly and writes nothing', async (text, answer) => {
  const r = only(await chat.say(text));
  expect(r.isError).toBe(true);
  expect(r.text).toMatch(answer);
  expect(r.blocks.some((b) => b.type === 'actions')).toBe(false);
  expect(await booked()).toHaveLength(1);
});

test('no time at all: the question offers the next free times as buttons, and pressing one proposes it', async () => {
  const asked = only(await chat.say('book Omar Okafor for JOE'));
  expect(asked.text).toMatch(/^When should Omar Okafor's audition for JOE be\?/);
  const times = asked.blocks.flatMap((b) => (b.type === 'actions' ? b.buttons.map((x) => x.label) : []));
  expect(times.length).toBeGreaterThan(0);
  const proposal = only(await chat.press(times[0]!, asked));
  expect(proposal.text).toContain(times[0]!);
  expect(only(await chat.say('no')).text).toMatch(/^Cancelled: .*Nothing was changed/);
  expect(await booked()).toHaveLength(1);
});

test('a day without a time is asked about, nothing is written, and the answer keeps the day', async () => {
  const asked = only(await chat.say('book Omar Okafor for JOE Friday'));
  expect(asked.isError).toBeFalsy();
  expect(asked.text).toMatch(/What time on Friday/);
  expect(await booked()).toHaveLength(1);
  const proposal = only(await chat.say('3pm'));
  expect(proposal.text).toContain('Fri 27 Mar, 15:00–15:20');
  expect(only(await chat.say('no')).text).toMatch(/^Cancelled: .*Nothing was changed/);
  expect(await booked()).toHaveLength(1);
});

test('an unknown time zone from the platform is answered, not guessed', async () => {
  const replies: string[] = [];
  await app.engine.handle(
    {
      address: { platform: 'local', workspace: 'studio', channel: 'casting' },
      user: { id: 'ana', timeZone: 'Mars/Olympus_Mons' },
      text: 'book Omar Okafor for JOE Friday 3pm',
      addressed: true,
      receivedAt: new Date(),
    },
    {
      send: async (r) => {
        replies.push(r.text);
      },
      progress: async () => {},
    },
  );
  expect(replies[0]).toMatch(/“Mars\/Olympus_Mons” is not a time zone I know/);
});

test('the user’s own zone places the time: 3pm in New York is 19:00 UTC', async () => {
  const replies: string[] = [];
  await app.engine.handle(
    {
      address: { platform: 'local', workspace: 'studio', channel: 'casting' },
      user: { id: 'ana', timeZone: 'America/New_York' },
      text: 'book Omar Okafor for JOE Friday 3pm',
      addressed: true,
      receivedAt: new Date(),
    },
    {
      send: async (r) => {
        replies.push(r.text);
      },
      progress: async () => {},
    },
  );
  expect(replies[0]).toContain('Fri 27 Mar, 15:00–15:20 EDT');
  // Answer "no" to the pending confirmation: nothing is booked.
  expect(only(await chat.say('no')).text).toMatch(/^Cancelled: .*Nothing was changed/);
});

test('the slot is checked again on confirm: booked by someone else meanwhile, nothing is written', async () => {
  const first = only(await chat.say('book Omar Okafor for JOE Thursday 11am'));
  const second = only(await act(chat, { op: 'book', person: 'T00003', role: 'JOE', when: '2026-03-26T11:05:00Z' }));
  only(await chat.press('Confirm', second));
  const late = only(await chat.press('Confirm', first));
  expect(late.isError).toBe(true);
  expect(late.text).toMatch(/no longer free/);
  expect((await booked()).map((a) => a.talentId).sort()).toEqual(['T00003', 'T00072']);
});

test('the slash command books the same way: /cast book … for … thursday 5pm', async () => {
  const proposal = only(await chat.say('/cast book Omar Okafor for JOE thursday 5pm'));
  expect(shown({ replies: [proposal] })).toMatch(/Omar Okafor[\s\S]*JOE — Brick and Steel[\s\S]*Thu 26 Mar, 17:00–17:20 GMT/);
  only(await chat.press('Cancel', proposal));
});

test('/cast auditions this week lists what is booked', async () => {
  const list = only(await chat.say('/cast auditions this week'));
  expect(list.text).toMatch(
    /^Auditions this week \(2\):\n1\. Thu 26 Mar, 11:05–11:25 GMT Sam Tanaka \(JOE\)\n2\. Thu 26 Mar, 15:00–15:20 GMT Meera Patil \(MARIA\)$/,
  );
});

test('10:00 on the Sunday the clocks go forward is 09:00 UTC, and its day-before reminder is 10:00 GMT on Saturday', async () => {
  const proposal = only(await chat.say('book Omar Okafor for JOE Sunday 29 March at 10am'));
  expect(shown({ replies: [proposal] })).toContain('Sun 29 Mar, 10:00–10:20 GMT+1'); // British Summer Time
  only(await chat.press('Confirm', proposal));
  const a = (await booked()).find((x) => x.startsAt.toISOString() === '2026-03-29T09:00:00.000Z')!;
  expect(a.talentId).toBe('T00004');
  const jobs = await app.scheduler.pending(`audition:${a.id}:`);
  expect(jobs.map((j) => [j.key.split(':').at(-1), j.runAt?.toISOString()]).sort()).toEqual([
    ['1440', '2026-03-28T10:00:00.000Z'],
    ['60', '2026-03-29T08:00:00.000Z'],
  ]);
});
