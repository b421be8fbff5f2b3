/** `castmatch route "/cast …"` reads the slash command as chat does, not as free text (which misread "/cast" as part of a name). */
import { rm } from 'node:fs/promises';
import { runCli } from '../helpers/cli.js';
import { tempDataDir } from '../helpers/store.js';

test('castmatch route "/cast …" reports the command’s skill and arguments, via command', async () => {
  const dataDir = await tempDataDir();
  try {
    const r = await runCli(['route', '/cast book Meera for MARIA Thursday 3pm', '--json', '--data-dir', dataDir]);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toEqual({
      skill: 'book-audition',
      args: { op: 'book', person: 'Meera', role: 'MARIA', when: 'Thursday 3pm' },
      via: 'command',
    });
  } finally {
    await rm(dataDir, { recursive: true, force: true });
  }
}, 60_000);
