import { parseTalentQueryRules } from '../../../src/casting/talent/query/rule-parser.js';
import { buildVocabulary } from '../../../src/casting/talent/query/vocabulary.js';
import type { TalentProfile } from '../../../src/memory/records.js';
import { sampleProfiles } from './roster-fixture.js';

const vocab = buildVocabulary(sampleProfiles());
const parse = (q: string) => parseTalentQueryRules(q, vocab);

test('the headline request becomes filters with nothing left over', () => {
  expect(parse('Tamil-speaking woman in her 30s who rides horses, based in Chennai')).toEqual({
    filters: {
      gender: 'female',
      ageRange: { min: 30, max: 39 },
      languages: [{ language: 'Tamil', minFluency: 'fluent' }],
      skills: ['horse riding'],
      city: 'Chennai',
    },
    freeText: '',
  });
});

test.each([
  ['in her 30s', { min: 30, max: 39 }],
  ['in his forties', { min: 40, max: 49 }],
  ['mid-20s', { min: 23, max: 26 }],
  ['early thirties', { min: 30, max: 33 }],
  ['late 50s', { min: 56, max: 59 }],
  ['around 40', { min: 37, max: 43 }],
  ['teen', { min: 13, max: 19 }],
  ['a teenager', { min: 13, max: 19 }],
  ['60+', { min: 60, max: 120 }],
  ['over 65', { min: 65, max: 120 }],
  ['under 25', { min: 0, max: 24 }],
  ['between 25 and 35', { min: 25, max: 35 }],
  ['aged 25-35', { min: 25, max: 35 }],
  ['a 25-year-old', { min: 25, max: 25 }],
  ['forty-something', { min: 40, max: 49 }],
])('age: "%s"', (phrase, range) => {
  const q = parse(`actor ${phrase}`);
  expect(q.filters.ageRange).toEqual(range);
  expect(q.freeText).toBe('');
});

test('"in her/his …" sets the gender only when no gender word is given', () => {
  expect(parse('someone in her 40s').filters.gender).toBe('female');
  expect(parse('someone in his 40s').filters.gender).toBe('male');
  expect(parse('a man or a woman in their 40s').filters.gender).toBeUndefined();
  expect(parse('non-binary performer').filters.gender).toBe('non-binary');
});

test('languages with fluency levels, and lists of languages', () => {
  expect(parse('speaks fluent Hindi and conversational French').filters.languages).toEqual([
    { language: 'Hindi', minFluency: 'fluent' },
    { language: 'French', minFluency: 'conversational' },
  ]);
  expect(parse('native Tamil and basic Hindi speaker').filters.languages).toEqual([
    { language: 'Tamil', minFluency: 'native' },
    { language: 'Hindi', minFluency: 'basic' },
  ]);
  expect(parse('Tamil and Telugu speakers').filters.languages).toEqual([
    { language: 'Tamil', minFluency: 'fluent' },
    { language: 'Telugu', minFluency: 'fluent' },
  ]);
});

test('a language name followed by "accent" is an accent, not a language', () => {
  expect(parse('Punjabi accent').filters).toEqual({ accents: ['Punjabi'] });
  expect(parse('speaks Punjabi').filters).toEqual({ languages: [{ language: 'Punjabi', minFluency: 'fluent' }] });
  expect(parse('can do RP and Scottish accents').filters.accents).toEqual(['RP', 'Scottish']);
  expect(parse('received pronunciation').filters.accents).toEqual(['RP']);
});

test('skills by name or as people ask for them, matched against the roster vocabulary', () => {
  expect(parse('sings').filters.skills).toEqual(['singing']);
  expect(parse('baritone singer').filters.skills).toEqual(['singing (baritone)']);
  expect(parse('a dancer').filters.skills).toEqual(['dance']);
  expect(parse('knows ASL and kathak').filters.skills).toEqual(['American Sign Language', 'kathak']);
  expect(parse('rides a motorbike, does stand-up').filters.skills).toEqual(['motorcycle riding', 'stand-up comedy']);
});

test('city, country, union', () => {
  expect(parse('based in Mumbai').filters).toEqual({ city: 'Mumbai' });
  expect(parse('London-based').filters).toEqual({ city: 'London' });
  expect(parse('actress in the US').filters).toEqual({ gender: 'female', country: 'USA' });
  expect(parse('SAG-AFTRA member').filters).toEqual({ union: 'SAG-AFTRA' });
  expect(parse('non-union').filters).toEqual({ union: 'non-union' });
  // "New York" is both a city and an accent: the word "accent" decides.
  expect(parse('New York accent, New York based').filters).toEqual({ accents: ['New York'], city: 'New York' });
});

test('ethnicity only when explicitly asked, never inferred', () => {
  expect(parse('South Asian woman').filters).toEqual({ ethnicity: 'South Asian', gender: 'female' });
  expect(parse('of Black heritage').filters.ethnicity).toBe('Black');
  expect(parse('white haired man').filters.ethnicity).toBeUndefined();
  expect(parse('Tamil-speaking woman from Chennai').filters.ethnicity).toBeUndefined();
  expect(parse('Hindi speaker with a Punjabi accent').filters.ethnicity).toBeUndefined();
});

test('descriptive words stay in the free text; height and look words become filters', () => {
  expect(parse('sinister villain type with a shaved head')).toEqual({ filters: { looks: ['bald'] }, freeText: 'sinister villain type' });
  expect(parse('tall actor in his forties with a deep voice')).toEqual({
    filters: { ageRange: { min: 40, max: 49 }, gender: 'male', height: { word: 'tall', min: expect.any(Number) } },
    freeText: 'deep voice',
  });
  expect(parse('a grieving mother in her late fifties')).toEqual({
    filters: { ageRange: { min: 56, max: 59 }, gender: 'female' },
    freeText: 'grieving mother',
  });
});

test('the vocabulary comes from the roster, not from a list written for the sample', () => {
  const roster: TalentProfile[] = [
    {
      id: 'a',
      name: 'A',
      gender: 'male',
      location: 'Lagos, Nigeria',
      skills: ['kung fu', 'talking drum'],
      languages: [{ language: 'Yoruba', fluency: 'native' }],
      accents: [],
      credits: [],
      contact: {},
    },
  ];
  const own = buildVocabulary(roster);
  expect(parseTalentQueryRules('Yoruba-speaking man in Lagos who knows kung fu', own)).toEqual({
    filters: { gender: 'male', skills: ['kung fu'], languages: [{ language: 'Yoruba', minFluency: 'fluent' }], city: 'Lagos' },
    freeText: '',
  });
  // Nobody on this roster rides horses: the words stay free text instead of becoming an impossible filter.
  expect(parseTalentQueryRules('rides horses', own)).toEqual({ filters: {}, freeText: 'rides horses' });
  // ...and this roster's martial art is found through the family name.
  expect(parseTalentQueryRules('martial arts', own).filters.skills).toEqual(['martial arts']);
});
