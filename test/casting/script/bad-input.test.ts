/** Every kind of file a user might upload by mistake gets a ScriptError that says what to send instead. */
import { readFile, truncate, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { analyzeScript, analyzeScriptFile, ScriptError, type ScriptErrorCode } from '../../../src/casting/script/parse/index.js';
import { tempDir } from '../../helpers/store.js';
import { encryptedPdf, imageOnlyPdf, manyPagesPdf, textPdf } from './pdf-bytes.js';
import { SCRIPT_LIMITS } from '../../../src/casting/script/parse/limits.js';
import { SCRIPTS } from '../../helpers/fixtures.js';

const LIMIT = { maxBytes: 50 * 1024 * 1024 };
const enc = (s: string) => new TextEncoder().encode(s);

async function refusal(bytes: Uint8Array, name: string, opts = LIMIT): Promise<ScriptError> {
  const err = await analyzeScript(bytes, name, opts).then(
    () => null,
    (e: unknown) => e,
  );
  if (!(err instanceof ScriptError)) throw new Error(`expected a ScriptError for ${name}, got ${String(err)}`);
  return err;
}

const BILLION_LAUGHS = `<?xml version="1.0"?>
<!DOCTYPE lolz [
 <!ENTITY lol "lol">
 <!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
 <!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">
]>
<FinalDraft DocumentType="Script" Version="1"><Content>
<Paragraph Type="Character"><Text>&lol9;</Text></Paragraph>
</Content></FinalDraft>`;

const NOVEL = Array.from(
  { length: 30 },
  (_, i) =>
    `${i % 10 === 0 ? `CHAPTER ${i / 10 + 1}\n\n` : ''}It was a long way down to the harbour, and the rain had not stopped since morning. She counted the boats twice.\n`,
).join('\n');
const CSV =
  'name,age,agency,email\nAda Lovelace,36,North,ada@example.org\nGrace Hopper,45,South,grace@example.org\nAlan Turing,41,East,alan@example.org\n';

const cases: [string, () => Uint8Array, string, ScriptErrorCode, RegExp][] = [
  ['empty file', () => new Uint8Array(0), 'draft.fountain', 'empty', /empty/i],
  ['whitespace only', () => enc('\n\n   \n'), 'draft.fountain', 'empty', /no text/i],
  [
    'binary garbage named .fountain',
    () => Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256),
    'script.fountain',
    'binary',
    /binary/i,
  ],
  ['a Word document named .fdx', () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4]), 'script.fdx', 'binary', /Office document/],
  ['a scanned PDF without text', imageOnlyPdf, 'scan.pdf', 'no_text_layer', /scan/],
  ['an encrypted PDF', encryptedPdf, 'locked.pdf', 'encrypted', /password/],
  ['a damaged PDF', () => enc('%PDF-1.7\nthis is not really a pdf at all'), 'broken.pdf', 'malformed', /damaged PDF/],
  ['a novel as .txt', () => enc(NOVEL), 'novel.txt', 'not_a_screenplay', /not a novel/],
  ['a spreadsheet', () => enc(CSV), 'cast.csv', 'not_a_screenplay', /spreadsheet/],
  ['a spreadsheet named .txt', () => enc(CSV), 'cast.txt', 'not_a_screenplay', /spreadsheet/],
  [
    'malformed FDX',
    () => enc('<?xml version="1.0"?><FinalDraft><Content><Paragraph Type="Character"><Text>BOB</Text></Content>'),
    'broken.fdx',
    'malformed',
    /broken/,
  ],
  [
    'XML that is not Final Draft',
    () => enc('<?xml version="1.0"?><html><body>hi</body></html>'),
    'page.fdx',
    'malformed',
    /not a Final Draft/,
  ],
  ['billion laughs', () => enc(BILLION_LAUGHS), 'laughs.fdx', 'malformed', /entities/],
];

describe('bad uploads are refused with a message that says what to upload instead', () => {
  test.each(cases)('%s', async (_label, make, name, code, message) => {
    const err = await refusal(make(), name);
    expect(err.code).toBe(code);
    expect(err.message).toMatch(message);
    expect(err.message).toMatch(/Fountain|\.fdx|PDF/);
  });

  test('over the size limit: refused from the file size, before the file is read', async () => {
    const dir = await tempDir();
    const huge = path.join(dir, 'huge.fountain');
    await writeFile(huge, '');
    await truncate(huge, 60 * 1024 * 1024); // sparse: 60 MB reported, nothing written
    const err = await analyzeScriptFile(huge, LIMIT).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScriptError);
    expect((err as ScriptError).code).toBe('too_large');
    expect((err as ScriptError).message).toMatch(/60\.0 MB, more than the 50\.0 MB limit/);
    // Bytes already in memory are held to the same limit.
    expect((await refusal(enc('INT. ROOM - DAY\n'), 'x.fountain', { maxBytes: 4 })).code).toBe('too_large');
  });

  test('a small valid hand-made PDF is read, so the refusals above are about the files', async () => {
    const b = await analyzeScript(textPdf(['INT. KITCHEN - DAY', '', 'ANNA makes tea.']), 'tiny.pdf', LIMIT);
    expect(b.scenes.map((s) => s.heading)).toEqual(['INT. KITCHEN - DAY']);
    expect(b.pages).toBe(1);
  });
});

test('no bytes crash the reader: truncated and corrupted copies of real scripts give a breakdown or a ScriptError', async () => {
  let seed = 42;
  const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  for (const file of ['brick_and_steel.fountain', 'brick_and_steel.fdx', 'brick_and_steel.pdf', 'sample_06.fdx']) {
    const original = new Uint8Array(await readFile(path.join(SCRIPTS, file)));
    for (let k = 0; k < 6; k++) {
      const copy = original.slice(0, Math.floor(original.length * random()));
      for (let j = 0; j < 20; j++) copy[Math.floor(random() * copy.length)] = Math.floor(random() * 256);
      const outcome = await analyzeScript(copy, file, LIMIT).then(
        (b) => b,
        (e: unknown) => e,
      );
      if (!(outcome instanceof ScriptError)) expect(outcome).toHaveProperty('characters');
    }
  }
});

test('a UTF-16 text export (NUL bytes, but a byte-order mark) is text, not binary', async () => {
  const text = 'INT. ROOM - DAY\n\nANNA waits.\n\nANNA\nHello?\n';
  const utf16 = new Uint8Array(2 + text.length * 2);
  utf16.set([0xff, 0xfe]);
  for (let i = 0; i < text.length; i++) utf16[2 + i * 2] = text.charCodeAt(i);
  const b = await analyzeScript(utf16, 'room.txt', LIMIT);
  expect(b.cueCounts).toEqual({ ANNA: 1 });
});

describe('files built to exhaust the reader are refused at a stated limit, before the work that grows with them', () => {
  test('a Fountain file with more distinct cue names than any screenplay', async () => {
    const cues = Array.from({ length: SCRIPT_LIMITS.characters + 500 }, (_, i) => `SPEAKER ${i}\nA line.\n`).join('\n');
    const err = await analyzeScript(new TextEncoder().encode(`INT. HALL - DAY\n\n${cues}`), 'crowd.fountain', {
      maxBytes: 10_000_000,
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ScriptError);
    expect((err as ScriptError).code).toBe('too_large');
    expect((err as ScriptError).message).toMatch(
      /names more than 1,000 different characters \(at least 1,5\d\d\); a screenplay has at most a few hundred/,
    );
  });

  test('a PDF with more pages than any screenplay', async () => {
    const err = await analyzeScript(manyPagesPdf(SCRIPT_LIMITS.pdfPages + 1), 'season.pdf', { maxBytes: 10_000_000 }).catch(
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ScriptError);
    expect((err as ScriptError).message).toBe(
      `season.pdf has 401 pages; I read screenplays of up to 400 pages. Upload the script itself, or split a season into episodes.`,
    );
  });
});
