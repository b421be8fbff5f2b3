/** Each command's own --help says where its data lives, since that is the first thing to get wrong. */
import { runCli } from '../helpers/cli.js';

test.each([['serve'], ['chat'], ['route'], ['analyze'], ['import', 'talent'], ['search'], ['shortlist'], ['demo']])(
  '`castmatch %s --help` shows --data-dir',
  async (...command: string[]) => {
    const r = await runCli([...command, '--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/--data-dir <dir>\s+where the embedded database and files live/);
  },
);
