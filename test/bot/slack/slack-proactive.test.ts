/**
 * Posting with no one speaking first (reminders, digests) and multi-workspace OAuth: the outbox
 * reaches a Slack channel through the adapter's poster; a channel the bot lost is reported as gone;
 * with OAuth, each workspace's own bot token (from the installation kept in the database) is used.
 */
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { Outbox } from '../../../src/bot/outbox.js';
import { reply } from '../../../src/bot/reply.js';
import { ConversationGoneError } from '../../../src/bot/turn-handler.js';
import type { ConversationAddress } from '../../../src/bot/message.js';
import { DatabaseInstallationStore } from '../../../src/bot/adapters/slack/installation-store.js';
import { FAKE_BOT_TOKEN, startFakeSlackApi, type FakeSlackApi } from '../../fakes/slack-api.js';
import { eventId, startSlackRig, type SlackRig } from './harness.js';

let app: TestApp;
let api: FakeSlackApi;

beforeAll(async () => {
  app = await createTestApp({ EMBEDDING_MODEL: 'hashed-64' });
  // A channel the bot was removed from answers like Slack does.
  api = await startFakeSlackApi({
    onCall: (c) =>
      c.args.channel === 'C0GONE'
        ? { ok: false, error: 'channel_not_found' }
        : // A person who left the workspace, as Slack answers a direct message to them.
          c.args.channel === 'U0GONE'
          ? { ok: false, error: 'user_not_found' }
          : undefined,
  });
});
afterAll(async () => {
  await api?.close();
  await app?.dispose();
});

const reminder = reply('Reminder: Maya Roe auditions for STEEL tomorrow at 15:00')
  .section('Reminder: *Maya Roe* auditions for *STEEL* tomorrow at 15:00')
  .file({ name: 'audition.ics', mimeType: 'text/calendar', data: new TextEncoder().encode('BEGIN:VCALENDAR') })
  .build();

describe('one workspace (SLACK_BOT_TOKEN)', () => {
  let rig: SlackRig;
  beforeAll(async () => {
    rig = await startSlackRig(app, { api });
  });
  afterAll(async () => {
    await rig?.close();
  });

  test('a reminder posted through the outbox lands in the stored channel and thread, with its file', async () => {
    const outbox = new Outbox(app.log);
    outbox.register(rig.adapter.poster);
    const address: ConversationAddress = { platform: 'slack', workspace: 'T0CASTING', channel: 'C0CASTING1', thread: '1764000400.000100' };
    const before = api.calls.length;
    await outbox.post(address, reminder);
    const calls = api.calls.slice(before);
    expect(calls.map((c) => c.method)).toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(calls[0]).toMatchObject({
      token: FAKE_BOT_TOKEN,
      args: { channel: 'C0CASTING1', thread_ts: '1764000400.000100', text: reminder.text },
    });
    expect(calls[2]!.args).toMatchObject({ channel_id: 'C0CASTING1', thread_ts: '1764000400.000100' });
    expect(new TextDecoder().decode(api.uploads.get('audition.ics'))).toBe('BEGIN:VCALENDAR');
  });

  test('a channel the bot can no longer reach raises ConversationGoneError', async () => {
    await expect(
      rig.adapter.poster.post({ platform: 'slack', workspace: 'T0CASTING', channel: 'C0GONE' }, reminder),
    ).rejects.toBeInstanceOf(ConversationGoneError);
  });

  test("a direct message goes to the user id (the app's Messages tab), unthreaded, with the workspace's token", async () => {
    const outbox = new Outbox(app.log);
    outbox.register(rig.adapter.poster);
    const from: ConversationAddress = { platform: 'slack', workspace: 'T0CASTING', channel: 'C0CASTING1', thread: '1764000400.000100' };
    const before = api.calls.length;
    await outbox.postDirect(from, 'U0ANA00001', reminder);
    const calls = api.calls.slice(before);
    expect(calls.map((c) => c.method)).toEqual(['chat.postMessage', 'files.getUploadURLExternal', 'files.completeUploadExternal']);
    expect(calls[0]).toMatchObject({ token: FAKE_BOT_TOKEN, args: { channel: 'U0ANA00001', text: reminder.text } });
    expect(calls[0]!.args.thread_ts).toBeUndefined();
    // The file follows the message into the conversation Slack answered with.
    expect(calls[2]!.args).toMatchObject({ channel_id: calls[0]!.response?.channel });
  });

  test('a direct message to someone who left raises ConversationGoneError', async () => {
    await expect(
      rig.adapter.poster.postDirect({ platform: 'slack', workspace: 'T0CASTING', channel: 'C0CASTING1' }, 'U0GONE', reminder),
    ).rejects.toBeInstanceOf(ConversationGoneError);
  });

  test('readiness asks Slack who the bot is', async () => {
    await expect(rig.adapter.check()).resolves.toEqual({ ok: true, detail: 'bot castmatch in Casting' });
  });
});

describe('many workspaces (OAuth install)', () => {
  let rig: SlackRig;
  const OTHER_TOKEN = 'xoxb-0000-other-workspace';
  beforeAll(async () => {
    rig = await startSlackRig(app, {
      api,
      env: {
        SLACK_BOT_TOKEN: undefined,
        SLACK_CLIENT_ID: '1111.2222',
        SLACK_CLIENT_SECRET: 'client-secret',
        SLACK_STATE_SECRET: 'state-secret',
      },
    });
    await new DatabaseInstallationStore(app.db.store).storeInstallation({
      team: { id: 'T0OTHER', name: 'Other Casting' },
      enterprise: undefined,
      user: { id: 'U0ADMIN', token: undefined, scopes: undefined },
      bot: { id: 'B0OTHER', userId: 'U0OTHERBOT', token: OTHER_TOKEN, scopes: ['chat:write'] },
      tokenType: 'bot',
      isEnterpriseInstall: false,
      appId: 'A0CASTMATCH',
      authVersion: 'v2',
    });
  });
  afterAll(async () => {
    await rig?.close();
  });

  test("the install page sends the admin to Slack's authorize page with CastMatch's scopes", async () => {
    const res = await fetch(rig.server.url('/slack/install'), { redirect: 'manual' });
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(to.searchParams.get('client_id')).toBe('1111.2222');
    expect(to.searchParams.get('scope')).toContain('files:read');
    expect(to.searchParams.get('state')).toBeTruthy();
  });

  test("a DM in an installed workspace is answered with that workspace's token", async () => {
    const dm = await rig.fixture('direct-message');
    const payload = {
      ...dm,
      team_id: 'T0OTHER',
      event_id: eventId(),
      authorizations: [{ team_id: 'T0OTHER', user_id: 'U0OTHERBOT', is_bot: true }],
    };
    const before = api.calls.length;
    await rig.turn(() => rig.event(payload));
    const posted = api.calls.slice(before).filter((c) => c.method === 'chat.postMessage');
    expect(posted).toHaveLength(1);
    expect(posted[0]!.token).toBe(OTHER_TOKEN);
  });

  test("proactive posts use the installation of the address's workspace; an uninstalled one is gone", async () => {
    const before = api.calls.length;
    await rig.adapter.poster.post({ platform: 'slack', workspace: 'T0OTHER', channel: 'C0OTHER1' }, reminder);
    expect(api.calls[before]).toMatchObject({ method: 'chat.postMessage', token: OTHER_TOKEN, args: { channel: 'C0OTHER1' } });
    await expect(rig.adapter.poster.post({ platform: 'slack', workspace: 'T0NEVER', channel: 'C0X' }, reminder)).rejects.toBeInstanceOf(
      ConversationGoneError,
    );
  });
});
