/**
 * Builds the Bolt app for the configuration at hand:
 * - receiver: HTTP (`/slack/events`, `/slack/commands`, `/slack/interactions` mounted on the bot's
 *   own server, signatures and timestamps verified by Bolt, future dates refused before it by
 *   request-guard.ts) or Socket Mode with `SLACK_APP_TOKEN`;
 * - authorization: one workspace with `SLACK_BOT_TOKEN`, or multi-workspace OAuth
 *   (`SLACK_CLIENT_ID`/`SECRET`/`STATE_SECRET`, `/slack/install` and `/slack/oauth_redirect`)
 *   with installations kept in the database.
 * The Web API client goes to `SLACK_API_URL`, retries by the given policy and honours 429 Retry-After.
 */
import { App, HTTPReceiver, SocketModeReceiver, webApi, type Receiver } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Config } from '../../../config/config.js';
import type { Store } from '../../../memory/store.js';
import type { HttpRoute } from '../../http/route.js';
import { boltLogger } from './bolt-logger.js';
import { guardSlackRequests } from './request-guard.js';
import { DatabaseInstallationStore, SlackNotInstalledError } from './installation-store.js';
import type { ClientForTeam } from './poster.js';
import { CastMatchError } from '../../../errors/castmatch-error.js';

/** Paths Slack posts to in HTTP mode (the manifest's request URLs). */
export const SLACK_PATHS = {
  events: '/slack/events',
  commands: '/slack/commands',
  interactions: '/slack/interactions',
  install: '/slack/install',
  redirect: '/slack/oauth_redirect',
} as const;

/** The bot scopes CastMatch asks for (kept equal to manifests/slack/manifest.yaml by a test). */
export const BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'groups:history',
  'im:history',
  'chat:write',
  'commands',
  'files:read',
  'files:write',
  'users:read',
];

export interface BoltOptions {
  /** The bot's ids: given, they spare the `auth.test` call at start (tests, fixed deployments). */
  botId?: string;
  botUserId?: string;
  /** Web API retry policy; default five retries in five minutes. Tests use few and fast ones. */
  retryConfig?: webApi.RetryOptions;
  /** Forces Socket Mode on or off; default: on when SLACK_APP_TOKEN is set. */
  socketMode?: boolean;
}

export interface BoltSetup {
  app: App;
  mode: 'http' | 'socket';
  oauth: boolean;
  /** Routes for the bot's HTTP server (none in Socket Mode). */
  routes: HttpRoute[];
  /** The bot token's client for a workspace, for proactive posts. */
  clientFor: ClientForTeam;
}

/** Thrown when the Slack variables do not describe a usable app; names the variable to set. */
export class SlackConfigError extends CastMatchError<'slack_config_invalid'> {
  constructor(message: string) {
    super('slack_config_invalid', message);
  }
}

export function createBoltApp(config: Config, store: Store, log: Logger, opts: BoltOptions = {}): BoltSetup {
  const logger = boltLogger(log);
  const clientOptions: webApi.WebClientOptions = {
    slackApiUrl: config.SLACK_API_URL,
    retryConfig: opts.retryConfig ?? webApi.retryPolicies.fiveRetriesInFiveMinutes,
    // Slack asks clients to wait as long as Retry-After says, not to give up.
    rejectRateLimitedCalls: false,
    logger,
  };
  const socket = opts.socketMode ?? Boolean(config.SLACK_APP_TOKEN);
  const oauth = !config.SLACK_BOT_TOKEN;
  if (oauth && !(config.SLACK_CLIENT_ID && config.SLACK_CLIENT_SECRET)) {
    throw new SlackConfigError('Slack needs SLACK_BOT_TOKEN (one workspace) or SLACK_CLIENT_ID and SLACK_CLIENT_SECRET (OAuth install)');
  }
  if (oauth && !config.SLACK_STATE_SECRET) throw new SlackConfigError('SLACK_STATE_SECRET: required for the Slack OAuth install flow');
  if (socket && !config.SLACK_APP_TOKEN) throw new SlackConfigError('SLACK_APP_TOKEN: required for Socket Mode');
  if (!socket && !config.SLACK_SIGNING_SECRET)
    throw new SlackConfigError('SLACK_SIGNING_SECRET: required to verify Slack requests in HTTP mode');

  const installationStore = oauth ? new DatabaseInstallationStore(store) : undefined;
  const installer = oauth
    ? {
        clientId: config.SLACK_CLIENT_ID,
        clientSecret: config.SLACK_CLIENT_SECRET,
        stateSecret: config.SLACK_STATE_SECRET,
        installationStore,
        scopes: BOT_SCOPES,
        installerOptions: { installPath: SLACK_PATHS.install, redirectUriPath: SLACK_PATHS.redirect, directInstall: true, clientOptions },
      }
    : { installerOptions: { clientOptions } };

  let receiver: Receiver;
  let routes: HttpRoute[] = [];
  if (socket) {
    receiver = new SocketModeReceiver({ appToken: config.SLACK_APP_TOKEN!, logger, ...installer });
  } else {
    const http = new HTTPReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET!,
      logger,
      ...installer,
      endpoints: [SLACK_PATHS.events, SLACK_PATHS.commands, SLACK_PATHS.interactions],
    });
    const listener = http.requestListener;
    // Replays are dropped after the acknowledgement (listeners.ts), off its three-second path.
    const guarded = guardSlackRequests(listener, log);
    routes = [SLACK_PATHS.events, SLACK_PATHS.commands, SLACK_PATHS.interactions].map((path) => ({
      method: 'POST' as const,
      path,
      listener: guarded,
    }));
    if (oauth) routes.push({ method: 'GET', path: SLACK_PATHS.install, listener }, { method: 'GET', path: SLACK_PATHS.redirect, listener });
    receiver = http;
  }

  const app = new App({
    receiver,
    logger,
    clientOptions,
    ignoreSelf: true,
    // Bolt's conversation store is an in-memory cache CastMatch never reads (memory lives in the
    // database); leaving it out takes a middleware off every request's path to its acknowledgement.
    convoStore: false,
    ...(oauth
      ? {}
      : {
          token: config.SLACK_BOT_TOKEN,
          ...(opts.botId ? { botId: opts.botId } : {}),
          ...(opts.botUserId ? { botUserId: opts.botUserId } : {}),
          // With the ids given, there is nothing for auth.test to tell: skip the start-up call.
          tokenVerificationEnabled: !(opts.botId && opts.botUserId),
        }),
  });

  const clients = new Map<string, webApi.WebClient>();
  const clientFor: ClientForTeam = async (team, enterprise) => {
    if (!installationStore) return app.client;
    // A workspace that never installed the app has no row; a store that fails is another matter.
    const installation = await installationStore
      .fetchInstallation({ teamId: team, enterpriseId: enterprise, isEnterpriseInstall: false })
      .catch((err: unknown) => {
        if (err instanceof SlackNotInstalledError) return undefined;
        log.error({ err, team }, 'Slack installation could not be read');
        throw err;
      });
    const token = installation?.bot?.token;
    if (!token) throw Object.assign(new Error(`no bot token for Slack workspace ${team}`), { data: { error: 'missing_installation' } });
    let client = clients.get(token);
    if (!client) clients.set(token, (client = new webApi.WebClient(token, clientOptions)));
    return client;
  };
  return { app, mode: socket ? 'socket' : 'http', oauth, routes, clientFor };
}
