/**
 * Authenticated mode offline: a local OpenID metadata + JWKS endpoint stands in for the Bot
 * Connector's, tokens are signed locally as Teams would sign them. A valid token is processed; a
 * missing, forged or mis-addressed one gets 401 and runs nothing.
 */
import { jest } from '@jest/globals';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { REFERENCE_FIELD } from '../../../src/bot/adapters/teams/reference.js';
import { startFakeOpenId, type FakeOpenId } from '../../fakes/openid.js';
import { startTeamsRig, nextId, signedMessageReply, PERSONAL, TENANT, type TeamsRig } from './harness.js';
import { cardOf, cardText } from './cards.js';

const APP_ID = '9a1b2c3d-4e5f-4a6b-8c7d-0e1f2a3b4c5d';
let app: TestApp;
let openid: FakeOpenId;
let rig: TeamsRig;

beforeAll(async () => {
  openid = await startFakeOpenId();
  app = await createTestApp({
    EMBEDDING_MODEL: 'hashed-64',
    MICROSOFT_APP_ID: APP_ID,
    MICROSOFT_APP_PASSWORD: 'not-a-real-secret',
    BOT_OPENID_METADATA_URL: openid.metadataUrl,
  });
  rig = await startTeamsRig(app, { outboundToken: async () => 'outbound-token' });
});
afterAll(async () => {
  await rig?.close();
  await app?.dispose();
  await openid?.close();
});

const reference = () => app.db.store.channels.get(`teams:${TENANT}:${PERSONAL}`, REFERENCE_FIELD);

test("a correctly signed activity is processed, and the reply is sent with the bot's own token", async () => {
  const reply = await signedMessageReply(rig, openid, APP_ID);
  expect(cardText(cardOf(reply))).toMatch(/CastMatch: what I can do/);
  expect(reply!.authorization).toBe('Bearer outbound-token');
});

describe('rejected with 401, running nothing', () => {
  // botframework-connector prints rejected tokens to the console itself; the adapter logs its own line.
  beforeAll(() => {
    jest.spyOn(console, 'error').mockImplementation(() => {});
  });
  afterAll(() => {
    jest.restoreAllMocks();
  });
  const cases: [string, () => Promise<string | undefined>][] = [
    ['no token', async () => undefined],
    ['a token signed by someone else', () => openid.forge({ appId: APP_ID, serviceUrl: rig.connector.serviceUrl })],
    ['a token for another bot', () => openid.sign({ appId: '11111111-2222-4333-8444-555555555555', serviceUrl: rig.connector.serviceUrl })],
    ['a token for another service URL', () => openid.sign({ appId: APP_ID, serviceUrl: 'https://smba.trafficmanager.net/amer/' })],
    ['an expired token', () => openid.sign({ appId: APP_ID, serviceUrl: rig.connector.serviceUrl, expiresIn: '-10m' })],
    [
      'a token from an unknown issuer',
      () => openid.sign({ appId: APP_ID, serviceUrl: rig.connector.serviceUrl, issuer: 'https://evil.example.com' }),
    ],
  ];
  test.each(cases)('%s', async (_name, token) => {
    await app.db.store.channels.delete(`teams:${TENANT}:${PERSONAL}`, REFERENCE_FIELD);
    const t = await token();
    const before = rig.connector.posted.length;
    const res = await rig.post(await rig.fixture('personal-message', { id: nextId() }), t ? { authorization: `Bearer ${t}` } : {});
    expect(res.status).toBe(401);
    await rig.adapter.settled();
    expect(rig.connector.posted.length).toBe(before);
    expect(await reference()).toBeUndefined();
  });
});

test('readiness obtains a Bot Framework token, and says when it cannot', async () => {
  expect(await rig.adapter.check?.()).toEqual({ ok: true, detail: 'Bot Framework token obtained' });
  const failing = await startTeamsRig(app, {
    outboundToken: async () => {
      throw new Error('AADSTS7000215: invalid client secret');
    },
  });
  try {
    const status = await failing.adapter.check?.();
    expect(status?.ok).toBe(false);
    expect(status?.detail).toMatch(/could not obtain a Bot Framework token: AADSTS7000215/);
  } finally {
    await failing.close();
  }
});
