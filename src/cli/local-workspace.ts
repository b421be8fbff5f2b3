/**
 * The terminal's workspace (`local:local`): the roster `castmatch chat` searches and the channels it
 * talks in. Every command acts for it, so what `import talent` or `analyze --save` stores is what
 * `chat`, `search` and `shortlist` find.
 */
import type { App } from '../app.js';
import { channelKey, tenantKey } from '../bot/message.js';
import { ChannelMemory } from '../memory/channel-memory.js';
import type { ProjectRecord } from '../memory/records.js';
import { correctedProject } from '../casting/script/corrections.js';

export const LOCAL = { platform: 'local' as const, workspace: 'local' };
export const TENANT = tenantKey(LOCAL);

export function channelMemory(app: App, channel: string): ChannelMemory {
  return new ChannelMemory(channelKey({ ...LOCAL, channel }), app.db.store.channels);
}

/** The script a channel works from: the last one analyzed there. */
/** The channel's active project, with the team's corrections to its roles in force. */
export async function activeProject(app: App, channel: string): Promise<ProjectRecord | undefined> {
  const memory = channelMemory(app, channel);
  const id = await memory.activeProjectId();
  const project = id ? await app.db.store.projects.get(id) : undefined;
  return project && correctedProject(app.db.store.channels, memory.key, project);
}
