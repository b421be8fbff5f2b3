/**
 * The Slack adapter: CastMatch as a Slack app through `@slack/bolt`. HTTP mode mounts Slack's request
 * URLs on the bot's own server (Bolt verifies signatures and rejects stale timestamps with 401);
 * Socket Mode connects out with `SLACK_APP_TOKEN`. Every request is acknowledged first and the turn
 * runs afterwards, replying through `chat.postMessage` or the `response_url`. `@slack/*` is imported
 * in this folder and nowhere else in the code base.
 */
import type { Logger } from 'pino';
import type { AdapterDeps, ChatAdapter } from '../adapter.js';
import type { HttpRoute } from '../../http/route.js';
import { channelKey, type IncomingMessage } from '../../message.js';
import { createBoltApp, type BoltOptions, type BoltSetup } from './bolt-app.js';
import { registerListeners } from './listeners.js';
import { SlackPoster } from './poster.js';
import type { SlackReplySink } from './sink.js';
import { TurnQueue } from './turn-queue.js';

export { SLACK_PATHS, BOT_SCOPES } from './bolt-app.js';

export interface SlackAdapterOptions extends BoltOptions {
  /** The slash command (default `/cast`, as in manifests/slack/manifest.yaml). */
  command?: string;
  /** Turns run at once after their acknowledgement (default 4); the rest wait their turn. */
  maxConcurrentTurns?: number;
  now?: () => Date;
}

/** The Slack ChatAdapter; `settled` lets shutdown and tests wait for acknowledged work. */
export interface SlackChatAdapter extends ChatAdapter {
  readonly poster: SlackPoster;
  readonly mode: 'http' | 'socket';
  /** Resolves once every turn acknowledged so far has finished. */
  settled(): Promise<void>;
  /** Readiness: `auth.test` with the bot token (single workspace). */
  check(): Promise<{ ok: boolean; detail?: string }>;
}

/** Files are downloaded with the bot token only from Slack's file host or the configured API host. */
const SLACK_FILES_ORIGIN = 'https://files.slack.com';

/**
 * Creates the Slack adapter from SLACK_* configuration: `SLACK_BOT_TOKEN` for one workspace or
 * `SLACK_CLIENT_ID`/`SLACK_CLIENT_SECRET`/`SLACK_STATE_SECRET` for OAuth installs; Socket Mode when
 * `SLACK_APP_TOKEN` is set. Throws SlackConfigError naming the missing variable.
 */
export function createSlackAdapter(deps: AdapterDeps & SlackAdapterOptions): SlackChatAdapter {
  return new SlackAdapter(deps);
}

class SlackAdapter implements SlackChatAdapter {
  readonly name = 'slack';
  readonly routes: HttpRoute[];
  readonly poster: SlackPoster;
  readonly mode: 'http' | 'socket';
  private readonly bolt: BoltSetup;
  private readonly log: Logger;
  private readonly inFlight = new Set<Promise<void>>();
  private readonly queue: TurnQueue;
  private stopping = false;
  private started = false;

  constructor(private readonly deps: AdapterDeps & SlackAdapterOptions) {
    this.log = deps.log.child({ platform: 'slack' });
    this.queue = new TurnQueue(deps.maxConcurrentTurns ?? 4);
    const now = deps.now ?? (() => new Date());
    this.bolt = createBoltApp(deps.config, deps.store, this.log, deps);
    this.mode = this.bolt.mode;
    this.routes = this.bolt.routes.map((route) => ({ ...route, listener: this.holdingTurns(route.listener) }));
    this.poster = new SlackPoster(this.bolt.clientFor, this.log);
    registerListeners(this.bolt.app, {
      config: deps.config,
      store: deps.store,
      log: this.log,
      now,
      command: deps.command ?? '/cast',
      trustedFileOrigins: [SLACK_FILES_ORIGIN, new URL(deps.config.SLACK_API_URL).origin],
      run: (message, sink) => this.run(message, sink),
    });
  }

  /** Socket Mode opens its connection here; in HTTP mode the routes are already live. */
  async start(): Promise<void> {
    if (this.mode === 'socket' && !this.started) {
      await this.bolt.app.start();
      this.started = true;
    }
  }

  /** Stops taking work and waits (bounded) for turns already acknowledged. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.started) {
      this.started = false;
      await this.bolt.app.stop().catch((err: unknown) => this.log.warn({ err }, 'Socket Mode did not close cleanly'));
    }
    const grace = new Promise((r) => setTimeout(r, this.deps.config.SHUTDOWN_GRACE_MS).unref());
    await Promise.race([Promise.allSettled([...this.inFlight]), grace]);
  }

  async settled(): Promise<void> {
    while (this.inFlight.size) await Promise.allSettled([...this.inFlight]);
  }

  async check(): Promise<{ ok: boolean; detail?: string }> {
    if (this.bolt.oauth) return { ok: true, detail: 'OAuth installs: tokens per workspace in the database' };
    try {
      const res = await this.bolt.app.client.auth.test();
      return { ok: true, detail: `bot ${String(res.user ?? res.user_id)} in ${String(res.team ?? res.team_id)}` };
    } catch (err) {
      this.log.warn({ err }, 'Slack auth.test failed');
      return { ok: false, detail: `Slack auth.test failed: ${(err as Error).message}` };
    }
  }

  /**
   * While a Slack request waits for its acknowledgement, queued turns do not start: a burst of
   * commands is acknowledged before the work it brought competes with it for the event loop.
   */
  private holdingTurns(listener: HttpRoute['listener']): HttpRoute['listener'] {
    return (req, res) => {
      res.once('close', this.queue.hold());
      return listener(req, res);
    };
  }

  /** Runs a turn after the acknowledgement; the engine turns failures into a reply, never a throw. */
  private run(message: IncomingMessage, sink: SlackReplySink): void {
    if (this.stopping) {
      this.log.warn({ channel: channelKey(message.address) }, 'Slack turn dropped: shutting down');
      return;
    }
    const job: Promise<void> = this.queue
      .run(() => this.deps.handler.handle(message, sink))
      .catch((err: unknown) => this.log.error({ err, channel: channelKey(message.address) }, 'Slack turn failed after acknowledgement'))
      .finally(() => this.inFlight.delete(job));
    this.inFlight.add(job);
  }
}
