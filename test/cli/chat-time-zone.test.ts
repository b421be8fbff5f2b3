/** `castmatch chat` and time zones: a bad --tz is refused at once; falling back to UTC is said out loud. */
import { rm } from 'node:fs/promises';
import { runCli } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/store.js';

let dataDir: string;
beforeAll(async () => {
  dataDir = await tempDataDir();
});
afterAll(() => rm(dataDir, { recursive: true, force: true }));

// An empty CASTMATCH_TIME_ZONE is unset, whatever the machine running the tests has.
const NO_ZONE = { CASTMATCH_TIME_ZONE: '' };

test('an unknown --tz stops chat before the first message, naming the value and an example', async () => {
  const r = await runCli(['chat', '--tz', 'Mars/Olympus', '--json', '--data-dir', dataDir], 'help\n', NO_ZONE);
  expect(r.code).toBe(1);
  expect(r.stdout).toBe('');
  expect(r.stderr).toMatch(/^castmatch: --tz "Mars\/Olympus" is not an IANA time zone; .*Europe\/London/);
}, 60_000);

test('with no zone chosen, chat says once that times are UTC and how to change it', async () => {
  const r = await runCli(['chat', '--json', '--data-dir', dataDir], 'help\nhelp\n', NO_ZONE);
  expect(r.code).toBe(0);
  expect(r.stderr.match(/Times are in UTC/g)).toHaveLength(1);
  expect(r.stderr).toMatch(/--tz .*CASTMATCH_TIME_ZONE/);
  // The notice is not a reply: stdout still carries exactly one JSON object per reply.
  expect(
    r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as unknown),
  ).toHaveLength(2);
}, 60_000);

test.each([
  ['--tz', ['--tz', 'Asia/Kolkata'], NO_ZONE],
  ['CASTMATCH_TIME_ZONE', [], { CASTMATCH_TIME_ZONE: 'Asia/Kolkata' }],
])(
  'a zone chosen with %s is used without remark',
  async (_how, args, env) => {
    const r = await runCli(['chat', ...args, '--json', '--data-dir', dataDir], 'help\n', env);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/UTC/);
  },
  60_000,
);
