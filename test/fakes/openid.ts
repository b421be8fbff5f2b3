/**
 * A local stand-in for the Bot Connector's OpenID metadata and signing keys, and a signer of
 * channel tokens as Teams would send them (RS256, issuer https://api.botframework.com, audience the
 * bot's app id, `serviceurl` claim). Its key is endorsed for the `msteams` channel.
 */
import { exportJWK, generateKeyPair, SignJWT } from 'jose';
import { json, startFakeServer, type FakeServer } from './http-fake.js';

export const CHANNEL_ISSUER = 'https://api.botframework.com';

export interface FakeOpenId extends FakeServer {
  /** The URL to configure as the OpenID metadata (BOT_OPENID_METADATA_URL). */
  metadataUrl: string;
  /** A token the channel would send for an activity to `appId` from `serviceUrl`. */
  sign(claims: { appId: string; serviceUrl: string; issuer?: string; expiresIn?: string }): Promise<string>;
  /** The same claims signed by a key the metadata does not publish (a forgery). */
  forge(claims: { appId: string; serviceUrl: string }): Promise<string>;
}

export async function startFakeOpenId(): Promise<FakeOpenId> {
  const { publicKey, privateKey } = await generateKeyPair('RS256', { extractable: true });
  const forger = await generateKeyPair('RS256');
  const kid = 'castmatch-test-key';
  const jwk = { ...(await exportJWK(publicKey)), kid, use: 'sig', alg: 'RS256', endorsements: ['msteams'] };
  const server = await startFakeServer((req, res) => {
    if (req.path === '/v1/.well-known/openidconfiguration') {
      return json(res, 200, {
        issuer: CHANNEL_ISSUER,
        jwks_uri: `${server.url}/v1/keys`,
        id_token_signing_alg_values_supported: ['RS256'],
      });
    }
    if (req.path === '/v1/keys') return json(res, 200, { keys: [jwk] });
    json(res, 404, { error: 'not found' });
  });
  const build = (c: { appId: string; serviceUrl: string; issuer?: string; expiresIn?: string }) =>
    new SignJWT({ serviceurl: c.serviceUrl })
      .setProtectedHeader({ alg: 'RS256', kid, typ: 'JWT' })
      .setIssuer(c.issuer ?? CHANNEL_ISSUER)
      .setAudience(c.appId)
      .setIssuedAt()
      .setNotBefore('0s')
      .setExpirationTime(c.expiresIn ?? '5m');
  return {
    ...server,
    metadataUrl: `${server.url}/v1/.well-known/openidconfiguration`,
    sign: (c) => build(c).sign(privateKey),
    forge: (c) => build(c).sign(forger.privateKey),
  };
}
