/**
 * Bot Framework authentication: the CloudAdapter, configured from MICROSOFT_APP_* (emulator mode
 * without an app id), inbound JWTs checked against the Bot Connector's OpenID metadata (overridable
 * for private clouds and tests), and outbound tokens from MSAL or a supplied token source.
 */
import {
  CallerIdConstants, CloudAdapter, ConfigurationBotFrameworkAuthentication, ConfigurationServiceClientCredentialFactory,
} from 'botbuilder';
import type { Activity, InvokeResponse, TurnContext } from 'botbuilder';
import type { Config } from '../../../config/config.js';

/** CloudAdapter with its request pipeline callable on an activity we parsed ourselves. */
export class TeamsCloudAdapter extends CloudAdapter {
  /** Authenticates the request and runs `logic` on its turn; throws when authentication fails. */
  handleActivity(authHeader: string, activity: Activity, logic: (context: TurnContext) => Promise<void>): Promise<InvokeResponse | undefined> {
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

export type TeamsConfig = Pick<Config, 'MICROSOFT_APP_ID' | 'MICROSOFT_APP_PASSWORD' | 'MICROSOFT_APP_TENANT_ID' | 'MICROSOFT_APP_TYPE' | 'BOT_OPENID_METADATA_URL'>;

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
    : new ConfigurationServiceClientCredentialFactory(settings);
  const cloud = new TeamsCloudAdapter(new ConfigurationBotFrameworkAuthentication(settings, factory));
  if (!appId) return { cloud, appId };
  const loginUrl = LOGIN_PREFIX + (config.MICROSOFT_APP_TYPE === 'SingleTenant' && config.MICROSOFT_APP_TENANT_ID ? config.MICROSOFT_APP_TENANT_ID : 'botframework.com');
  return {
    cloud, appId,
    token: opts.outboundToken ?? (async () => {
      const credentials = await factory.createCredentials(appId, CONNECTOR_SCOPE, loginUrl, true) as Credentials & { getToken?: (force?: boolean) => Promise<string> };
      if (!credentials.getToken) throw new Error('these credentials cannot issue a token');
      return credentials.getToken(false);
    }),
  };
}

/** Signs outbound connector calls with tokens from a supplied source instead of MSAL. */
class StaticTokenCredentialsFactory implements CredentialsFactory {
  constructor(private readonly appId: string, private readonly token: () => Promise<string>) {}
  async isValidAppId(appId: string): Promise<boolean> { return appId === this.appId; }
  async isAuthenticationDisabled(): Promise<boolean> { return !this.appId; }
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
