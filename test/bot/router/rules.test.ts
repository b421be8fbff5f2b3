import { parseRequest, ordinalReference } from '../../../src/bot/router/rules.js';
import { parseSlash } from '../../../src/bot/router/slash.js';
import { PLAIN_REQUESTS } from './examples.js';

const NOW = new Date('2026-11-24T12:00:00Z'); // a Tuesday

describe('rule-based parser', () => {
  test.each(PLAIN_REQUESTS)('"%s" → %s', (text, skill) => {
    expect(parseRequest(text, NOW).skill).toBe(skill);
  });

  test('booking requests carry person, role and the time phrase', () => {
    expect(parseRequest('book Meera for MARIA Thursday 3pm', NOW).args).toEqual({
      op: 'book',
      person: 'Meera',
      role: 'MARIA',
      when: 'Thursday 3pm',
    });
    expect(parseRequest('book the second one tomorrow at 11am', NOW).args).toMatchObject({
      person: 'the second one',
      when: 'tomorrow at 11am',
    });
  });

  test('a session books the whole shortlist with a duration', () => {
    const { args } = parseRequest('book the shortlist for MARIA tomorrow from 10am, 20 minutes each', NOW);
    expect(args).toMatchObject({ op: 'book', session: true, role: 'MARIA', durationMinutes: 20 });
    expect(String(args.when)).toMatch(/tomorrow/);
    expect(args.person).toBeUndefined();
  });

  test('changes: reschedule, cancel and listing', () => {
    expect(parseRequest("reschedule Meera's audition to Friday 2pm", NOW).args).toMatchObject({
      op: 'reschedule',
      person: 'Meera',
      when: 'Friday 2pm',
    });
    expect(parseRequest('cancel the audition with Omar', NOW).args).toMatchObject({ op: 'cancel', person: 'Omar' });
    expect(parseRequest('auditions today', NOW).args).toEqual({ op: 'list', range: 'today' });
  });

  test('shortlist roles and limits', () => {
    expect(parseRequest('top 3 candidates for JENNY', NOW).args).toEqual({ role: 'JENNY', limit: 3 });
    expect(parseRequest('shortlist for her', NOW).args).toEqual({ role: 'her' });
    expect(parseRequest('who could play DR. BENNETT?', NOW).args).toEqual({ role: 'DR. BENNETT' });
  });

  test('search keeps the description and drops the request verbs', () => {
    expect(parseRequest('find me a tall actor in his forties', NOW).args).toEqual({ query: 'a tall actor in his forties' });
  });

  test('ordinal references', () => {
    expect(ordinalReference('the second one')).toBe(2);
    expect(ordinalReference('#3')).toBe(3);
    expect(ordinalReference('number 4')).toBe(4);
    expect(ordinalReference('the last one')).toBe(-1);
    expect(ordinalReference('Meera')).toBeUndefined();
  });
});

describe('slash grammar', () => {
  test('subcommands map to skills deterministically', () => {
    expect(parseSlash('search Tamil-speaking woman', NOW)).toEqual({ skill: 'search-talent', args: { query: 'Tamil-speaking woman' } });
    expect(parseSlash('shortlist MARIA 3', NOW)).toEqual({ skill: 'propose-shortlist', args: { role: 'MARIA', limit: 3 } });
    expect(parseSlash('analyze', NOW)).toEqual({ skill: 'analyze-script', args: {} });
    expect(parseSlash('book Meera for MARIA Thursday 3pm', NOW).args).toMatchObject({
      person: 'Meera',
      role: 'MARIA',
      when: 'Thursday 3pm',
    });
    expect(parseSlash('auditions this week', NOW)).toEqual({ skill: 'book-audition', args: { op: 'list', range: 'this week' } });
    expect(parseSlash('', NOW)).toEqual({ skill: 'help', args: {} });
  });

  test('an unknown subcommand gets help that names it', () => {
    expect(parseSlash('dance now', NOW)).toEqual({ skill: 'help', args: { topic: 'dance now', unknownCommand: 'dance' } });
  });
});
