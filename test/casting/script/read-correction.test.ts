/** What the team says a role is, read with the roster's own vocabulary. */
import { readCorrection } from '../../../src/casting/script/read-correction.js';
import { correctProject, describeCorrection } from '../../../src/casting/script/corrections.js';
import { buildRoster } from '../../../src/casting/talent/roster-cache.js';
import type { ProjectRecord } from '../../../src/memory/records.js';
import { sampleProfiles } from '../talent/roster-fixture.js';

const vocab = buildRoster('local:studio', sampleProfiles()).vocabulary;

test.each([
  ['a man, 55–65, boxes', { gender: 'male', ageRange: { min: 55, max: 65 }, skills: ['boxing'] }],
  ['male 55-65 skills: boxing, fencing', { gender: 'male', ageRange: { min: 55, max: 65 }, skills: ['boxing', 'fencing'] }],
  ['a woman in her 40s who speaks Tamil', { gender: 'female', ageRange: { min: 40, max: 49 }, languages: ['Tamil'] }],
  ['non-binary, 20 to 30', { gender: 'non-binary', ageRange: { min: 20, max: 30 } }],
])('“%s”', (text, want) => {
  expect(readCorrection(text, vocab)).toEqual(want);
});

test('more than gender, age and skills keeps the team’s own words; nothing readable is nothing', () => {
  expect(readCorrection('a gruff former boxer with a broken nose', vocab)).toEqual({
    skills: ['boxing'],
    description: 'a gruff former boxer with a broken nose',
  });
  expect(readCorrection('wonderful', vocab)).toBeUndefined();
});

test('a correction stands over the script’s values, which stay beside it; the last one is in force', () => {
  const project = {
    roles: [
      { name: 'STEEL', details: { gender: 'male', ageRange: [55, 75], skills: ['driving'] } },
      { name: 'BRICK', details: {} },
    ],
  } as unknown as ProjectRecord;
  const first = { gender: 'female', setBy: 'ana', setAt: '2026-12-08T10:00:00Z' };
  const second = { ageRange: { min: 30, max: 40 }, skills: ['boxing'], setBy: 'ben', setAt: '2026-12-08T11:00:00Z' };
  const [steel, brick] = correctProject(project, { STEEL: [first, second] }).roles;
  expect(steel!.details).toMatchObject({
    gender: 'male',
    ageRange: [30, 40],
    skills: ['driving', 'boxing'],
    inferred: { gender: 'male', ageRange: [55, 75] },
    set: second,
  });
  expect(brick).toBe(project.roles[1]);
  expect(describeCorrection({ gender: 'male', ageRange: { min: 55, max: 65 }, skills: ['boxing'] })).toBe('male · 55–65 · boxing');
});
