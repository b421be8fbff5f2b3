/**
 * The one file-intake policy: which files CastMatch reads (screenplays to analyze, rosters to
 * import), how large each kind may be, and one typed refusal that says why (its type, its size, or
 * a download that failed). Slack, Teams, the terminal and the command line all decide through it,
 * so a file is accepted or refused alike wherever it arrives.
 */
import type { Config } from '../config/config.js';
import { CastMatchError } from '../errors/castmatch-error.js';
import type { SharedFile } from './message.js';

export type FileKind = 'script' | 'roster';
export type RefusalReason = 'type' | 'size' | 'download';

/** A shared `.txt` is taken for a screenplay; asked for a roster (`import talent`), it is read as CSV. */
const EXTENSIONS: Record<FileKind, readonly string[]> = {
  script: ['fountain', 'spmd', 'fdx', 'pdf', 'txt'],
  roster: ['csv', 'tsv', 'json', 'txt'],
};
const WHAT: Record<FileKind, { one: string; many: string; hint: string }> = {
  script: { one: 'a screenplay', many: 'screenplays', hint: 'a single draft' },
  roster: { one: 'a roster', many: 'rosters', hint: 'the roster split in parts' },
};

const list = (kind: FileKind) => EXTENSIONS[kind].map((e) => `.${e}`).join(', ');
const mb = (bytes: number) => (bytes / 1_048_576).toFixed(1);

/** A file CastMatch will not read, and why; the message is written for the person who shared it. */
export class FileRefusedError extends CastMatchError<`file_${RefusalReason}`> {
  constructor(
    readonly reason: RefusalReason,
    readonly fileName: string,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(`file_${reason}`, message, { ...options, audience: 'user' });
  }
}

/** Raised by an adapter's `fetch` past the limit it was given; the intake turns it into its refusal. */
export class FileTooLargeError extends FileRefusedError {
  constructor(
    fileName: string,
    readonly size: number,
    readonly limit: number,
  ) {
    super('size', fileName, `${fileName} is ${mb(size)} MB; the limit is ${mb(limit)} MB.`);
  }
}

const extension = (name: string) => /\.([a-z0-9]+)$/i.exec(name.trim())?.[1]?.toLowerCase();

/** The kind a file's name says it is, if CastMatch reads that kind. */
export function fileKind(name: string): FileKind | undefined {
  const ext = extension(name);
  return ext ? (Object.keys(EXTENSIONS) as FileKind[]).find((k) => EXTENSIONS[k].includes(ext)) : undefined;
}

export interface FileIntake {
  /** Before a byte is read: the file's kind, or a FileRefusedError (its type, or the size it declares). */
  admit(file: { name: string; size?: number | undefined }, expected?: FileKind): FileKind;
  /** Admits and reads the file within its kind's limit; every failure is a FileRefusedError. */
  read(file: SharedFile, expected?: FileKind): Promise<{ kind: FileKind; bytes: Uint8Array }>;
  limit(kind: FileKind): number;
}

export function fileIntake(config: Pick<Config, 'SCRIPT_MAX_BYTES' | 'ROSTER_MAX_BYTES'>): FileIntake {
  const limit = (kind: FileKind) => (kind === 'script' ? config.SCRIPT_MAX_BYTES : config.ROSTER_MAX_BYTES);
  const tooLarge = (name: string, size: number, kind: FileKind) =>
    new FileRefusedError(
      'size',
      name,
      `${name} is ${mb(size)} MB; ${WHAT[kind].many} can be up to ${mb(limit(kind))} MB, so I did not download it. Share a smaller file (${WHAT[kind].hint}).`,
    );

  const admit: FileIntake['admit'] = (file, expected) => {
    const ext = extension(file.name);
    const kind = expected ? (ext && EXTENSIONS[expected].includes(ext) ? expected : undefined) : fileKind(file.name);
    if (!kind) {
      const wanted = expected
        ? `${WHAT[expected].one} (${list(expected)})`
        : `a screenplay (${list('script')}) to analyze, or a roster (${list('roster')}) to import`;
      throw new FileRefusedError('type', file.name, `${file.name} is not something I can read: share ${wanted}.`);
    }
    if (file.size !== undefined && file.size > limit(kind)) throw tooLarge(file.name, file.size, kind);
    return kind;
  };

  return {
    admit,
    limit,
    async read(file, expected) {
      const kind = admit(file, expected);
      try {
        return { kind, bytes: await file.fetch(limit(kind)) };
      } catch (err) {
        if (err instanceof FileTooLargeError) throw tooLarge(file.name, err.size, kind);
        if (err instanceof FileRefusedError) throw err;
        throw new FileRefusedError(
          'download',
          file.name,
          `I could not read ${file.name}: ${(err as Error).message}. Try sharing it again.`,
          { cause: err },
        );
      }
    },
  };
}
