/**
 * Skills, memory and integrations never import a chat platform SDK: adapters are the only place
 * that knows Slack or Teams (and botbuilder, which Microsoft no longer develops, stays replaceable).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const FORBIDDEN = /from\s+['"](@slack\/[^'"]+|botbuilder[^'"]*|botframework-[^'"]+|@microsoft\/teams[^'"]*)['"]|import\(\s*['"](@slack\/|botbuilder|botframework-|@microsoft\/teams)/;

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.join(e.parentPath, e.name));
}

test.each(['src/skills', 'src/memory', 'src/integrations', 'src/scheduler'])('%s imports no chat platform SDK', async (dir) => {
  const offenders: string[] = [];
  for (const file of await sources(dir)) {
    const text = await readFile(file, 'utf8');
    if (FORBIDDEN.test(text)) offenders.push(file);
  }
  expect(offenders).toEqual([]);
});

test('botbuilder is used only inside the Teams adapter', async () => {
  const offenders: string[] = [];
  for (const file of await sources('src')) {
    if (file.startsWith(path.join('src', 'bot', 'adapters', 'teams'))) continue;
    if (/from\s+['"](botbuilder|botframework-)/.test(await readFile(file, 'utf8'))) offenders.push(file);
  }
  expect(offenders).toEqual([]);
});

test('the check catches a forbidden import', () => {
  expect(FORBIDDEN.test("import { App } from '@slack/bolt';")).toBe(true);
  expect(FORBIDDEN.test("import { CloudAdapter } from 'botbuilder';")).toBe(true);
  expect(FORBIDDEN.test("import { z } from 'zod';")).toBe(false);
});
