/**
 * Files named on the command line (`analyze FILE`, `import talent FILE`, `/upload FILE` in chat).
 * Node's own messages ("ENOENT: no such file or directory, open 'x'") read like a crash; these say
 * what is wrong with the file in one line, the way `cat` would.
 */
import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';

const PROBLEMS: Record<string, string> = {
  ENOENT: 'no such file',
  // A path through a regular file ("roster.csv/x") does not exist either.
  ENOTDIR: 'no such file',
  EACCES: 'permission denied (not readable)',
  EPERM: 'permission denied (not readable)',
  EISDIR: 'is a directory, not a file',
  ELOOP: 'too many levels of symbolic links',
  ENAMETOOLONG: 'file name too long',
};

/** `FILE: no such file` for a file-system error that names its path; undefined for anything else. */
export function fileProblem(err: unknown): string | undefined {
  const e = err as NodeJS.ErrnoException | undefined;
  const problem = e?.code ? PROBLEMS[e.code] : undefined;
  return problem && e?.path ? `${e.path}: ${problem}` : undefined;
}

/** Throws an Error with a one-line message unless `file` can be opened and read as a file. */
export async function checkReadableFile(file: string): Promise<void> {
  let problem: string | undefined;
  try {
    if ((await stat(file)).isDirectory()) problem = `${file}: is a directory, not a file`;
    else await access(file, constants.R_OK);
  } catch (err) {
    problem = fileProblem(err) ?? `${file}: ${(err as Error).message}`;
  }
  if (problem) throw new Error(problem);
}
