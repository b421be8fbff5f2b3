/** Shared files are downloaded with the size checked first, and refused while streaming if it lies. */
import { remoteFile } from '../../../src/bot/adapters/teams/files.js';
import { FileRefusedError, FileTooLargeError } from '../../../src/bot/file-intake.js';
import { startFakeConnector, type FakeConnector } from '../../fakes/bot-connector.js';

let connector: FakeConnector;
beforeAll(async () => {
  connector = await startFakeConnector();
});
afterAll(() => connector?.close());

const bytes = (n: number) => new Uint8Array(n).map((_, i) => i % 251);

test('a file within the limit arrives byte for byte', async () => {
  const url = connector.file('roster.csv', bytes(5000));
  expect(Buffer.from(await remoteFile('roster.csv', url).fetch(5000)).equals(Buffer.from(bytes(5000)))).toBe(true);
});

test('a file over the limit is refused from its content-length', async () => {
  const url = connector.file('big.pdf', bytes(300_000));
  await expect(remoteFile('big.pdf', url).fetch(100_000)).rejects.toBeInstanceOf(FileTooLargeError);
});

test('without a content-length, the download stops once the limit is passed', async () => {
  const url = connector.file('chunked.pdf', bytes(300_000), { omitLength: true });
  const err = await remoteFile('chunked.pdf', url)
    .fetch(100_000)
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(FileTooLargeError);
  expect((err as FileTooLargeError).size).toBeLessThan(300_000);
});

test('a URL Teams no longer honours gives a message naming the file', async () => {
  const err = await remoteFile('gone.fountain', `${connector.url}/files/nothing-here`)
    .fetch(1000)
    .catch((e: unknown) => e);
  expect(err).toBeInstanceOf(FileRefusedError);
  expect(err).toMatchObject({ reason: 'download', code: 'file_download' });
  expect((err as Error).message).toBe('Teams did not hand over gone.fountain (HTTP 404)');
});
