/** Slack payloads as the skills see them: mentions stripped, Slack escaping undone, addresses complete. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fromAction, fromMessageEvent, fromSlashCommand, plainText } from '../../../src/bot/adapters/slack/parse.js';
import { decodeAction } from '../../../src/bot/adapters/slack/actions.js';
import { readBookingSubmission, wantsBookingModal } from '../../../src/bot/adapters/slack/modal.js';
import { FIXTURES, type Json } from './harness.js';

const NOW = new Date('2026-03-23T09:00:00Z');
const fixture = async (name: string) => JSON.parse(await readFile(path.join(FIXTURES, `${name}.json`), 'utf8')) as Json;

test('a slash command keeps its grammar and its workspace and channel', async () => {
  const cmd = { ...(await fixture('slash-command')), text: 'search tall &amp; dark &lt;30' } as never;
  const m = fromSlashCommand(cmd, NOW);
  expect(m).toMatchObject({
    address: { platform: 'slack', workspace: 'T0CASTING', channel: 'C0CASTING1' },
    user: { id: 'U0ANA00001', name: 'ana' },
    command: { name: '/cast', text: 'search tall & dark <30' },
    addressed: true,
  });
});

test('a mention is stripped of the bot, addressed, and keeps its thread; other mentions and links read as text', async () => {
  const payload = await fixture('app-mention');
  const event = {
    ...(payload.event as Json),
    text: '<@U0CASTBOT|castmatch>: book <@U0MAYA0001> on <https://cal.example/x|the calendar>',
    thread_ts: '1764000400.000100',
  } as never;
  const m = fromMessageEvent(event, { team: 'T0CASTING', botUserId: 'U0CASTBOT', now: NOW });
  expect(m.text).toBe('book @U0MAYA0001 on the calendar');
  expect(m).toMatchObject({ addressed: true, address: { channel: 'C0CASTING1', thread: '1764000400.000100' } });
});

test('a channel message without a mention is not addressed; a DM always is', async () => {
  const dm = (await fixture('direct-message')).event as never;
  expect(fromMessageEvent(dm, { team: 'T0CASTING', botUserId: 'U0CASTBOT', now: NOW }).addressed).toBe(true);
  const channel = { ...((await fixture('file-share')).event as Json), text: 'new draft' } as never;
  expect(fromMessageEvent(channel, { team: 'T0CASTING', botUserId: 'U0CASTBOT', now: NOW }).addressed).toBe(false);
  // Only the DM is a one-to-one chat: a direct message to its user would land in it.
  expect(fromMessageEvent(dm, { team: 'T0CASTING', botUserId: 'U0CASTBOT', now: NOW }).address).toEqual({
    platform: 'slack',
    workspace: 'T0CASTING',
    channel: 'D0ANADM001',
    direct: true,
  });
  expect(fromMessageEvent(channel, { team: 'T0CASTING', botUserId: 'U0CASTBOT', now: NOW }).address).not.toHaveProperty('direct');
  expect(plainText('<!here> read <#C0CASTING1|casting>')).toBe('@here read #casting');
});

test('a slash command or button in a DM is known as one by its D… channel id', async () => {
  const cmd = { ...(await fixture('slash-command')), channel_id: 'D0ANADM001' } as never;
  expect(fromSlashCommand(cmd, NOW).address).toMatchObject({ channel: 'D0ANADM001', direct: true });
  const press = (channel: string) =>
    fromAction(
      { skill: 'confirm', args: {} },
      { where: { team: 'T0CASTING', channel }, user: { id: 'U0ANA00001' }, label: 'Confirm', now: NOW, raw: {} },
    );
  expect(press('D0ANADM001').address.direct).toBe(true);
  // Group DMs (mpim) and private channels are conversations of several people.
  expect(press('G0GROUPDM1').address).not.toHaveProperty('direct');
  expect(press('C0CASTING1').address).not.toHaveProperty('direct');
});

test('button values decode only when they are CastMatch actions', () => {
  expect(decodeAction('{"skill":"propose-shortlist","args":{"role":"ROLE"}}')).toEqual({
    skill: 'propose-shortlist',
    args: { role: 'ROLE' },
  });
  for (const bad of ['not json', '{"skill":1,"args":{}}', '{"skill":"x","args":[]}', '"x"', undefined])
    expect(decodeAction(bad)).toBeUndefined();
});

test('the booking modal opens only for a plain booking without a time, and reads its fields back', async () => {
  expect(wantsBookingModal({ skill: 'book-audition', args: { person: 'T1', role: 'R' } })).toBe(true);
  expect(wantsBookingModal({ skill: 'book-audition', args: { person: 'T1', when: 'Thursday 3pm' } })).toBe(false);
  expect(wantsBookingModal({ skill: 'book-audition', args: { op: 'cancel', audition: 'a1' } })).toBe(false);
  const view = (await fixture('view-submission')).view as Json;
  const ok = readBookingSubmission({
    ...view,
    private_metadata: JSON.stringify({ team: 'T0CASTING', channel: 'C0CASTING1', person: 'T1', role: 'R', label: 'Book' }),
  } as never);
  expect(ok).toEqual({
    ok: true,
    meta: expect.objectContaining({ channel: 'C0CASTING1' }),
    action: { skill: 'book-audition', args: { person: 'T1', role: 'R', when: 'Thursday 3pm', durationMinutes: 45 } },
  });
  expect(readBookingSubmission({ ...view, private_metadata: 'garbage' } as never)).toEqual({
    ok: false,
    errors: { when: expect.stringMatching(/expired/) },
  });
});
