/**
 * A screenplay becomes a channel's active project (`castmatch analyze FILE --save`, `castmatch
 * demo`) by being shared into that channel with `/cast analyze`, exactly as `/upload FILE` in
 * `castmatch chat` does: the analyze-script skill parses it, stores the project (with Claude's role
 * notes when Claude is configured) and makes it active, so nothing here decides what a project is.
 */
import type { App } from '../app.js';
import { localFile } from '../bot/adapters/terminal/local-file.js';
import type { Reply } from '../bot/reply.js';
import type { ProjectRecord } from '../memory/records.js';
import { activeProject, LOCAL } from './local-workspace.js';

/** Returns the stored project; throws with the bot's own reply when the file was refused. */
export async function saveScript(app: App, file: string, channel: string): Promise<ProjectRecord> {
  const before = (await activeProject(app, channel))?.id;
  const replies: Reply[] = [];
  await app.engine.handle(
    {
      address: { ...LOCAL, channel },
      // Who `castmatch chat` is unless --user says otherwise.
      user: { id: 'me', name: 'me' },
      text: '/cast analyze',
      // The slash command is routed by grammar: a .csv is analyzed (and refused), never imported as a roster.
      command: { name: '/cast', text: 'analyze' },
      files: [await localFile(file)],
      addressed: true,
      receivedAt: new Date(),
    },
    {
      send: async (reply) => {
        replies.push(reply);
      },
      progress: async () => undefined,
    },
  );
  const after = await activeProject(app, channel);
  if (!after || after.id === before) {
    throw new Error(
      replies
        .map((r) => r.text)
        .filter(Boolean)
        .join(' ') || `${file} was not saved`,
    );
  }
  return after;
}
