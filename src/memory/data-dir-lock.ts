/**
 * One data folder, one owner. The embedded database is a set of files one process may have open:
 * two processes on the same folder each start "ready", miss each other's writes and corrupt its
 * indexes. The first to open the folder writes `castmatch.lock` (its pid, host, command and start
 * time, created exclusively); any other is refused with a message naming the holder. A lock left by
 * a process that has died (kill -9, a crash) is recognised as stale and taken over.
 */
import { open, readFile, unlink } from 'node:fs/promises';
import { unlinkSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { CastMatchError } from '../errors/castmatch-error.js';

export const LOCK_FILE = 'castmatch.lock';

interface Holder {
  pid: number;
  host: string;
  command: string;
  startedAt: string;
}

export class DataDirLockedError extends CastMatchError<'data_dir_locked'> {
  constructor(
    readonly dir: string,
    readonly holder: Holder,
  ) {
    super(
      'data_dir_locked',
      `The data folder ${dir} is in use by \`${holder.command}\` (pid ${holder.pid} on ${holder.host}, since ${holder.startedAt}). ` +
        'Only one CastMatch process may use it: stop that one first, or give this command another folder with --data-dir. ' +
        'While the bot runs, add a roster by uploading it in chat.',
    );
  }
}

/** Takes the folder's lock; resolves to its release. Throws DataDirLockedError when a live process holds it. */
export async function lockDataDir(dir: string, command = commandLine()): Promise<() => Promise<void>> {
  const file = path.join(dir, LOCK_FILE);
  const me: Holder = { pid: process.pid, host: os.hostname(), command, startedAt: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx');
      await handle.writeFile(JSON.stringify(me));
      await handle.close();
      // An exit without close (an uncaught error, process.exit) must not leave the folder locked.
      const onExit = () => {
        try {
          unlinkSync(file);
        } catch {
          // already gone
        }
      };
      process.once('exit', onExit);
      return async () => {
        process.removeListener('exit', onExit);
        const still = await readHolder(file);
        if (still?.pid === me.pid && still.host === me.host) await unlink(file).catch(() => undefined);
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const holder = await readHolder(file);
    if (holder && isAlive(holder)) throw new DataDirLockedError(dir, holder);
    // Stale (its process is gone) or unreadable: take it over. Of two takers, the exclusive create lets one win.
    await unlink(file).catch(() => undefined);
  }
  const holder = await readHolder(file);
  throw new DataDirLockedError(dir, holder ?? { pid: 0, host: 'unknown', command: 'another process', startedAt: 'unknown' });
}

async function readHolder(file: string): Promise<Holder | undefined> {
  try {
    const h = JSON.parse(await readFile(file, 'utf8')) as Partial<Holder>;
    return typeof h.pid === 'number' && typeof h.host === 'string'
      ? { pid: h.pid, host: h.host, command: h.command ?? 'castmatch', startedAt: h.startedAt ?? 'unknown' }
      : undefined;
  } catch {
    return undefined;
  }
}

/** On this host: whether the pid runs. On another (a shared folder): assume it does, it cannot be checked. */
function isAlive(h: Holder): boolean {
  if (h.host !== os.hostname()) return true;
  try {
    process.kill(h.pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** "castmatch serve", "castmatch import talent": the subcommand words before the first option. */
function commandLine(): string {
  const args = process.argv.slice(2);
  const firstOption = args.findIndex((a) => a.startsWith('-'));
  return ['castmatch', ...(firstOption === -1 ? args : args.slice(0, firstOption)).slice(0, 2)].join(' ');
}
