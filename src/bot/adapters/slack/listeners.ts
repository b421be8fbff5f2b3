/**
 * Bolt listeners: each acknowledges first (Slack waits 3 s at most), turns the payload into an
 * IncomingMessage and hands it to `run`, which does the work after the HTTP answer. Events are
 * claimed by event id in the database so a retry (`X-Slack-Retry-Num`) posts once, and each shared
 * file is claimed by id because Slack announces one upload several ways (`message` with files,
 * `app_mention` with files, `file_shared`).
 */
import type { App, webApi } from '@slack/bolt';
import type { Logger } from 'pino';
import type { Config } from '../../../config/config.js';
import type { Store } from '../../../memory/store.js';
import type { IncomingMessage, SharedFile } from '../../message.js';
import { errorReply } from '../../reply.js';
import { ACTION_ID, decodeAction } from './actions.js';
import { fileIntake, FileRefusedError } from '../../file-intake.js';
import { fileName, needsFileInfo, sharedFile, type SlackFile } from './files.js';
import { BOOKING_CALLBACK, bookingModal, metaFor, readBookingSubmission, wantsBookingModal } from './modal.js';
import { fromAction, fromMessageEvent, fromSlashCommand, mentions, type MessageEventPayload, type Where } from './parse.js';
import { SlackReplySink, type SinkTarget } from './sink.js';

const EVENT_ONCE_MS = 24 * 3_600_000;

export interface ListenerDeps {
  config: Config;
  store: Store;
  log: Logger;
  now: () => Date;
  /** Slash command name (the manifest's). */
  command: string;
  /** Origins the bot token may be sent to for file downloads. */
  trustedFileOrigins: string[];
  /** Runs a turn after the acknowledgement; tracked for shutdown. */
  run(message: IncomingMessage, sink: SlackReplySink): void;
}

type Client = webApi.WebClient;
type MessageEvent = MessageEventPayload & { subtype?: string; bot_id?: string; files?: SlackFile[] };

export function registerListeners(app: App, d: ListenerDeps): void {
  const sinkFor = (client: Client, target: SinkTarget) => new SlackReplySink(client, target, d.log);
  const intake = fileIntake(d.config);

  /**
   * True the first time an event, command or button press id is seen. A repeated event is one of
   * Slack's retries; a repeated command or press can only be a replay.
   */
  const claimOnce = async (kind: 'event' | 'command' | 'action', id: string | undefined, retryNum?: number): Promise<boolean> => {
    if (!id) return true;
    const first = await d.store.once.claim(`slack:${kind}:${id}`, EVENT_ONCE_MS);
    if (!first && kind === 'event') d.log.info({ eventId: id, retryNum }, 'Slack event already handled; retry dropped');
    else if (!first) d.log.warn({ kind }, 'replayed Slack request dropped');
    return first;
  };

  /**
   * The files of an event this call is the first to claim, with details from files.info where the
   * event lacks them. Files of an unusable type or size are answered here and never downloaded.
   */
  const takeFiles = async (
    files: SlackFile[],
    ctx: { team: string; client: Client; token: string; addressed: boolean; sink: SlackReplySink },
  ): Promise<SharedFile[] | undefined> => {
    const taken: SharedFile[] = [];
    let claimedAny = false;
    for (const listed of files) {
      if (!(await d.store.once.claim(`slack:file:${ctx.team}:${listed.id}`, EVENT_ONCE_MS))) continue;
      claimedAny = true;
      const file = needsFileInfo(listed)
        ? (((await ctx.client.files.info({ file: listed.id })).file as SlackFile | undefined) ?? listed)
        : listed;
      try {
        intake.admit({ name: fileName(file), size: file.size });
      } catch (err) {
        if (!(err instanceof FileRefusedError)) throw err;
        d.log.info({ file: file.id, code: err.code, size: file.size }, 'shared file refused before download');
        // An unreadable file in a channel is none of the bot's business unless it was asked.
        if (err.reason === 'size' || ctx.addressed) await ctx.sink.send(errorReply(err.message));
        continue;
      }
      taken.push(sharedFile(file, ctx.token, d.trustedFileOrigins));
    }
    return claimedAny ? taken : undefined;
  };

  /** Who and how an event came: the same for every message-like event. */
  const delivery = (
    body: { team_id: string; enterprise_id?: string; event_id: string },
    context: { retryNum?: number; botUserId?: string; botToken?: string },
    client: Client,
  ) => ({
    team: body.team_id,
    enterprise: body.enterprise_id,
    eventId: body.event_id,
    retryNum: context.retryNum,
    botUserId: context.botUserId,
    client,
    token: context.botToken ?? '',
  });

  /** A message-like event (mention, DM, file share), files included. */
  const onMessage = async (
    event: MessageEvent,
    a: {
      team: string;
      enterprise?: string | undefined;
      eventId?: string | undefined;
      retryNum?: number | undefined;
      botUserId?: string | undefined;
      client: Client;
      token: string;
    },
  ) => {
    if (!(await claimOnce('event', a.eventId, a.retryNum))) return;
    const sink = sinkFor(a.client, { channel: event.channel, thread: event.thread_ts, user: event.user ?? '' });
    const base = fromMessageEvent(event, { team: a.team, enterprise: a.enterprise, botUserId: a.botUserId, now: d.now() });
    let files: SharedFile[] = [];
    if (event.files?.length) {
      const taken = await takeFiles(event.files, { team: a.team, client: a.client, token: a.token, addressed: base.addressed, sink });
      // Every file was already handled through another event of the same upload.
      if (taken === undefined) return;
      files = taken;
      // Nothing readable was left, and the text alone was not addressed to the bot.
      if (!files.length && (!base.addressed || !base.text)) return;
    }
    d.run(files.length ? { ...base, files } : base, sink);
  };

  app.command(d.command, async ({ command, ack, respond, client }) => {
    await ack();
    // Slack sends a command once, with a trigger id of its own: the same one again is a replay.
    if (!(await claimOnce('command', command.trigger_id))) return;
    const message = fromSlashCommand(command, d.now());
    d.run(message, sinkFor(client, { channel: command.channel_id, user: command.user_id, respond }));
  });

  app.event('app_mention', async ({ event, body, context, client }) => {
    const e = event as unknown as MessageEvent;
    await onMessage(e, delivery(body, context, client));
  });

  app.message(async ({ message, body, context, client }) => {
    const e = message as unknown as MessageEvent;
    if (e.subtype && e.subtype !== 'file_share' && e.subtype !== 'thread_broadcast') return;
    if (e.bot_id) return; // other bots: answering them risks loops
    const direct = e.channel_type === 'im';
    // In channels, text addressed to the bot arrives as app_mention; only file shares are read here.
    if (!direct && !e.files?.length) return;
    if (!direct && context.botUserId && mentions(e.text ?? '', context.botUserId) && !e.files?.length) return;
    await onMessage(e, delivery(body, context, client));
  });

  app.event('file_shared', async ({ event, body, context, client }) => {
    const channel = event.channel_id;
    const e: MessageEvent = {
      user: event.user_id,
      channel,
      ts: event.event_ts,
      text: '',
      ...(channel.startsWith('D') ? { channel_type: 'im' } : {}),
      files: [{ id: event.file_id, file_access: 'check_file_info' }],
    };
    await onMessage(e, delivery(body, context, client));
  });

  app.action(ACTION_ID, async ({ ack, body, action, client, respond }) => {
    await ack();
    if (body.type !== 'block_actions' || action.type !== 'button' || !('action_id' in action)) return;
    if (!(await claimOnce('action', `${body.trigger_id}:${action.action_ts}`))) return;
    const press = decodeAction(action.value);
    const channel = body.channel?.id ?? body.container?.channel_id;
    const team = body.team?.id ?? body.user.team_id;
    if (!press || !channel || !team) {
      d.log.warn({ actionId: action.action_id, hasChannel: Boolean(channel) }, 'Slack button without a readable CastMatch action; ignored');
      return;
    }
    const where: Where = { team, channel, thread: body.message?.thread_ts, enterprise: body.enterprise?.id };
    const label = action.text.text;
    if (wantsBookingModal(press) && body.trigger_id) {
      await client.views.open({ trigger_id: body.trigger_id, view: bookingModal(metaFor(press, where, label), d.config.AUDITION_MINUTES) });
      return;
    }
    const message = fromAction(press, {
      where,
      user: { id: body.user.id, name: body.user.username ?? body.user.name },
      label,
      now: d.now(),
      raw: body,
    });
    d.run(message, sinkFor(client, { channel, thread: where.thread, user: body.user.id, respond }));
  });

  app.view(BOOKING_CALLBACK, async ({ ack, view, body, client }) => {
    const read = readBookingSubmission(view as Parameters<typeof readBookingSubmission>[0]);
    if (!read.ok) {
      await ack({ response_action: 'errors', errors: read.errors });
      return;
    }
    await ack();
    const { meta, action } = read;
    const message = fromAction(action, {
      where: meta,
      user: { id: body.user.id, name: body.user.name },
      label: `Book ${meta.label}`,
      now: d.now(),
      raw: body,
    });
    d.run(message, sinkFor(client, { channel: meta.channel, thread: meta.thread, user: body.user.id }));
  });

  app.error(async (err) => {
    // A listener bug is logged; Slack has already been acknowledged, so nothing is retried.
    d.log.error({ err: err.original ?? err, code: err.code }, 'Slack listener failed');
  });
}
