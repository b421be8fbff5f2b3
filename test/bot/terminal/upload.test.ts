/**
 * `/upload PATH [text]` in `castmatch chat`: screenplay names have spaces, so the path may be
 * quoted as a shell word (as `castmatch analyze` prints it) or not, and the rest is the message.
 */
import { copyFile, mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import { TerminalChat } from '../../../src/bot/adapters/terminal/terminal-chat.js';
import type { IncomingMessage } from '../../../src/bot/message.js';
import { textReply } from '../../../src/bot/reply.js';
import type { TurnHandler } from '../../../src/bot/turn-handler.js';
import { SCRIPTS } from '../../helpers/fixtures.js';
import { tempDir } from '../../helpers/store.js';

let dir: string;
let bigFish: string;
let apostrophe: string;
beforeAll(async () => {
  dir = await tempDir();
  await mkdir(path.join(dir, 'my scripts'));
  bigFish = path.join(dir, 'my scripts', 'Big Fish.fountain');
  apostrophe = path.join(dir, 'my scripts', "Steel's  Last Case.fountain");
  await copyFile(path.join(SCRIPTS, 'brick_and_steel.fountain'), bigFish);
  await copyFile(path.join(SCRIPTS, 'brick_and_steel.fountain'), apostrophe);
});
afterAll(() => rm(dir, { recursive: true, force: true }));

/** What the bot receives for one line: the file shared and the text that comes with it. */
async function received(line: string): Promise<{ file?: string; text: string }> {
  const seen: IncomingMessage[] = [];
  const handler: TurnHandler = {
    handle: async (m, sink) => {
      seen.push(m);
      await sink.send(textReply('ok'));
    },
  };
  await new TerminalChat(handler, { channel: 'c', user: 'u', filesDir: dir }).say(line);
  const m = seen[0]!;
  return { ...(m.files?.[0] ? { file: m.files[0].name } : {}), text: m.text };
}

test('an unquoted path with spaces is the longest start of the line naming a file; the rest is the message', async () => {
  expect(await received(`/upload ${bigFish} analyze it for me`)).toEqual({ file: 'Big Fish.fountain', text: 'analyze it for me' });
  expect(await received(`/upload ${bigFish}`)).toEqual({ file: 'Big Fish.fountain', text: '' });
  // Two spaces inside the name are kept as typed.
  expect(await received(`/upload ${apostrophe} who leads?`)).toEqual({ file: "Steel's  Last Case.fountain", text: 'who leads?' });
});

test('a quoted path, "…" or \'…\' as a shell reads it, is taken whole', async () => {
  expect(await received(`/upload "${bigFish}" analyze it`)).toEqual({ file: 'Big Fish.fountain', text: 'analyze it' });
  // As `castmatch analyze` suggests it: single quotes, an apostrophe written '\''.
  const suggested = `'${apostrophe.replace(/'/g, `'\\''`)}'`;
  expect(await received(`/upload ${suggested} breakdown please`)).toEqual({
    file: "Steel's  Last Case.fountain",
    text: 'breakdown please',
  });
});
