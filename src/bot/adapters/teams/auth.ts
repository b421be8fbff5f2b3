/**
 * Bot Framework authentication: the CloudAdapter, configured from MICROSOFT_APP_* (emulator mode
 * without an app id), inbound JWTs checked against the Bot Connector's OpenID metadata (overridable
 * for private clouds and tests), and outbound tokens from MSAL (with the app password or a
 * certificate) or a supplied token source.
 */
import {
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import { CertificateServiceClientCredentialsFactory } from 'botframework-connector';
import { sha1Thumbprint } from '../../../config/certificate.js';
import type { Config } from '../../../config/config.js';

/** CloudAdapter with its request pipeline callable on an activity we parsed ourselves. */
export class TeamsCloudAdapter extends CloudAdapter {
  /** Authenticates the request and runs `logic` on its turn; throws when authentication fails. */
  handleActivity(
    authHeader: string,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    return this.processActivity(authHeader, activity, logic);
  }
}

type CredentialsFactory = NonNullable<ConstructorParameters<typeof ConfigurationBotFrameworkAuthentication>[1]>;
type Credentials = Awaited<ReturnType<CredentialsFactory['createCredentials']>>;

/** Audience and login endpoint of Bot Connector tokens in the public cloud. */
const CONNECTOR_SCOPE = 'https://api.botframework.com';
const LOGIN_PREFIX = 'https://login.microsoftonline.com/';

/**
 * The public cloud's settings, spelled out: the SDK treats any one override (such as the OpenID
 * metadata URL) as a private cloud and leaves every setting not given empty, which rejects all tokens.
 */
const PUBLIC_CLOUD = {
  ValidateAuthority: true,
  ToChannelFromBotLoginUrl: `${LOGIN_PREFIX}botframework.com`,
  ToChannelFromBotOAuthScope: CONNECTOR_SCOPE,
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  OAuthUrl: 'https://api.botframework.com',
  ToBotFromEmulatorOpenIdMetadataUrl: `${LOGIN_PREFIX}botframework.com/v2.0/.well-known/openid-configuration`,
  CallerId: CallerIdConstants.PublicAzureChannel,
};

export type TeamsConfig = Pick<
  Config,
  | 'MICROSOFT_APP_ID'
  | 'MICROSOFT_APP_PASSWORD'
  | 'MICROSOFT_APP_TENANT_ID'
  | 'MICROSOFT_APP_TYPE'
  | 'BOT_OPENID_METADATA_URL'
  | 'MICROSOFT_APP_CERTIFICATE_THUMBPRINT'
  | 'MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE'
  | 'MICROSOFT_APP_CERTIFICATE_X5C_FILE'
>;

export interface TeamsAuthOptions {
  /** OpenID metadata for inbound tokens (default: config BOT_OPENID_METADATA_URL, else Microsoft's). */
  openIdMetadataUrl?: string;
  /** Outbound bearer tokens from somewhere other than MSAL (tests; a custom token broker). */
  outboundToken?: () => Promise<string>;
}

export interface TeamsAuth {
  cloud: TeamsCloudAdapter;
  /** Empty in emulator mode. */
  appId: string;
  /** Gets a Bot Connector token now (readiness); undefined in emulator mode. */
  token?: () => Promise<string>;
}

export function createTeamsAuth(config: TeamsConfig, opts: TeamsAuthOptions = {}): TeamsAuth {
  const appId = config.MICROSOFT_APP_ID ?? '';
  const openId = opts.openIdMetadataUrl ?? config.BOT_OPENID_METADATA_URL;
  const settings = {
    MicrosoftAppId: appId,
    MicrosoftAppPassword: config.MICROSOFT_APP_PASSWORD ?? '',
    MicrosoftAppType: config.MICROSOFT_APP_TYPE,
    ...(config.MICROSOFT_APP_TENANT_ID ? { MicrosoftAppTenantId: config.MICROSOFT_APP_TENANT_ID } : {}),
    ...(openId ? { ...PUBLIC_CLOUD, ToBotFromChannelOpenIdMetadataUrl: openId } : {}),
  };
  const factory: CredentialsFactory = opts.outboundToken
    ? new StaticTokenCredentialsFactory(appId, opts.outboundToken)
    : (certificateFactory(config) ?? new ConfigurationServiceClientCredentialFactory(settings));
  const cloud = new TeamsCloudAdapter(new ConfigurationBotFrameworkAuthentication(settings, factory));
  if (!appId) return { cloud, appId };
  const loginUrl =
    LOGIN_PREFIX +
    (config.MICROSOFT_APP_TYPE === 'SingleTenant' && config.MICROSOFT_APP_TENANT_ID ? config.MICROSOFT_APP_TENANT_ID : 'botframework.com');
  return {
    cloud,
    appId,
    token:
      opts.outboundToken ??
      (async () => {
        const credentials = (await factory.createCredentials(appId, CONNECTOR_SCOPE, loginUrl, true)) as Credentials & {
          getToken?: (force?: boolean) => Promise<string>;
        };
        if (!credentials.getToken) throw new Error('these credentials cannot issue a token');
        return credentials.getToken(false);
      }),
  };
}

/**
 * Certificate credentials, when configured: MSAL signs a client assertion (RS256, `x5t` = the
 * thumbprint, `x5c` = the certificate when given for subject-name/issuer auth) with the private key
 * instead of sending a password. The SDK always asks login.microsoftonline.com/<tenant>: the tenant
 * for a SingleTenant app, botframework.com otherwise.
 */
function certificateFactory(config: TeamsConfig): CredentialsFactory | undefined {
  const key = config.MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE;
  if (!key || !config.MICROSOFT_APP_ID) return undefined;
  const x5c = config.MICROSOFT_APP_CERTIFICATE_X5C_FILE?.pem;
  // Given the certificate without its thumbprint, the SDK would run the openssl CLI to compute it.
  const thumbprint = config.MICROSOFT_APP_CERTIFICATE_THUMBPRINT ?? (x5c ? sha1Thumbprint(x5c) : undefined);
  if (!thumbprint)
    throw new Error('MICROSOFT_APP_CERTIFICATE_THUMBPRINT or MICROSOFT_APP_CERTIFICATE_X5C_FILE is required with a private key');
  const tenant = config.MICROSOFT_APP_TYPE === 'SingleTenant' ? config.MICROSOFT_APP_TENANT_ID : undefined;
  return new CertificateServiceClientCredentialsFactory(config.MICROSOFT_APP_ID, thumbprint, key.pem, tenant, x5c);
}

/** Signs outbound connector calls with tokens from a supplied source instead of MSAL. */
class StaticTokenCredentialsFactory implements CredentialsFactory {
  constructor(
    private readonly appId: string,
    private readonly token: () => Promise<string>,
  ) {}
  async isValidAppId(appId: string): Promise<boolean> {
    return appId === this.appId;
  }
  async isAuthenticationDisabled(): Promise<boolean> {
    return !this.appId;
  }
  async createCredentials(): Promise<Credentials> {
    const token = this.token;
    return {
      signRequest: async (request: { headers: { set(name: string, value: string): void } }) => {
        request.headers.set('authorization', `Bearer ${await token()}`);
        return request;
      },
    } as unknown as Credentials;
  }
}

/**
 * Whether an error from processActivity means "the caller is not authenticated": the SDK throws
 * AuthenticationError for missing or unendorsed tokens, but a forged signature surfaces as
 * jsonwebtoken's own error classes (the SDK would answer 500 for those).
 */
export function isAuthFailure(err: unknown): boolean {
  if (typeof err !== 'object' || err === null) return false;
  const e = err as { name?: unknown; statusCode?: unknown; message?: unknown };
  if (e.name === 'JsonWebTokenError' || e.name === 'TokenExpiredError' || e.name === 'NotBeforeError') return true;
  // AuthenticationError keeps the name 'Error'; its status code says what it is.
  return e.statusCode === 401 || e.statusCode === 403;
}
