import { z } from 'zod';
import { Engine } from '../../src/bot/engine.js';
import { createLogger } from '../../src/log/logger.js';
import { defineSkill, type SkillDefinition, type SkillId } from '../../src/bot/skill.js';
import { textReply, type Reply } from '../../src/bot/reply.js';
import type { IncomingMessage } from '../../src/bot/message.js';
import type { Store } from '../../src/memory/store.js';
import type { Services } from '../../src/integrations/services.js';
import { TerminalChat } from '../../src/bot/adapters/terminal/terminal-chat.js';
import { createTestStore, tempDir } from '../helpers/store.js';

let store: Store;
const committed: Record<string, unknown>[] = [];

/** A side-effecting skill in the shape of book-audition: it proposes, and commits on confirmation. */
const bookLike = defineSkill({
  id: 'book-audition',
  description: 'test booking',
  examples: ['book Meera'],
  args: z.object({
    person: z.string().min(1, 'name the person'),
    op: z.string().optional(),
    when: z.string().optional(),
    role: z.string().optional(),
  }),
  sideEffects: true,
  run: async (ctx, args) => ctx.propose({ summary: `Book ${args.person}`, payload: { person: args.person } }),
  commit: async (_ctx, payload) => {
    committed.push(payload);
    return textReply(`Booked ${String(payload.person)}.`);
  },
});
const exploding = defineSkill({
  id: 'search-talent',
  description: 'fails',
  examples: ['find x'],
  args: z.object({ query: z.string() }),
  sideEffects: false,
  run: async () => {
    throw new Error('index exploded');
  },
});

function engine(): Engine {
  const skills = new Map<SkillId, SkillDefinition>([
    ['book-audition', bookLike as unknown as SkillDefinition],
    ['search-talent', exploding as unknown as SkillDefinition],
  ]);
  return new Engine({ store, skills, log: createLogger('silent'), services: {} as Services });
}

function message(text: string, extra: Partial<IncomingMessage> = {}): IncomingMessage {
  return {
    address: { platform: 'local', workspace: 'w1', channel: 'c1' },
    user: { id: 'u1' },
    text,
    addressed: true,
    receivedAt: new Date(),
    ...extra,
  };
}

async function turn(e: Engine, m: IncomingMessage): Promise<Reply[]> {
  const out: Reply[] = [];
  await e.handle(m, {
    send: async (r) => {
      out.push(r);
    },
    progress: async () => undefined,
  });
  return out;
}

beforeAll(async () => {
  store = await createTestStore();
});
afterAll(() => store?.close());
beforeEach(() => {
  committed.length = 0;
});

function confirmButtons(r: Reply) {
  const actions = r.blocks.find((b) => b.type === 'actions');
  if (actions?.type !== 'actions') throw new Error('no buttons');
  return actions.buttons;
}

test('a side effect is proposed, runs once on Confirm, and a second click runs nothing', async () => {
  const e = engine();
  const [proposal] = await turn(e, message('book Meera'));
  const [confirm, cancel] = confirmButtons(proposal!);
  expect([confirm?.label, cancel?.label]).toEqual(['Confirm', 'Cancel']);
  expect(committed).toEqual([]);

  const [done] = await turn(e, message('Confirm', { action: confirm!.action }));
  expect(done?.text).toBe('Booked Meera.');
  const [again] = await turn(e, message('Confirm', { action: confirm!.action }));
  expect(again?.isError).toBe(true);
  expect(again?.text).toMatch(/expired|already handled/);
  expect(committed).toEqual([{ person: 'Meera' }]);
});

test('only the requester can confirm, and "no" cancels', async () => {
  const e = engine();
  const [proposal] = await turn(e, message('book Omar'));
  const [confirm] = confirmButtons(proposal!);
  const [other] = await turn(e, message('Confirm', { action: confirm!.action, user: { id: 'intruder' } }));
  expect(other?.isError).toBe(true);
  const [no] = await turn(e, message('no'));
  expect(no?.text).toBe('Cancelled: Book Omar. Nothing was changed.');
  expect(committed).toEqual([]);
});

test('"yes" confirms the pending proposal of that user in that channel', async () => {
  const e = engine();
  await turn(e, message('book Ana'));
  const [elsewhere] = await turn(e, message('yes', { address: { platform: 'local', workspace: 'w1', channel: 'c2' } }));
  expect(committed).toEqual([]);
  expect(elsewhere?.text).not.toContain('Booked');
  const [done] = await turn(e, message('yes'));
  expect(done?.text).toBe('Booked Ana.');
});

test('arguments that fail the schema get a message with an example, not a crash', async () => {
  const [r] = await turn(engine(), message('x', { action: { skill: 'book-audition', args: { person: '' } } }));
  expect(r?.isError).toBe(true);
  expect(r?.text).toMatch(/person: name the person.*"book Meera"/);
});

test('a skill failure becomes an error reply with a reference, and the next turn works', async () => {
  const e = engine();
  const [r] = await turn(e, message('find a tall actor'));
  expect(r?.isError).toBe(true);
  expect(r?.text).toMatch(/reference [0-9a-f]{8}.*Nothing was changed/);
  const [next] = await turn(e, message('book Lee'));
  expect(confirmButtons(next!)).toHaveLength(2);
});

test('a retried delivery of the same event is handled once', async () => {
  const e = engine();
  const first = await turn(e, message('book Kim', { eventId: 'Ev123' }));
  const retry = await turn(e, message('book Kim', { eventId: 'Ev123' }));
  expect(first).toHaveLength(1);
  expect(retry).toHaveLength(0);
});

test('unaddressed chatter in a channel is ignored', async () => {
  expect(await turn(engine(), message('lunch anyone?', { addressed: false }))).toEqual([]);
});

test('terminal chat numbers buttons and presses them by number or label', async () => {
  const chat = new TerminalChat(engine(), { channel: 'term', user: 'u9', filesDir: await tempDir() });
  const [proposal] = await chat.say('book Zoe');
  expect(proposal?.text).toContain('[1] Confirm');
  expect(proposal?.text).toContain('[2] Cancel');
  const [done] = await chat.say('1');
  expect(done?.text).toBe('Booked Zoe.');
  await chat.say('book Yan');
  const [cancelled] = await chat.say('cancel');
  expect(cancelled?.text).toMatch(/^Cancelled: Book Yan/);
});
