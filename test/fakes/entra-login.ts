/**
 * A local stand-in for Microsoft Entra ID's login service (login.microsoftonline.com) as MSAL uses
 * it for the client-credentials flow: the tenant's token endpoint, over real TLS (MSAL 2 knows this
 * host's endpoints and asks for no discovery or metadata; anything else it asked would get a 404
 * naming the path). Like Entra ID it answers a token request only for a registered app whose
 * client assertion (RS256, `x5t` = the registered certificate's SHA-1 thumbprint, audience the token
 * endpoint, issuer and subject the app id) verifies against that certificate's public key.
 *
 * The Bot Framework SDK hard-codes the login host for certificate credentials (no setting reaches
 * MSAL's authority), so while the fake runs, this process's HTTPS connections to that host go to
 * 127.0.0.1 instead; TLS still checks the fake's certificate, made for the login host name and
 * trusted for those connections only.
 */
import https from 'node:https';
import type { Socket } from 'node:net';
import type { ConnectionOptions } from 'node:tls';
import { randomUUID, X509Certificate } from 'node:crypto';
import { decodeProtectedHeader, jwtVerify } from 'jose';
import type { CertificateDir } from '../helpers/certificates.js';
import { json, startFakeServer, type FakeServer } from './http-fake.js';

export const LOGIN_HOST = 'login.microsoftonline.com';
export const JWT_BEARER = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export interface TokenRequest {
  tenant: string;
  form: URLSearchParams;
}

export interface FakeLogin extends FakeServer {
  /** Registers an app's certificate, as uploading it to the app registration does. */
  register(appId: string, certificatePem: string): void;
  /** Token requests received, oldest first (granted or not). */
  tokenRequests: TokenRequest[];
  /** Access tokens issued, oldest first. */
  issued: string[];
}

type AgentWithConnect = https.Agent & { createConnection(options: ConnectionOptions, callback?: unknown): Socket };

export async function startFakeLogin(certs: CertificateDir): Promise<FakeLogin> {
  const tls = certs.make('login-server', { dnsName: LOGIN_HOST });
  const apps = new Map<string, X509Certificate>();
  const tokenRequests: TokenRequest[] = [];
  const issued: string[] = [];
  const base = `https://${LOGIN_HOST}`;

  const server = await startFakeServer(
    async (req, res) => {
      const url = new URL(req.path, base);
      const token = /^\/([^/]+)\/oauth2\/v2\.0\/token$/.exec(url.pathname);
      if (req.method === 'POST' && token) {
        const form = new URLSearchParams(req.body);
        tokenRequests.push({ tenant: token[1]!, form });
        const refusal = await refuse(form, `${base}${url.pathname}`);
        if (refusal)
          return json(res, refusal.status, {
            error: refusal.error,
            error_description: refusal.description,
            error_codes: [refusal.code],
            trace_id: randomUUID(),
            correlation_id: randomUUID(),
          });
        const accessToken = `entra-access-token-${issued.length + 1}-${randomUUID()}`;
        issued.push(accessToken);
        return json(res, 200, { token_type: 'Bearer', expires_in: 3599, ext_expires_in: 3599, access_token: accessToken });
      }
      json(res, 404, { error: 'not_found', error_description: `fake login: no route for ${req.method} ${url.pathname}` });
    },
    { tls: { key: tls.key, cert: tls.cert } },
  );

  /** Entra ID's answer to a token request it will not grant, or undefined. */
  async function refuse(
    form: URLSearchParams,
    endpoint: string,
  ): Promise<{ status: number; error: string; code: number; description: string } | undefined> {
    const appId = form.get('client_id') ?? '';
    const cert = apps.get(appId);
    if (!cert)
      return {
        status: 400,
        error: 'unauthorized_client',
        code: 700016,
        description: `AADSTS700016: Application with identifier '${appId}' was not found in the directory.`,
      };
    if (form.get('grant_type') !== 'client_credentials')
      return {
        status: 400,
        error: 'unsupported_grant_type',
        code: 70003,
        description: 'AADSTS70003: grant_type must be client_credentials.',
      };
    if (form.get('scope') !== 'https://api.botframework.com/.default')
      return { status: 400, error: 'invalid_scope', code: 70011, description: `AADSTS70011: unexpected scope ${form.get('scope')}.` };
    if (form.has('client_secret'))
      return {
        status: 401,
        error: 'invalid_client',
        code: 7000215,
        description: 'AADSTS7000215: this app authenticates with a certificate, not a secret.',
      };
    const assertion = form.get('client_assertion');
    if (form.get('client_assertion_type') !== JWT_BEARER || !assertion)
      return {
        status: 400,
        error: 'invalid_request',
        code: 900144,
        description: "AADSTS900144: The request body must contain the following parameter: 'client_assertion'.",
      };
    const invalid = (why: string) => ({
      status: 401,
      error: 'invalid_client',
      code: 700027,
      description: `AADSTS700027: Client assertion failed signature validation: ${why}.`,
    });
    try {
      const header = decodeProtectedHeader(assertion);
      const thumbprint = typeof header.x5t === 'string' ? Buffer.from(header.x5t, 'base64url').toString('hex').toUpperCase() : '';
      if (thumbprint !== cert.fingerprint.replace(/:/g, ''))
        return invalid(`the certificate with thumbprint '${thumbprint}' is not registered on the application`);
      if (header.x5c && header.x5c[0] !== cert.raw.toString('base64')) return invalid('x5c is not the registered certificate');
      // MSAL rounds its clock to the nearest second; Entra ID allows minutes of skew.
      await jwtVerify(assertion, cert.publicKey, {
        algorithms: ['RS256'],
        audience: endpoint,
        issuer: appId,
        subject: appId,
        clockTolerance: 300,
      });
    } catch (err) {
      return invalid((err as Error).message);
    }
    return undefined;
  }

  // Connections this process opens to the login host go to the fake, verifying its certificate.
  const agent = https.globalAgent as AgentWithConnect;
  const own = Object.prototype.hasOwnProperty.call(agent, 'createConnection');
  const original = agent.createConnection;
  agent.createConnection = function (this: https.Agent, options: ConnectionOptions, callback?: unknown): Socket {
    const routed =
      options.host === LOGIN_HOST ? { ...options, host: '127.0.0.1', port: server.port, servername: LOGIN_HOST, ca: tls.cert } : options;
    return original.call(this, routed, callback);
  };

  return {
    ...server,
    tokenRequests,
    issued,
    register: (appId, pem) => {
      apps.set(appId, new X509Certificate(pem));
    },
    close: async () => {
      if (own) agent.createConnection = original;
      else delete (agent as Partial<AgentWithConnect>).createConnection;
      await server.close();
    },
  };
}
