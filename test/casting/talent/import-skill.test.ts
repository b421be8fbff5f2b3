import { createTestStore } from '../../helpers/store.js';
import type { Store } from '../../../src/memory/store.js';
import type { SharedFile } from '../../../src/bot/message.js';
import { HashedEmbedder } from '../../../src/integrations/embeddings/hashed-embedder.js';
import { MemoryVectorIndex } from '../../../src/integrations/vectors/memory-index.js';
import { talentVectorLoader } from '../../../src/casting/talent/vector-loader.js';
import { importRosterFromMessage } from '../../../src/skills/import-roster/index.js';
import { csv, replyText, sampleBytes, skillContext } from './helpers.js';

let store: Store;
let n = 0;
beforeAll(async () => {
  store = await createTestStore();
});
afterAll(async () => {
  await store?.close();
});

const embedder = new HashedEmbedder(256);
const ctx = () => skillContext({ store, embedder, vectors: new MemoryVectorIndex(talentVectorLoader(store)), tenant: `local:w${++n}` });

function file(name: string, bytes: Uint8Array, size: number | undefined = bytes.byteLength): SharedFile & { fetched: number } {
  const f = {
    name,
    fetched: 0,
    ...(size !== undefined ? { size } : {}),
    fetch: async (max: number) => {
      f.fetched++;
      if (bytes.byteLength > max) throw new Error('file is larger than allowed');
      return bytes;
    },
  };
  return f;
}

test('a roster uploaded in chat is imported and the counts are reported', async () => {
  const c = ctx();
  const r = await importRosterFromMessage(c, file('agency.csv', sampleBytes()));
  expect(r.isError).toBeUndefined();
  expect(replyText(r)).toContain('400 new, 0 updated, 0 unchanged, 0 rejected');
  expect(await store.talent.count(c.tenant)).toBe(400);
  expect(c.progressed).toEqual(['Importing agency.csv…']);
  const again = await importRosterFromMessage(c, file('agency.csv', sampleBytes()));
  expect(replyText(again)).toContain('0 new, 0 updated, 400 unchanged');
});

test('rejected rows are listed (the first five) with row, column and reason, never contact values', async () => {
  const rows = [
    ['id', 'name', 'playing_age_min', 'email'],
    ['OK1', 'Fine', '30', 'fine@example.com'],
  ];
  for (let i = 0; i < 7; i++) rows.push([`B${i}`, `Bad ${i}`, 'old', `secret${i}@nowhere.example`]);
  rows.push(['B9', 'Bad Mail', '30', 'secret-address']);
  const r = await importRosterFromMessage(ctx(), file('r.csv', new Uint8Array(Buffer.from(csv(rows)))));
  const text = replyText(r);
  expect(text).toContain('1 new, 0 updated, 0 unchanged, 8 rejected');
  expect(text).toContain('3 | playing_age_min | "old" is not a whole number');
  expect(text).toContain('…and 3 more problems');
  expect(text).not.toContain('secret');
});

test('a file that fails as a whole is refused with the reason; nothing is imported', async () => {
  const c = ctx();
  const r = await importRosterFromMessage(c, file('people.csv', new Uint8Array(Buffer.from('name,gender\nAna,female\n'))));
  expect(r.isError).toBe(true);
  expect(replyText(r)).toMatch(/Nothing imported from people\.csv: no id column/);
  expect(await store.talent.count(c.tenant)).toBe(0);
});

test('wrong type and oversized files are refused before downloading', async () => {
  const pdf = file('script.pdf', new Uint8Array([1, 2, 3]));
  expect(replyText(await importRosterFromMessage(ctx(), pdf))).toMatch(
    /script\.pdf is not something I can read: share a roster \(\.csv, \.tsv, \.json/,
  );
  const huge = file('big.csv', new Uint8Array(10), 50 * 1024 * 1024);
  expect(replyText(await importRosterFromMessage(ctx(), huge))).toMatch(
    /big\.csv is 50\.0 MB; rosters can be up to 20\.0 MB, so I did not download it/,
  );
  expect(pdf.fetched + huge.fetched).toBe(0);
});

test('a download failure is a message, not a crash', async () => {
  const broken: SharedFile = {
    name: 'r.csv',
    fetch: async () => {
      throw new Error('connection reset');
    },
  };
  const r = await importRosterFromMessage(ctx(), broken);
  expect(r.isError).toBe(true);
  expect(replyText(r)).toMatch(/could not read r\.csv: connection reset/);
});
