import { normalizeRequest } from '../../../src/bot/router/normalize.js';

test('mentions of the bot are dropped wherever the platform puts them', () => {
  expect(normalizeRequest('<@U0CASTBOT> auditions this week')).toBe('auditions this week');
  expect(normalizeRequest('@CastMatch, who could play BRICK?')).toBe('who could play BRICK?');
  expect(normalizeRequest('hey castmatch, status')).toBe('status');
});

test('misspelt casting words are put right; names, roles and other words are not', () => {
  expect(normalizeRequest('shorlist for MARIA')).toBe('shortlist for MARIA');
  expect(normalizeRequest('audtions tomorow')).toBe('auditions tomorrow');
  expect(normalizeRequest('stauts')).toBe('status');
  // A real word one or two letters from a vocabulary word stays itself.
  expect(normalizeRequest('candidates for the waitress')).toBe('candidates for the waitress');
  expect(normalizeRequest('actors who sing')).toBe('actors who sing');
  expect(normalizeRequest('book Sandy for MONDAY')).toBe('book Sandy for MONDAY');
});
