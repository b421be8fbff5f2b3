/**
 * Where alerts go and what they say. OPS_CHANNEL (`platform:workspace:channel`) receives them as an
 * ordinary Reply through the Outbox, the same path as reminders; without it, they go to the log.
 * The configured address is the whole target (an alert opens no thread); what else a platform needs
 * to post there (a Teams service URL) its adapter keeps itself.
 */
import os from 'node:os';
import type { Logger } from 'pino';
import type { ConversationAddress, Platform } from '../bot/message.js';
import { addressFromChannelKey, channelKey } from '../memory/address.js';
import { reply, type Reply } from '../bot/reply.js';
import { renderText } from '../bot/render/text.js';
import type { Incident } from './incidents.js';
import { withTimeout } from './timeout.js';
import { CastMatchError } from '../errors/castmatch-error.js';

const PLATFORMS: readonly Platform[] = ['slack', 'teams', 'local', 'web'];

export class OpsChannelError extends CastMatchError<'ops_channel_invalid'> {
  constructor(value: string) {
    super(
      'ops_channel_invalid',
      `OPS_CHANNEL must look like platform:workspace:channel (platform one of ${PLATFORMS.join(', ')}), e.g. slack:T0123:C0456; got "${value}"`,
    );
  }
}

/**
 * Parses OPS_CHANNEL. The channel part may itself hold colons (Teams conversation ids such as
 * `19:abc@thread.tacv2`): everything after the second colon is the channel.
 */
export function parseOpsChannel(value: string): ConversationAddress {
  const address = addressFromChannelKey(value.trim());
  if (!PLATFORMS.includes(address.platform) || !address.workspace || !address.channel) throw new OpsChannelError(value);
  return address;
}

/** Anything that can post a Reply to an address (the Outbox). */
export interface AlertPoster {
  post(address: ConversationAddress, r: Reply): Promise<void>;
}

export interface AlertSinkOptions {
  poster: AlertPoster;
  /** OPS_CHANNEL's value; unset or invalid sends alerts to the log. */
  channel?: string;
  log: Logger;
  timeoutMs?: number;
}

export class AlertSink {
  private readonly address?: ConversationAddress;

  constructor(private readonly opts: AlertSinkOptions) {
    if (opts.channel) {
      try {
        this.address = parseOpsChannel(opts.channel);
      } catch (err) {
        opts.log.error({ err: (err as Error).message }, 'alerts will go to the log');
      }
    }
  }

  /** Where alerts go, for the status reply. */
  get target(): string {
    return this.address ? channelKey(this.address) : 'the log (OPS_CHANNEL not set)';
  }

  /** Delivers one alert; false when it could not be posted (the monitor tries again next tick). */
  async send(r: Reply, kind: 'alert' | 'recovery'): Promise<boolean> {
    const text = renderText(r);
    if (!this.address) {
      this.opts.log.warn({ ops: kind, text }, `ops ${kind}`);
      return true;
    }
    try {
      await withTimeout(this.opts.poster.post(this.address, r), this.opts.timeoutMs ?? 10_000, 'ops channel post');
      this.opts.log.info({ ops: kind, channel: channelKey(this.address) }, `ops ${kind} posted`);
      return true;
    } catch (err) {
      this.opts.log.error({ err, ops: kind, text }, `ops ${kind} could not be posted; will try again`);
      return false;
    }
  }
}

export function alertReply(inc: Incident, now: Date): Reply {
  const minutes = minutesBetween(inc.since, now);
  return reply(`ALERT ${inc.title}: ${inc.detail} (since ${inc.since})`)
    .heading(`🔴 CastMatch alert: ${inc.title}`)
    .section(inc.detail)
    .fields([
      { label: 'Since', value: `${inc.since} (${minutes} min)` },
      { label: 'Instance', value: instance() },
    ])
    .context('One message per incident: I will post here again when it clears.')
    .build();
}

export function recoveryReply(inc: Incident, now: Date, detail: string): Reply {
  const minutes = minutesBetween(inc.since, now);
  return reply(`RECOVERED ${inc.title.replace(/ is down$/, ' is back')} after ${minutes} min: ${detail}`)
    .heading(`✅ CastMatch recovered: ${inc.title.replace(/ is down$/, ' is back')}`)
    .section(detail)
    .fields([
      { label: 'Lasted', value: `${minutes} min (since ${inc.since})` },
      { label: 'Instance', value: instance() },
    ])
    .build();
}

function minutesBetween(sinceIso: string, now: Date): number {
  return Math.max(0, Math.round((now.getTime() - Date.parse(sinceIso)) / 60_000));
}

function instance(): string {
  return `${os.hostname()} (pid ${process.pid})`;
}
