/**
 * A scripted `castmatch chat` across two channels keeps each channel's memory apart, and after the
 * process is killed with SIGKILL and started again, each channel's memory is intact.
 */
import { rm } from 'node:fs/promises';
import { jsonLines, runCli, spawnCli } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/store.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await tempDataDir();
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

async function routeIn(channel: string, text: string): Promise<{ skill: string; args: Record<string, unknown> }> {
  const r = await runCli(['route', text, '--json', '--channel', channel, '--data-dir', dataDir]);
  expect(r.stderr).toBe('');
  return JSON.parse(r.stdout) as { skill: string; args: Record<string, unknown> };
}

test('memory is per channel and survives SIGKILL', async () => {
  for (const [channel, role] of [
    ['drama', 'MARIA'],
    ['comedy', 'EDWARD'],
  ] as const) {
    const chat = spawnCli(['chat', '--json', '--channel', channel, '--data-dir', dataDir]);
    chat.stdin?.write(`shortlist for ${role}\n`);
    const [reply] = (await jsonLines(chat, 1)) as { text: string }[];
    expect(reply?.text).toContain(role);
    // No clean shutdown: whatever was acknowledged to the user must already be durable.
    chat.kill('SIGKILL');
    await new Promise((r) => chat.once('close', r));
  }
  expect(await routeIn('drama', 'shortlist for her')).toMatchObject({ skill: 'propose-shortlist', args: { role: 'MARIA' } });
  expect(await routeIn('comedy', 'shortlist for him')).toMatchObject({ skill: 'propose-shortlist', args: { role: 'EDWARD' } });
  // A channel that never discussed a role gets nothing from the others.
  expect(await routeIn('documentary', 'shortlist for her')).toMatchObject({ skill: 'propose-shortlist', args: { role: 'her' } });
}, 120_000);

test('piped chat prints one JSON object per reply, and an unknown command gets help naming it', async () => {
  const r = await runCli(['chat', '--json', '--channel', 'buttons', '--data-dir', dataDir], 'help\n/cast dance\n');
  const replies = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { text: string; blocks: { type: string; text?: string }[] });
  expect(replies).toHaveLength(2);
  expect(replies[0]?.blocks[0]).toEqual({ type: 'heading', text: 'CastMatch: what I can do' });
  expect(replies[1]?.blocks.some((b) => b.text?.includes('I don\'t know the command "dance"'))).toBe(true);
}, 60_000);
