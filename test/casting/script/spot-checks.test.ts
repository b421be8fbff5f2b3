/** Facts about the test scripts stated in examples/scripts/SOURCES.md, read the way a casting director would. */
import path from 'node:path';
import { analyzeScriptFile, type Breakdown, type CharacterBreakdown } from '../../../src/casting/script/parse/index.js';
import { bigFish, SCRIPTS, withBigFish } from '../../helpers/fixtures.js';

const read = (file: string) => analyzeScriptFile(path.join(SCRIPTS, file), { maxBytes: 50 * 1024 * 1024 });
const role = (b: Breakdown, name: string): CharacterBreakdown => {
  const c = b.characters.find((x) => x.name === name);
  if (!c) throw new Error(`${name} not in ${b.characters.map((x) => x.name).join(', ')}`);
  return c;
};

withBigFish.describe('Big Fish', () => {
  let b: Breakdown;
  beforeAll(async () => {
    b = await analyzeScriptFile(bigFish('fountain'), { maxBytes: 50 * 1024 * 1024 });
  });

  test("190 scenes; EDWARD and WILL lead, with every (V.O.)/(CONT'D) spelling merged", () => {
    expect(b.scenes).toHaveLength(190);
    expect(b.cueCounts?.EDWARD).toBe(293);
    expect(b.cueCounts?.WILL).toBe(141);
    expect(Object.keys(b.cueCounts ?? {})).toHaveLength(48);
    // The group cue EDWARD AND WILL is a speech for both of them.
    expect(role(b, 'EDWARD').speeches).toBe(294);
    expect(role(b, 'WILL').speeches).toBe(142);
    expect(role(b, 'EDWARD').size).toBe('lead');
    expect(role(b, 'WILL').size).toBe('lead');
    expect(role(b, 'EDWARD').aliases).toEqual(expect.arrayContaining(['EDWARD (V.0.)', 'EDWARD (O.S., PRELAP)', 'EDWARD BLOOM']));
    expect(b.characters.some((c) => c.name === 'EDWARD AND WILL')).toBe(false);
  });

  test('one person at another age under another cue stays a separate part', () => {
    expect(role(b, 'YOUNG EDWARD').speeches).toBe(1);
    expect(role(b, 'ADULT EDWARD').speeches).toBe(3);
    expect(role(b, 'YOUNG WILL').speeches).toBe(2);
  });

  test('intro names merge into the cue, and ages come from the intro in its own style', () => {
    const bennett = role(b, 'DR. BENNETT');
    expect(bennett.aliases).toContain('DR. JULIUS BENNETT');
    expect(bennett.ageRange).toEqual([85, 85]);
    expect(bennett.introduction).toMatch(/^DR\. JULIUS BENNETT \(85\)/);
    expect(role(b, 'PING').ageRange).toEqual([27, 27]);
    expect(role(b, 'PING').evidence).toContain('(27)');
    expect(role(b, 'AMOS').aliases).toContain('AMOS CALLOWAY');
    expect(role(b, 'AMOS').ageRange).toEqual([50, 50]);
    expect(role(b, 'EDWARD').ageRange).toEqual([40, 49]);
    expect(role(b, 'EDWARD').evidence).toContain("40's");
    // "WILL BLOOM, AGE 3", "WILL, now 17", "WILL, now 28", "Will (29)", "Will (6)": the grown son of the
    // main timeline is the part to cast; the boy is a younger actor's.
    expect(role(b, 'WILL').ageRange).toEqual([29, 29]);
    expect(role(b, 'WILL').evidence).toContain('Will (29)');
    expect(role(b, 'WILL').evidence).not.toContain('AGE 3');
    expect(role(b, 'WILL').confidence.age).toBe('stated');
    // "Will's mother Sandra (53)": an age in brackets after a name in running text.
    expect(role(b, 'SANDRA').ageRange).toEqual([53, 53]);
    // "A forty-year old man named BEAMEN": an age in words, before the name.
    expect(role(b, 'BEAMEN').ageRange).toEqual([40, 40]);
    expect(role(b, 'BEAMEN').evidence).toContain('forty-year old man named');
    expect(role(b, 'RUTHIE').ageRange).toEqual([8, 8]);
  });

  test('headings with a year and double spaces are split into setting, place and time; pages are estimated', () => {
    const bedroom = b.scenes.find((s) => s.heading === "INT. WILL'S BEDROOM - NIGHT (1973)");
    expect(bedroom).toMatchObject({ setting: 'INT', place: "WILL'S BEDROOM", timeOfDay: 'NIGHT (1973)' });
    expect(b.pages).toBeGreaterThanOrEqual(110);
    expect(b.pages).toBeLessThanOrEqual(132);
    expect(b.title).toBe('Big Fish');
    expect(b.authors).toEqual(['John August']);
  });

  test('pairs are speaking characters ranked by shared scenes', () => {
    expect(b.pairs[0]).toEqual({ a: 'EDWARD', b: 'WILL', sharedScenes: expect.any(Number) });
    for (let i = 1; i < b.pairs.length; i++) expect(b.pairs[i]!.sharedScenes).toBeLessThanOrEqual(b.pairs[i - 1]!.sharedScenes);
  });
});

test('Brick & Steel: dual dialogue counts for both, full names in action merge into the cues', async () => {
  const b = await read('brick_and_steel.fountain');
  expect(role(b, 'STEEL').speeches).toBe(9);
  expect(role(b, 'BRICK').speeches).toBe(4);
  expect(role(b, 'STEEL').aliases).toContain('DICK STEEL');
  expect(role(b, 'BRICK').aliases).toContain('BRICK BRADDOCK');
  expect(role(b, 'BRICK').introduction).toContain('BRICK BRADDOCK, retired police detective');
  expect(b.characters.filter((c) => c.speeches > 0)).toHaveLength(7);
  expect(b.scenes.map((s) => s.heading)).toContain('SNIPER SCOPE POV');
  expect(b.scenes.find((s) => s.heading === 'SNIPER SCOPE POV')?.setting).toBeUndefined();
  expect(b.title).toBe('BRICK & STEEL FULL RETIRED');
  // The FDX twin gives the same cast, including the dual-dialogue cues nested in <DualDialogue>.
  const fdx = await read('brick_and_steel.fdx');
  expect(fdx.format).toBe('fdx');
  expect(fdx.cueCounts).toEqual(b.cueCounts);
});

describe('Silent as Murderers', () => {
  let b: Breakdown;
  beforeAll(async () => {
    b = await read('silent_as_murderers.fountain');
  });

  test('34 scenes, notes stripped from headings, en dash and comma headings understood', () => {
    expect(b.scenes).toHaveLength(34);
    expect(b.scenes.every((s) => !s.heading.includes('[['))).toBe(true);
    expect(b.scenes.find((s) => s.heading.startsWith('INT. LIVING ROOM –'))?.timeOfDay).toBe('NIGHT');
    expect(b.scenes.find((s) => s.heading === 'INT. KITCHEN, EVENING')).toMatchObject({ place: 'KITCHEN', timeOfDay: 'EVENING' });
  });

  test('INA 18, MINNA 16, GUY 5; one intro gives both girls their gender and age', () => {
    expect([role(b, 'INA').speeches, role(b, 'MINNA').speeches, role(b, 'GUY').speeches]).toEqual([18, 16, 5]);
    for (const name of ['MINNA', 'INA']) {
      expect(role(b, name)).toMatchObject({ gender: 'female', ageRange: [20, 24], size: 'lead' });
      expect(role(b, name).evidence).toContain('early twenties');
    }
    expect(role(b, 'GUY').gender).toBe('male');
  });

  test('"A MAN in his fifties", who never speaks, is listed as non-speaking', () => {
    const man = role(b, 'MAN');
    expect(man).toMatchObject({ size: 'non-speaking', speeches: 0, gender: 'male', ageRange: [50, 59] });
    expect(man.appearsInScenes.length).toBeGreaterThan(0);
  });
});

test('Ascent to Guru Peak: "any gender, any age" is read as open, and later pronouns are not evidence', async () => {
  const b = await read('ascent_to_guru_peak.fountain');
  expect(role(b, 'YORBLEF')).toMatchObject({ speeches: 26, gender: 'any', ageRange: null });
  expect(role(b, 'GURU')).toMatchObject({ speeches: 1, gender: 'any', ageRange: [32, 32] });
  expect(role(b, 'GURU').introduction).toMatch(/^A GURU, 32/);
});

test("Cyber Bob: CYBER BOB and BOB are one person with the intro's age and gender", async () => {
  const b = await read('cyber_bob_ep00001.fountain');
  expect(role(b, 'BOB')).toMatchObject({ speeches: 18, gender: 'male', ageRange: [40, 40] });
  expect(role(b, 'BOB').aliases).toContain('CYBER BOB');
  expect(role(b, 'MARGARET')).toMatchObject({ gender: 'female', ageRange: [37, 37] });
  expect(role(b, 'DOG').speeches).toBe(11);
  expect(b.scenes).toHaveLength(3);
  expect(b.scenes[0]).toMatchObject({ setting: 'EXT', place: 'PARK', timeOfDay: 'DAY' });
});

test('sample_06.fdx (saved by Final Draft): names outside <Content> are not cues, a pronoun is not a gender', async () => {
  const b = await read('sample_06.fdx');
  expect(b.cueCounts).toEqual({ AUTHOR: 3, DOG: 2 });
  expect(b.scenes).toHaveLength(3);
  expect(role(b, 'DOG').gender).toBeNull();
  expect(b.title).toBe('SAMPLE 06');
});

test('afterwriting client: forced @McCABE cue, lyrics, nested boneyard and a 32-word name', async () => {
  const b = await read('afterwriting_client.fountain');
  expect(b.cueCounts?.McCABE).toBe(1);
  expect(role(b, 'MCCABE').words).toBeGreaterThan(0);
  expect(b.scenes).toHaveLength(11);
  expect(b.scenes.map((s) => s.heading)).toContain('WNĘTRZE. FORCED ELEMENTS - NIGHT');
  expect(Object.keys(b.cueCounts ?? {}).some((n) => n.split(' ').length >= 30)).toBe(true);
});

test('a plain-text screenplay (indented, as exported from a PDF) reads like Fountain', async () => {
  const text = [
    '                                   FADE IN:',
    '',
    'INT. ROADSIDE DINER - NIGHT',
    '',
    'MARTA (40s), a tired waitress, wipes the counter.',
    '',
    '                         MARTA',
    "               We're closed.",
    '',
    '                         JOE (O.S.)',
    '               Door was open.',
    '',
    'JOE, 60, a trucker, sits down.',
    '',
    '                         MARTA',
    '                   (sighing)',
    '               Coffee, then.',
    '',
  ].join('\r\n');
  const { analyzeScript } = await import('../../../src/casting/script/parse/index.js');
  const b = await analyzeScript(new TextEncoder().encode(text), 'diner.txt', { maxBytes: 1e6 });
  expect(b.format).toBe('text');
  expect(b.cueCounts).toEqual({ MARTA: 2, JOE: 1 });
  expect(b.scenes).toEqual([expect.objectContaining({ number: 1, setting: 'INT', place: 'ROADSIDE DINER', timeOfDay: 'NIGHT', page: 1 })]);
  expect(role(b, 'MARTA')).toMatchObject({ gender: 'female', ageRange: [40, 49], words: 4 });
  // "a trucker" says nothing of gender, but JOE is a man's name.
  expect(role(b, 'JOE')).toMatchObject({ gender: 'male', ageRange: [60, 60] });
  expect(role(b, 'JOE').evidence).toContain('JOE');
});

test('voices, crowds and groups are background, not roles to cast; a MAN’S VOICE is not merged into VOICE', async () => {
  const b = await analyzeScriptFile(path.resolve('test/fixtures/scripts/town-square.fountain'), { maxBytes: 1e6 });
  const background = b.characters.filter((c) => c.size === 'background').map((c) => c.name);
  expect(background.sort()).toEqual(['ALL', "MAN'S VOICE", 'THE CROWD', 'VARIOUS TOWNFOLK', 'VOICE', "WOMAN'S VOICE"]);
  expect(b.characters.filter((c) => c.size !== 'background').map((c) => c.name)).toEqual(['ANNA']);
  expect(b.pairs).toEqual([]);
});
