/** Shared set-up for the booking tests: an app with the sample roster, a project, a fixed clock. */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createTestApp, conversation, visibleText, ROSTER, type TestApp } from '../../helpers/app.js';
import { ChannelMemory } from '../../../src/memory/channel-memory.js';
import type { ProjectRecord, RoleRecord } from '../../../src/memory/records.js';
import type { Reply } from '../../../src/bot/reply.js';
import type { ConversationAddress, SharedFile } from '../../../src/bot/message.js';
import type { ProactivePoster } from '../../../src/bot/turn-handler.js';
import type { AppOptions } from '../../../src/app.js';

export const TENANT = 'local:studio';
export const CHANNEL = 'local:studio:casting';

export interface Clock {
  now: Date;
  set(iso: string): void;
}
export function fixedClock(iso: string): Clock {
  const c = {
    now: new Date(iso),
    set(v: string) {
      c.now = new Date(v);
    },
  };
  return c;
}

/** The app on a temp database, the sample roster imported, and a project with MARIA and JOE active in #casting. */
/**
 * The sample roster cut down to some people (header kept): importing 400 people takes seconds,
 * which tests that need only a few need not spend.
 */
export function rosterOf(ids: string[]): SharedFile {
  const [header, ...rows] = readFileSync(ROSTER, 'utf8').split('\n');
  const data = new TextEncoder().encode([header, ...rows.filter((r) => ids.some((id) => r.startsWith(`${id},`)))].join('\n'));
  return { name: 'roster.csv', size: data.length, fetch: async () => data };
}

export interface BookingAppOptions {
  /** Job definitions and posters; given, the scheduler is started after it (real clock only). */
  beforeStart?: (app: TestApp) => void;
  /** A smaller roster (see rosterOf) instead of the whole sample. */
  roster?: SharedFile;
}

export async function bookingApp(
  env: Record<string, string> = {},
  opts: Partial<AppOptions> = {},
  extra: BookingAppOptions = {},
): Promise<{ app: TestApp; chat: ReturnType<typeof conversation>; project: ProjectRecord }> {
  const app = await createTestApp(
    { EMBEDDING_MODEL: 'hashed-64', CASTMATCH_TIME_ZONE: 'Europe/London', ...env },
    { schedulerPollMs: 100, ...opts },
  );
  const chat = conversation(app);
  try {
    // Jobs run only where a test asks for them: these tests' clocks are fixed in the past, and a
    // started Agenda (on the real clock) would run every reminder the moment it is booked.
    if (extra.beforeStart) {
      extra.beforeStart(app);
      await app.startScheduler();
    }
    const imported = extra.roster ? await chat.uploadFile(extra.roster) : await chat.upload(ROSTER);
    if (!/\b[1-9]\d* new\b/.test(imported.replies.map((r) => r.text).join(' ')))
      throw new Error(`roster import failed: ${imported.replies[0]?.text}`);
    const project = await seedProject(app);
    return { app, chat, project };
  } catch (err) {
    await app.dispose();
    throw err;
  }
}

export async function seedProject(
  app: TestApp,
  channel = CHANNEL,
  roles: RoleRecord[] = [
    { name: 'MARIA', details: { gender: 'female' } },
    { name: 'JOE', details: { gender: 'male' } },
  ],
): Promise<ProjectRecord> {
  const project: ProjectRecord = {
    id: randomUUID(),
    tenant: TENANT,
    channel,
    title: 'Brick and Steel',
    sourceFile: 'brick_and_steel.fountain',
    fileHash: randomUUID(),
    roles,
    breakdown: {},
    createdAt: new Date(),
  };
  await app.db.store.projects.save(project);
  await new ChannelMemory(channel, app.db.store.channels).setActiveProject(project.id);
  return project;
}

/** Presses a button that carries these book-audition arguments (as a card button would). */
export function act(chat: ReturnType<typeof conversation>, args: Record<string, unknown>) {
  const r: Reply = { text: 'x', blocks: [{ type: 'actions', buttons: [{ label: 'Go', action: { skill: 'book-audition', args } }] }] };
  return chat.press('Go', r);
}

export const only = (t: { replies: Reply[] }): Reply => {
  if (t.replies.length !== 1) throw new Error(`expected one reply, got ${t.replies.length}`);
  return t.replies[0]!;
};
export const shown = (t: { replies: Reply[] }) => visibleText(only(t));
export const icsOf = (r: Reply) =>
  (r.files ?? []).filter((f) => f.name.endsWith('.ics')).map((f) => new TextDecoder().decode(f.data).replace(/\r\n /g, ''));

/** Captures proactive posts (reminders) of the local platform: into conversations, and direct to people. */
export class CapturingPoster implements ProactivePoster {
  readonly platform = 'local' as const;
  readonly posts: { address: ConversationAddress; reply: Reply; at: Date }[] = [];
  readonly direct: { from: ConversationAddress; userId: string; reply: Reply; at: Date }[] = [];
  /** Set, direct messages fail with this error (after being counted in `attempts`). */
  failDirect: Error | undefined;
  directAttempts = 0;
  async post(address: ConversationAddress, reply: Reply): Promise<void> {
    this.posts.push({ address, reply, at: new Date() });
  }
  async postDirect(from: ConversationAddress, userId: string, reply: Reply): Promise<void> {
    this.directAttempts++;
    if (this.failDirect) throw this.failDirect;
    this.direct.push({ from, userId, reply, at: new Date() });
  }
}

export async function waitFor(check: () => boolean | Promise<boolean>, ms = 8000): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('timed out waiting');
}
