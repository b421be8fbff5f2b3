/**
 * A scripted `castmatch chat` (the real command, lines piped in): the team corrects a role, a role
 * the script says nothing about is asked about, and booking someone who does not fit the role asks
 * first and says why. The corrected role is still in force for `castmatch shortlist` afterwards.
 */
import path from 'node:path';
import { rm } from 'node:fs/promises';
import { runCli } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/store.js';
import { ROSTER, SCRIPTS } from '../helpers/fixtures.js';

const ENV = { EMBEDDING_MODEL: 'hashed-256', CASTMATCH_TIME_ZONE: 'Europe/London' };

let dataDir: string;
beforeAll(async () => {
  dataDir = await tempDataDir();
  expect((await runCli(['import', 'talent', ROSTER, '--data-dir', dataDir], '', ENV)).code).toBe(0);
}, 60_000);
afterAll(() => rm(dataDir, { recursive: true, force: true }));

test('correct a role, answer "who should I look for?", and meet the misfit warning, in castmatch chat', async () => {
  const lines = [
    `/upload ${path.join(SCRIPTS, 'brick_and_steel.fountain')}`,
    'STEEL is a man, 55-65, boxes',
    'shortlist for MINION',
    'a woman',
    'book Grace Chen for STEEL next Thursday 2pm',
    'no',
  ];
  const r = await runCli(['chat', '--json', '--channel', 'casting', '--data-dir', dataDir], `${lines.join('\n')}\n`, ENV);
  expect(r.code).toBe(0);
  const replies = r.stdout
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { text: string });
  const [, corrected, asked, answered, misfit, declined] = replies.map((x) => x.text);
  expect(corrected).toContain('STEEL now asks for: male · 55–65 · boxing.');
  expect(asked).toMatch(/The script says nothing about who MINION is/);
  expect(answered).toMatch(/^Shortlist for MINION/);
  expect(misfit).toContain(
    'Not what the role asks for: STEEL is male; Grace Chen is listed as female; STEEL is 55–65; Grace Chen plays 71–75',
  );
  expect(declined).toMatch(/^Cancelled: .*Nothing was changed/);

  const shortlist = await runCli(['shortlist', 'STEEL', '--json', '--channel', 'casting', '--data-dir', dataDir], '', ENV);
  expect(shortlist.code).toBe(0);
  expect(JSON.parse(shortlist.stdout)).toMatchObject({ filters: { gender: 'male', ageRange: { min: 55, max: 65 } } });
}, 120_000);
