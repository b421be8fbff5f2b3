/** `castmatch route "TEXT"`: which skill and arguments a message (or a `/cast …` command) would get, without running it. */
import { createApp } from '../app.js';
import { ChannelMemory } from '../memory/channel-memory.js';
import { channelKey } from '../bot/message.js';
import { cliLogger, configFrom, type GlobalOptions } from './runtime.js';

export interface RouteOptions extends GlobalOptions {
  json?: boolean;
  channel: string;
}

export async function routeCommand(text: string, opts: RouteOptions): Promise<void> {
  const config = configFrom(opts);
  const app = await createApp({ config, log: cliLogger(config) });
  try {
    const memory = new ChannelMemory(channelKey({ platform: 'local', workspace: 'local', channel: opts.channel }), app.db.store.channels);
    // A `/cast …` line is a slash command in chat, so it is routed as one here: the free-text
    // parser would guess at "/cast help" (a shortlist) instead of reading the command.
    const slash = /^\s*\/cast(\s|$)/.exec(text);
    const route = slash
      ? await app.engine.router.routeCommand(text.slice(slash[0].length).trim(), memory, new Date())
      : await app.engine.router.routeText(text, memory, new Date());
    if (route.kind !== 'skill') throw new Error('no skill matched');
    if (opts.json) process.stdout.write(`${JSON.stringify({ skill: route.skill, args: route.args, via: route.via })}\n`);
    else process.stdout.write(`${route.skill} ${JSON.stringify(route.args)} (via ${route.via})\n`);
  } finally {
    await app.close();
  }
}
