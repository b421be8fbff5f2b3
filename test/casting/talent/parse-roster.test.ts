import iconv from 'iconv-lite';
import { parseRoster, type ParsedRoster } from '../../../src/casting/talent/import/parse-roster.js';
import { csv, sampleBytes } from './helpers.js';

const enc = (s: string) => new Uint8Array(Buffer.from(s, 'utf8'));
const HEADER = ['id', 'name', 'gender', 'playing_age_min', 'playing_age_max', 'languages', 'skills', 'credits', 'email'];

describe('the sample roster', () => {
  let parsed: ParsedRoster;
  beforeAll(async () => {
    parsed = await parseRoster(sampleBytes(), 'sample-roster.csv');
  });

  test('reads all 400 people with nothing rejected', async () => {
    expect(parsed.fatal).toBeUndefined();
    expect(parsed.rejected).toEqual([]);
    expect(parsed.profiles).toHaveLength(400);
    expect(new Set(parsed.profiles.map((p) => p.id)).size).toBe(400);
  });

  test('parses languages, credits, lists and keeps contact details apart', async () => {
    const p = parsed.profiles.find((x) => x.id === 'T00004')!;
    expect(p).toMatchObject({
      name: 'Omar Okafor',
      gender: 'male',
      playingAgeMin: 21,
      playingAgeMax: 30,
      heightCm: 180,
      location: 'London, UK',
      union: 'Equity',
      languages: [
        { language: 'English', fluency: 'native' },
        { language: 'German', fluency: 'fluent' },
      ],
      accents: ['Texan'],
      skills: [],
      credits: [
        { title: 'Midnight Express Way', size: 'supporting', year: 2016 },
        { title: 'Second Act', size: 'lead', year: 2012 },
        { title: 'Blue Hour', size: 'day player', year: 2019 },
      ],
      contact: { email: 'omar.okafor@example.com', phone: '+1-555-9445' },
    });
    expect(p.extra).toBeUndefined();
    const three = parsed.profiles.find((x) => x.id === 'T00003')!;
    expect(three.skills).toEqual(['karate', 'boxing', 'singing (alto)', 'archery', 'improv']);
    expect(three.languages.map((l) => `${l.language}:${l.fluency}`)).toEqual([
      'English:native',
      'Malayalam:native',
      'Gujarati:fluent',
      'Marathi:conversational',
    ]);
  });
});

describe('encodings', () => {
  const text = csv([
    ['id', 'name', 'location'],
    ['A1', 'Zoë Müller', 'Zürich, Switzerland'],
    ['A2', 'José Núñez', 'São Paulo, Brazil'],
  ]);

  test.each([
    ['UTF-8 with a BOM', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]), 'utf-8'],
    ['Latin-1 (not valid UTF-8)', iconv.encode(text, 'latin1'), 'windows-1252'],
    ['UTF-16LE with a BOM', Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(text, 'utf-16le')]), 'utf-16le'],
    ['UTF-16BE with a BOM', Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]), 'utf-16be'],
    ['UTF-16LE without a BOM', iconv.encode(text, 'utf-16le'), 'utf-16le'],
  ])('%s: names and places come out intact', async (_what, bytes, encoding) => {
    const r = await parseRoster(new Uint8Array(bytes), 'roster.csv');
    expect(r.fatal).toBeUndefined();
    expect(r.encoding).toBe(encoding);
    expect(r.profiles.map((p) => [p.id, p.name, p.location])).toEqual([
      ['A1', 'Zoë Müller', 'Zürich, Switzerland'],
      ['A2', 'José Núñez', 'São Paulo, Brazil'],
    ]);
  });
});

describe('messy layouts', () => {
  test('column order, case and spacing do not matter; unknown columns are kept in extra', async () => {
    const text = csv([
      ['Instagram', 'Full Name', ' Playing Age Max ', 'ID', 'Playing Age Min', 'E-mail', 'Special Skills'],
      ['@meera', 'Meera Iyer', '36', 'M1', '28', 'meera@example.com', 'horse riding; kathak'],
    ]);
    const r = await parseRoster(enc(text), 'r.csv');
    expect(r.rejected).toEqual([]);
    expect(r.profiles[0]).toMatchObject({
      id: 'M1',
      name: 'Meera Iyer',
      playingAgeMin: 28,
      playingAgeMax: 36,
      skills: ['horse riding', 'kathak'],
      contact: { email: 'meera@example.com' },
      extra: { Instagram: '@meera' },
    });
  });

  test('only id and name are required: missing optional columns give empty lists, not errors', async () => {
    const r = await parseRoster(enc('id,name\nB1,Bo Lind\n'), 'r.csv');
    expect(r.rejected).toEqual([]);
    expect(r.profiles).toEqual([{ id: 'B1', name: 'Bo Lind', languages: [], accents: [], skills: [], credits: [], contact: {} }]);
  });

  test('blank lines are skipped and rows keep their line numbers', async () => {
    const text = 'id,name,playing_age_min\n\nC1,Cara,30\n\n\nC2,Dev,abc\n,,\nC3,Eli,40\n';
    const r = await parseRoster(enc(text), 'r.csv');
    expect(r.profiles.map((p) => p.id)).toEqual(['C1', 'C3']);
    expect(r.rejected).toEqual([{ row: 6, column: 'playing_age_min', reason: '"abc" is not a whole number' }]);
  });

  test('a quoted multi-line bio does not shift the row numbers that follow', async () => {
    const text = 'id,name,bio,playing_age_max\nD1,Dana,"line one\nline two",40\nD2,Eve,short,old\n';
    const r = await parseRoster(enc(text), 'r.csv');
    expect(r.profiles[0]!.bio).toBe('line one line two');
    expect(r.rejected).toEqual([{ row: 4, column: 'playing_age_max', reason: '"old" is not a whole number' }]);
  });

  test('semicolon-separated files (European spreadsheets) are read too', async () => {
    const r = await parseRoster(enc('id;name;skills\nE1;Ezra;"singing, tap dance"\n'), 'r.csv');
    expect(r.profiles[0]).toMatchObject({ id: 'E1', name: 'Ezra', skills: ['singing', 'tap dance'] });
  });

  test('a combined "playing age" column is understood', async () => {
    const r = await parseRoster(enc('id,name,Playing Age\nF1,Fay,25-32\n'), 'r.csv');
    expect(r.profiles[0]).toMatchObject({ playingAgeMin: 25, playingAgeMax: 32 });
  });
});

describe('row-by-row rejections', () => {
  const rows = [
    HEADER,
    ['G1', 'Good One', 'female', '28', '36', 'English (native); Hindi (fluent)', 'horse riding', 'Salt (lead, 2021)', 'g1@example.com'],
    ['G2', 'Bad Age', 'male', 'thirty', '40', '', '', '', ''],
    ['G3', 'Upside Down', 'male', '50', '40', '', '', '', ''],
    ['G4', 'Odd Fluency', 'female', '20', '25', 'Hindi (superb)', '', '', ''],
    ['G5', '', 'female', '20', '25', '', '', '', ''],
    ['G6', 'Bad Year', 'female', '20', '25', '', '', 'Salt (lead, 1492)', ''],
    ['G7', 'Bad Mail', 'female', '20', '25', '', '', '', 'not-an-address'],
  ];
  let r: ParsedRoster;
  beforeAll(async () => {
    r = await parseRoster(enc(csv(rows)), 'r.csv');
  });

  test('good rows are kept, each bad row is reported with its row, column and reason', async () => {
    expect(r.profiles.map((p) => p.id)).toEqual(['G1']);
    expect(r.rejected).toEqual([
      { row: 3, column: 'playing_age_min', reason: '"thirty" is not a whole number' },
      { row: 4, column: 'playing_age_max', reason: 'playing age max 40 is below min 50' },
      { row: 5, column: 'languages', reason: 'unknown fluency "superb" for Hindi: use native, fluent, conversational or basic' },
      { row: 6, column: 'name', reason: 'name is required' },
      { row: 7, column: 'credits', reason: 'credit "Salt" has an impossible year 1492' },
      { row: 8, column: 'email', reason: 'is not an e-mail address' },
    ]);
  });

  test('a reason never repeats a private contact value', async () => {
    expect(JSON.stringify(r.rejected)).not.toContain('not-an-address');
  });

  test('duplicate ids within a file: every occurrence is rejected, naming the rows', async () => {
    const d = await parseRoster(enc('id,name\nH1,Hana\nH2,Ivo\nH1,Hana Again\n'), 'r.csv');
    expect(d.profiles.map((p) => p.id)).toEqual(['H2']);
    expect(d.rejected).toEqual([
      { row: 2, column: 'id', reason: 'id H1 appears on rows 2, 4: keep one' },
      { row: 4, column: 'id', reason: 'id H1 appears on rows 2, 4: keep one' },
    ]);
  });

  test('a row with more cells than the header (an unquoted comma) is rejected, not shifted', async () => {
    const d = await parseRoster(enc('id,name,bio\nJ1,Jo,fine\nJ2,Kai,tall, dark\n'), 'r.csv');
    expect(d.profiles.map((p) => p.id)).toEqual(['J1']);
    expect(d.rejected[0]).toMatchObject({ row: 3 });
    expect(d.rejected[0]!.reason).toMatch(/4 cells but the header has 3 columns/);
  });
});

describe('files unusable as a whole import nothing', () => {
  test.each([
    ['empty', new Uint8Array(0), /empty/],
    ['only whitespace', enc('  \n\n '), /empty/],
    ['header only', enc('id,name\n'), /header but no people/],
    ['no id column', enc('name,gender\nAna,female\n'), /no id column/],
    ['no id or name column', enc('foo,bar\n1,2\n'), /no id or name column/],
    ['an Excel workbook', new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /Excel workbook/],
    ['binary noise', new Uint8Array([1, 2, 0, 3, 4, 0, 5, 6, 7, 0, 0, 9, 1, 2, 3]), /binary/],
    ['an unclosed quote', enc('id,name\nK1,"Kim\n'), /not valid CSV/],
    ['invalid JSON', enc('[{"id": "x",'), /not valid JSON/],
  ])('%s', async (_what, bytes, message) => {
    const r = await parseRoster(bytes, _what === 'invalid JSON' ? 'r.json' : 'r.csv');
    expect(r.fatal).toMatch(message);
    expect(r.profiles).toEqual([]);
  });
});

describe('JSON rosters', () => {
  test('an array of people with structured languages and credits', async () => {
    const doc = [
      {
        id: 'L1',
        name: 'Lia',
        languages: [{ language: 'Tamil', fluency: 'native' }, 'English (fluent)'],
        credits: [{ title: 'Salt', size: 'lead', year: 2021 }],
        playing_age_min: 30,
        playing_age_max: 38,
        twitter: '@lia',
      },
      { id: 'L2', name: 'Max', skills: ['boxing', 'guitar'] },
    ];
    const r = await parseRoster(enc(JSON.stringify(doc)), 'roster.json');
    expect(r.format).toBe('json');
    expect(r.rejected).toEqual([]);
    expect(r.profiles[0]).toMatchObject({
      languages: [
        { language: 'Tamil', fluency: 'native' },
        { language: 'English', fluency: 'fluent' },
      ],
      credits: [{ title: 'Salt', size: 'lead', year: 2021 }],
      playingAgeMin: 30,
      playingAgeMax: 38,
      extra: { twitter: '@lia' },
    });
    expect(r.profiles[1]!.skills).toEqual(['boxing', 'guitar']);
  });

  test('{ "talent": [...] } with a bad item reports the item number', async () => {
    const r = await parseRoster(
      enc(JSON.stringify({ talent: [{ id: 'M1', name: 'Mo' }, { id: 'M2', name: 'Ny', height_cm: 'tall' }, 'nonsense'] })),
      'x.json',
    );
    expect(r.profiles.map((p) => p.id)).toEqual(['M1']);
    expect(r.rejected).toEqual([
      { row: 2, column: 'height_cm', reason: '"tall" is not a whole number' },
      { row: 3, reason: 'is not an object' },
    ]);
  });
});

describe('large rosters', () => {
  // Enough rows for the reader to hand the text to the parser in many slices.
  const people = Array.from({ length: 10_000 }, (_, i) => [
    `L${i}`,
    `Zoë 🎭 Núñez ${i}`,
    'female',
    '20',
    '30',
    'Tamil (fluent)',
    'kathak',
    '',
    '',
  ]);
  const bytes = enc(csv([HEADER, ...people]));

  test('are read whole: characters across slice boundaries and row numbers stay intact', async () => {
    expect(Buffer.from(bytes).toString('utf8').length).toBeGreaterThan(2 * 256 * 1024);
    const r = await parseRoster(bytes, 'big.csv');
    expect(r.rejected).toEqual([]);
    expect(r.profiles).toHaveLength(10_000);
    expect(r.profiles.every((p, i) => p.name === `Zoë 🎭 Núñez ${i}`)).toBe(true);
  });

  test('an emoji split by a slice boundary is read whole', async () => {
    const SLICE = 256 * 1024;
    let text = 'id,name,bio\n';
    for (let i = 0; text.length < SLICE - 3000; i++) text += `S${i},Sam,${'x'.repeat(1000)}\n`;
    const head = `${text}EMOJI,Em,`;
    // The emoji's first half is the slice's last character.
    text = `${head}${'y'.repeat(SLICE - 1 - head.length)}🎭 end\nLAST,Lu,after\n`;
    const r = await parseRoster(enc(text), 'r.csv');
    expect(r.rejected).toEqual([]);
    expect(r.profiles.find((p) => p.id === 'EMOJI')?.bio).toMatch(/y🎭 end$/);
    expect(r.profiles.at(-1)?.id).toBe('LAST');
  });

  test('a bad row deep in the file is reported with its own line number', async () => {
    const rows = [HEADER, ...people.slice(0, 3000), ['BAD', 'Late Row', 'male', 'old', '40', '', '', '', ''], ...people.slice(3000)];
    const r = await parseRoster(enc(csv(rows)), 'big.csv');
    expect(r.rejected).toEqual([{ row: 3002, column: 'playing_age_min', reason: '"old" is not a whole number' }]);
    expect(r.profiles).toHaveLength(10_000);
  });

  test('other work goes on while one is read (the chat is not frozen by an import)', async () => {
    let turns = 0;
    let reading = true;
    const spin = () => {
      if (reading) {
        turns++;
        setImmediate(spin);
      }
    };
    setImmediate(spin);
    await parseRoster(bytes, 'big.csv');
    reading = false;
    expect(turns).toBeGreaterThan(2);
  });
});

test('a roster past the row limit is refused as a whole, naming the limit, whether CSV or JSON', async () => {
  const csvRows = ['id,name', ...Array.from({ length: 6 }, (_, i) => `T${i},Person ${i}`)].join('\n');
  const csvParsed = await parseRoster(new TextEncoder().encode(csvRows), 'big.csv', 5);
  expect(csvParsed.profiles).toEqual([]);
  expect(csvParsed.fatal).toBe(
    'big.csv: the file has more than 5 people; a roster is imported up to 5 rows at a time: split it into parts',
  );
  const json = JSON.stringify(Array.from({ length: 6 }, (_, i) => ({ id: `T${i}`, name: `Person ${i}` })));
  expect((await parseRoster(new TextEncoder().encode(json), 'big.json', 5)).fatal).toMatch(/^big\.json: the file has more than 5 people/);
  // At the limit, everyone is read.
  expect((await parseRoster(new TextEncoder().encode(csvRows), 'just.csv', 6)).profiles).toHaveLength(6);
});
