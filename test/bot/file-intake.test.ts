/** One intake policy for every way a file arrives: what is read, how large, and why a file is refused. */
import { fileIntake, fileKind, FileRefusedError, FileTooLargeError } from '../../src/bot/file-intake.js';
import type { SharedFile } from '../../src/bot/message.js';
import { conversation, createTestApp, type TestApp } from '../helpers/app.js';
import { localFile } from '../../src/bot/adapters/terminal/local-file.js';
import { tempDir } from '../helpers/store.js';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';

const MB = 1_048_576;
const intake = fileIntake({ SCRIPT_MAX_BYTES: 2 * MB, ROSTER_MAX_BYTES: 1 * MB });
const file = (name: string, fetch: SharedFile['fetch'], size?: number): SharedFile => ({
  name,
  fetch,
  ...(size === undefined ? {} : { size }),
});
const refusal = (p: Promise<unknown> | (() => unknown)) =>
  (typeof p === 'function' ? Promise.resolve().then(p) : p).then(
    () => undefined,
    (e: unknown) => e as FileRefusedError,
  );

test('screenplays and rosters are told apart by name; a .tsv is a roster wherever it is shared', () => {
  expect(['a.fountain', 'B.FDX', 'c.pdf', 'd.txt', 'e.spmd'].map(fileKind)).toEqual(Array(5).fill('script'));
  expect(['a.csv', 'b.tsv', 'c.json'].map(fileKind)).toEqual(['roster', 'roster', 'roster']);
  expect(['notes.md', 'photo.png', 'README', 'script.docx'].map(fileKind)).toEqual([undefined, undefined, undefined, undefined]);
  // Asked for a roster, a .txt is read as one (the CLI's import); shared, it is taken for a screenplay.
  expect(intake.admit({ name: 'roster.txt' }, 'roster')).toBe('roster');
});

test('a file of another type is refused with what to share instead', async () => {
  const err = await refusal(() => intake.admit({ name: 'notes.md' }));
  expect(err).toBeInstanceOf(FileRefusedError);
  expect(err).toMatchObject({ reason: 'type', code: 'file_type', audience: 'user' });
  expect((err as Error).message).toMatch(
    /^notes\.md is not something I can read: share a screenplay \(\.fountain, .*\) to analyze, or a roster \(\.csv, \.tsv, \.json, \.txt\) to import\.$/,
  );
  expect(((await refusal(() => intake.admit({ name: 'draft.pdf' }, 'roster'))) as Error).message).toMatch(
    /draft\.pdf is not something I can read: share a roster/,
  );
});

test('each kind has its own size limit, checked before a byte is read when the size is known', async () => {
  let fetched = 0;
  const fetch = async () => {
    fetched++;
    return new Uint8Array(1);
  };
  expect(intake.admit({ name: 'big.pdf', size: 1.5 * MB })).toBe('script');
  const err = await refusal(intake.read(file('big.csv', fetch, 1.5 * MB)));
  expect(err).toMatchObject({ reason: 'size' });
  expect((err as Error).message).toBe(
    'big.csv is 1.5 MB; rosters can be up to 1.0 MB, so I did not download it. Share a smaller file (the roster split in parts).',
  );
  expect(fetched).toBe(0);
});

test('a size found only while reading is a size refusal; any other read failure is a download refusal, not "too large"', async () => {
  const tooBig = await refusal(
    intake.read(
      file('long.fountain', async (max) => {
        throw new FileTooLargeError('long.fountain', max + 1, max);
      }),
    ),
  );
  expect(tooBig).toMatchObject({ reason: 'size' });
  expect((tooBig as Error).message).toMatch(/^long\.fountain is 2\.0 MB; screenplays can be up to 2\.0 MB/);
  const reset = await refusal(
    intake.read(
      file('r.csv', async () => {
        throw new Error('connection reset');
      }),
    ),
  );
  expect(reset).toMatchObject({ reason: 'download', code: 'file_download' });
  expect((reset as Error).message).toBe('I could not read r.csv: connection reset. Try sharing it again.');
  const { kind, bytes } = await intake.read(file('ok.json', async () => new Uint8Array([91, 93])));
  expect([kind, bytes.length]).toEqual(['roster', 2]);
});

describe('in a conversation', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp({ EMBEDDING_MODEL: 'hashed-64' });
  });
  afterAll(() => app?.dispose());

  test('an unreadable file shared on its own gets the refusal, not the help', async () => {
    const dir = await tempDir();
    await writeFile(path.join(dir, 'notes.md'), '# Notes\n');
    const {
      replies: [r],
    } = await conversation(app, 'intake').upload(path.join(dir, 'notes.md'));
    expect(r?.isError).toBe(true);
    expect(r?.text).toMatch(/^notes\.md is not something I can read: share a screenplay/);
  });
});
