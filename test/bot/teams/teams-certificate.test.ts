/**
 * Certificate credentials end to end: the SDK's own CertificateServiceClientCredentialsFactory and
 * MSAL, unmodified, against a local Entra ID login over TLS (test/fakes/entra-login.ts, which the
 * SDK reaches at its hard-coded login.microsoftonline.com). The token request must carry a client
 * assertion signed with the certificate's key, and the token Entra ID issues is the one the bot's
 * calls to the Bot Connector then carry.
 *
 * The SDK caches tokens per app id for the whole process, so each case that must reach the login
 * service uses an app id of its own.
 */
import { jest } from '@jest/globals';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import { createTeamsAuth } from '../../../src/bot/adapters/teams/auth.js';
import { loadConfig } from '../../../src/config/config.js';
import { createTestApp, type TestApp } from '../../helpers/app.js';
import { certificateDir, type CertificateDir, type TestCertificate } from '../../helpers/certificates.js';
import { JWT_BEARER, LOGIN_HOST, startFakeLogin, type FakeLogin } from '../../fakes/entra-login.js';
import { startFakeOpenId, type FakeOpenId } from '../../fakes/openid.js';
import { cardOf, cardText } from './cards.js';
import { nextId, signedMessageReply, startTeamsRig, type TeamsRig } from './harness.js';

const APP_ID = '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f';
const TENANT_ID = '0d9c8b7a-6f5e-4d3c-8b2a-1f0e9d8c7b6a';
let certs: CertificateDir;
let appCert: TestCertificate;
let otherCert: TestCertificate;
let login: FakeLogin;
let openid: FakeOpenId;
let app: TestApp;
let rig: TeamsRig;

beforeAll(async () => {
  certs = certificateDir();
  appCert = certs.make('bot-app');
  otherCert = certs.make('not-registered');
  login = await startFakeLogin(certs);
  login.register(APP_ID, appCert.cert);
  openid = await startFakeOpenId();
  app = await createTestApp({
    EMBEDDING_MODEL: 'hashed-64',
    MICROSOFT_APP_ID: APP_ID,
    BOT_OPENID_METADATA_URL: openid.metadataUrl,
    MICROSOFT_APP_CERTIFICATE_THUMBPRINT: appCert.thumbprint,
    MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: appCert.keyFile,
  });
  rig = await startTeamsRig(app);
});
afterAll(async () => {
  await rig?.close();
  await app?.dispose();
  await openid?.close();
  await login?.close();
  certs.remove();
});

/** The client assertion of a token request, its signature checked with the certificate's public key. */
async function verifiedAssertion(form: URLSearchParams, cert: TestCertificate) {
  expect(form.get('client_assertion_type')).toBe(JWT_BEARER);
  const assertion = form.get('client_assertion') ?? '';
  // clockTolerance: MSAL rounds "now" to the nearest second, so nbf may lie up to a second ahead.
  const { payload } = await jwtVerify(assertion, cert.x509.publicKey, { algorithms: ['RS256'], clockTolerance: 5 });
  return { header: decodeProtectedHeader(assertion), payload };
}

test("readiness gets a token from Entra ID with a client assertion signed by the certificate's key, no password", async () => {
  const before = login.tokenRequests.length;
  expect(await rig.adapter.check?.()).toEqual({ ok: true, detail: 'Bot Framework token obtained' });
  const requests = login.tokenRequests.slice(before);
  expect(requests).toHaveLength(1);
  const { tenant, form } = requests[0]!;
  expect(tenant).toBe('botframework.com');
  expect(form.get('client_id')).toBe(APP_ID);
  expect(form.get('scope')).toBe('https://api.botframework.com/.default');
  expect(form.has('client_secret')).toBe(false);
  const { header, payload } = await verifiedAssertion(form, appCert);
  expect(header.alg).toBe('RS256');
  expect(header.x5t).toBe(Buffer.from(appCert.thumbprint, 'hex').toString('base64url'));
  expect(header.x5c).toBeUndefined();
  expect(payload).toMatchObject({ iss: APP_ID, sub: APP_ID, aud: `https://${LOGIN_HOST}/botframework.com/oauth2/v2.0/token` });
  expect(login.issued).toHaveLength(1);
});

test('a reply to a signed activity reaches the Bot Connector with the token Entra ID issued', async () => {
  const reply = await signedMessageReply(rig, openid, APP_ID);
  expect(cardText(cardOf(reply))).toMatch(/CastMatch: what I can do/);
  expect(login.issued.length).toBeGreaterThan(0);
  expect(reply!.authorization).toBe(`Bearer ${login.issued.at(-1)}`);
});

test('inbound activities are still authenticated: one without a channel token gets 401 and no reply', async () => {
  jest.spyOn(console, 'error').mockImplementation(() => {}); // botframework-connector prints the rejection itself
  try {
    const before = rig.connector.posted.length;
    const res = await rig.post(await rig.fixture('personal-message', { id: nextId() }));
    expect(res.status).toBe(401);
    await rig.adapter.settled();
    expect(rig.connector.posted.length).toBe(before);
  } finally {
    jest.restoreAllMocks();
  }
});

describe('Entra ID refuses the token, naming its reason', () => {
  const cases: [string, string, () => { thumbprint: string; keyFile: string }][] = [
    [
      'a certificate the app registration does not have',
      '5b2a1c3d-0000-4e5f-8a6b-000000000001',
      () => ({ thumbprint: otherCert.thumbprint, keyFile: otherCert.keyFile }),
    ],
    [
      'the registered thumbprint with another key',
      '5b2a1c3d-0000-4e5f-8a6b-000000000002',
      () => ({ thumbprint: appCert.thumbprint, keyFile: otherCert.keyFile }),
    ],
  ];
  test.each(cases)('%s', async (_name, appId, creds) => {
    login.register(appId, appCert.cert);
    const { thumbprint, keyFile } = creds();
    const auth = createTeamsAuth(
      loadConfig({
        MICROSOFT_APP_ID: appId,
        MICROSOFT_APP_CERTIFICATE_THUMBPRINT: thumbprint,
        MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: keyFile,
      }),
    );
    const issued = login.issued.length;
    await expect(auth.token!()).rejects.toThrow(/AADSTS700027/);
    expect(login.issued.length).toBe(issued);
    expect(login.tokenRequests.at(-1)?.form.get('client_id')).toBe(appId);
  });
});

test('with the certificate itself (subject name and issuer), a SingleTenant app sends it as x5c to its own tenant', async () => {
  const appId = '5b2a1c3d-0000-4e5f-8a6b-000000000003';
  login.register(appId, appCert.cert);
  const auth = createTeamsAuth(
    loadConfig({
      MICROSOFT_APP_ID: appId,
      MICROSOFT_APP_TYPE: 'SingleTenant',
      MICROSOFT_APP_TENANT_ID: TENANT_ID,
      MICROSOFT_APP_CERTIFICATE_X5C_FILE: appCert.certFile,
      MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: appCert.keyFile,
    }),
  );
  const token = await auth.token!();
  expect(token).toBe(login.issued.at(-1));
  const { tenant, form } = login.tokenRequests.at(-1)!;
  expect(tenant).toBe(TENANT_ID);
  const { header, payload } = await verifiedAssertion(form, appCert);
  expect(header.x5c).toEqual([appCert.x509.raw.toString('base64')]);
  expect(header.x5t).toBe(Buffer.from(appCert.thumbprint, 'hex').toString('base64url'));
  expect(payload.aud).toBe(`https://${LOGIN_HOST}/${TENANT_ID}/oauth2/v2.0/token`);
});
