/** Teams activities normalized: where they came from, what was said, what was pressed or shared. */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { referenceOf, toIncomingMessage } from '../../../src/bot/adapters/teams/parse.js';
import { FIXTURES, TENANT, PERSONAL, CHANNEL } from './harness.js';

const NOW = new Date('2026-03-23T09:00:00Z');
type Activity = Parameters<typeof toIncomingMessage>[0];
const load = async (name: string, over: Record<string, unknown> = {}) =>
  ({ ...JSON.parse(await readFile(path.join(FIXTURES, `${name}.json`), 'utf8')), ...over }) as Activity;
const normalize = (a: Activity) => toIncomingMessage(a, referenceOf(a), NOW);

test('a personal chat message: addressed, tenant as workspace, the chat as channel, the service URL kept for later', async () => {
  const m = normalize(await load('personal-message'));
  expect(m).toMatchObject({
    text: 'help',
    addressed: true,
    eventId: '1764000002118',
    user: { id: '29:1ana-ruiz-scrubbed', name: 'Ana Ruiz', timeZone: 'Europe/London' },
    address: {
      platform: 'teams',
      workspace: TENANT,
      channel: PERSONAL,
      ref: { serviceUrl: 'https://smba.trafficmanager.net/emea/', conversationId: PERSONAL, botId: '28:castmatch-app-id' },
    },
  });
  expect(m.receivedAt.toISOString()).toBe('2026-11-24T10:15:02.118Z');
  expect(m.address.thread).toBeUndefined();
  // A one-to-one chat: a direct message to Ana would land in this same conversation.
  expect(m.address.direct).toBe(true);
});

test('a channel @mention: the mention stripped, memory keyed by channel, the reply chain as thread', async () => {
  const m = normalize(await load('channel-mention'));
  expect(m.text).toBe('search tall actor with a deep voice');
  expect(m.addressed).toBe(true);
  expect(m.address).toMatchObject({ channel: CHANNEL, thread: '1764000504530', workspace: TENANT });
  expect(m.address).not.toHaveProperty('direct');
  expect(m.files).toBeUndefined(); // the text/html mirror of the message is not a file
});

test('a group chat message that does not mention the bot is not addressed to it', async () => {
  const m = normalize(
    await load('channel-mention', {
      text: 'shall we break for lunch',
      entities: [],
      conversation: { isGroup: true, conversationType: 'groupChat', id: '19:group@thread.v2', tenantId: TENANT },
      channelData: { tenant: { id: TENANT } },
    }),
  );
  expect(m).toMatchObject({ addressed: false, address: { channel: '19:group@thread.v2' } });
  expect(m.address).not.toHaveProperty('direct');
});

test("the Emulator's conversation without a type is a 1:1 chat unless it says it is a group", async () => {
  const emulator = (conversation: Record<string, unknown>) =>
    normalize({
      type: 'message',
      text: 'hi',
      id: 'e1',
      conversation,
      from: { id: 'u1' },
      recipient: { id: 'b1' },
      serviceUrl: 'http://localhost:3978',
    } as unknown as Activity);
  expect(emulator({ id: 'emu-1' }).address.direct).toBe(true);
  expect(emulator({ id: 'emu-2', isGroup: true }).address).not.toHaveProperty('direct');
});

test('"/cast …" is a command; a card submit is a press with its data; a file download info is a file', async () => {
  expect(normalize(await load('personal-message', { text: '/cast shortlist STEEL' })).command).toEqual({
    name: '/cast',
    text: 'shortlist STEEL',
  });
  expect(normalize(await load('card-submit')).action).toEqual({ skill: 'help', args: {} });
  const upload = normalize(await load('personal-file'));
  expect(upload.files?.map((f) => f.name)).toEqual(['brick_and_steel.fountain']);
});

test('channel attachments with a content URL are files; cards are not', async () => {
  const m = normalize(
    await load('channel-mention', {
      attachments: [
        { contentType: 'text/html', content: '<div>x</div>' },
        { contentType: 'application/vnd.microsoft.card.adaptive', content: {} },
        {
          contentType: 'text/csv',
          contentUrl: 'https://contoso.sharepoint.com/sites/casting/Shared%20Documents/roster.csv',
          name: 'roster.csv',
        },
      ],
    }),
  );
  expect(m.files?.map((f) => [f.name, f.mimeType])).toEqual([['roster.csv', 'text/csv']]);
});
