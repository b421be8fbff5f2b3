/**
 * Vague and relative words of a request as filters: age words, heights in any notation, "tall" and
 * "short" relative to the roster's own people of that gender, and build and look words. Height
 * thresholds are read from the sample CSV here, not from the program.
 */
import { parseTalentQueryRules } from '../../../src/casting/talent/query/rule-parser.js';
import { buildVocabulary } from '../../../src/casting/talent/query/vocabulary.js';
import type { TalentProfile } from '../../../src/memory/records.js';
import { sampleProfiles } from './roster-fixture.js';
import { bottomQuartileCeiling, topQuartileFloor } from './roster-csv.js';

const vocab = buildVocabulary(sampleProfiles());
const parse = (q: string) => parseTalentQueryRules(q, vocab);

test.each([
  ['older woman', { min: 50, max: 120 }],
  ['an elderly man', { min: 65, max: 120 }],
  ['senior actress', { min: 60, max: 120 }],
  ['young woman', { min: 18, max: 30 }],
  ['teen boy', { min: 13, max: 19 }],
  ['a kid who sings', { min: 5, max: 12 }],
  ['young girl', { min: 5, max: 12 }],
  ['middle-aged man', { min: 40, max: 60 }],
  ['woman in her late 30s', { min: 36, max: 39 }],
  ['man in his early 40s', { min: 40, max: 43 }],
  ['actor in his fifties', { min: 50, max: 59 }],
])('age word: "%s"', (phrase, range) => {
  expect(parse(phrase).filters.ageRange).toEqual(range);
});

test('a precise age wins over a vague word, and the vague word is not left over', () => {
  expect(parse('an older man in his 50s')).toEqual({ filters: { ageRange: { min: 50, max: 59 }, gender: 'male' }, freeText: '' });
  expect(parse('young teen')).toEqual({ filters: { ageRange: { min: 13, max: 19 } }, freeText: '' });
});

test('age words used for something else are not ages', () => {
  expect(parse('senior detective').filters.ageRange).toBeUndefined();
  expect(parse('older sister type').filters.ageRange).toBeUndefined();
  expect(parse('mother of two children').filters.ageRange).toBeUndefined();
  expect(parse('older than 40').filters.ageRange).toEqual({ min: 40, max: 120 });
});

test.each([
  ['actor over 185cm', { min: 186 }],
  ['actor over 185 cm', { min: 186 }],
  ["under 5'6", { max: 167 }],
  ['6 ft 2', { min: 186, max: 190 }],
  ['6\'2"', { min: 186, max: 190 }],
  ['6 foot 2', { min: 186, max: 190 }],
  ['at least 6 ft tall', { min: 183 }],
  ['180 cm or taller', { min: 180 }],
  ['between 170 and 180 cm', { min: 170, max: 180 }],
  ["5'6 to 5'10", { min: 168, max: 178 }],
  ['1.85 m', { min: 183, max: 187 }],
])('height: "%s"', (phrase, bounds) => {
  const q = parse(phrase);
  expect(q.filters.height).toEqual(bounds);
  expect(q.filters.ageRange).toBeUndefined();
  expect(q.freeText).toBe('');
});

test('a height and an age in one request are each read as what they are', () => {
  expect(parse('6\'2" man in his forties').filters).toEqual({
    height: { min: 186, max: 190 },
    ageRange: { min: 40, max: 49 },
    gender: 'male',
  });
});

test('"tall" and "short" are the top and bottom quartile of height among the roster’s people of that gender', () => {
  expect(parse('tall man').filters.height).toEqual({ word: 'tall', min: topQuartileFloor('male') });
  expect(parse('tall woman').filters.height).toEqual({ word: 'tall', min: topQuartileFloor('female') });
  expect(parse('short woman').filters.height).toEqual({ word: 'short', max: bottomQuartileCeiling('female') });
  expect(parse('petite actress').filters.height).toEqual({ word: 'petite', max: bottomQuartileCeiling('female') });
  // Thresholds differ by gender on this roster, or the test above would prove nothing.
  expect(topQuartileFloor('male')).toBeGreaterThan(topQuartileFloor('female'));
});

test('with no gender asked, "tall" is tall for each gender', () => {
  const h = parse('tall actor').filters.height!;
  expect(h.word).toBe('tall');
  expect(h.byGender).toEqual({
    female: { min: topQuartileFloor('female') },
    male: { min: topQuartileFloor('male') },
    'non-binary': { min: topQuartileFloor('non-binary') },
  });
});

test('a relative word and a height together keep the stricter bound', () => {
  const floor = topQuartileFloor('male');
  expect(parse('tall man over 185 cm').filters.height).toEqual({ word: 'tall', min: Math.max(186, floor) });
});

test('"short" of hair or of a film is not a height', () => {
  expect(parse('woman with short hair').filters).toEqual({ gender: 'female', looks: ['short hair'] });
  expect(parse('short film experience').filters.height).toBeUndefined();
});

test('on a roster without heights, "tall" stays in the free text', () => {
  const noHeights: TalentProfile[] = [
    { id: 'a', name: 'A', gender: 'male', skills: [], languages: [], accents: [], credits: [], contact: {} },
  ];
  expect(parseTalentQueryRules('tall man', buildVocabulary(noHeights))).toEqual({ filters: { gender: 'male' }, freeText: 'tall' });
});

test('build and look words become looks the bio must show', () => {
  expect(parse('burly bald man')).toEqual({ filters: { gender: 'male', looks: ['burly', 'bald'] }, freeText: '' });
  expect(parse('slim athletic woman with red hair')).toEqual({
    filters: { gender: 'female', looks: ['slim', 'athletic', 'red hair'] },
    freeText: '',
  });
  expect(parse('stocky guy with a shaved head').filters.looks).toEqual(['stocky', 'bald']);
});
