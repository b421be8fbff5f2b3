/**
 * A question the bot asked takes the asker's next message as its answer; a plain new request
 * overrides it; "never mind" drops it. Routed exactly as chat messages are.
 */
import { Router } from '../../../src/bot/router/router.js';
import { questionField, type OpenQuestion } from '../../../src/bot/router/dialogue.js';
import { ChannelMemory } from '../../../src/memory/channel-memory.js';
import { createLogger } from '../../../src/log/logger.js';
import { InMemoryChannels } from '../../helpers/memory.js';

const NOW = new Date('2026-11-24T12:00:00Z'); // a Tuesday
const router = new Router([], createLogger('silent'));

async function asked(q: OpenQuestion, user = 'ana') {
  const memory = new ChannelMemory('local:studio:casting', new InMemoryChannels());
  await memory.set(questionField(user), q);
  return (text: string, by = user) =>
    router.route(
      { address: { platform: 'local', workspace: 'studio', channel: 'casting' }, user: { id: by }, text, addressed: true, receivedAt: NOW },
      memory,
      NOW,
    );
}

const whenForSteel: OpenQuestion = { skill: 'book-audition', slot: 'when', args: { op: 'book', person: 'T00007', role: 'STEEL' } };

test('"When should the audition be?" is answered by a time alone', async () => {
  const answer = await asked(whenForSteel);
  expect(await answer('Thursday 11am')).toEqual({
    kind: 'skill',
    skill: 'book-audition',
    args: { op: 'book', person: 'T00007', role: 'STEEL', when: 'Thursday 11am' },
    via: 'answer',
    hadQuestion: true,
  });
});

test('"What time on Friday?" keeps the day when the answer is only a time', async () => {
  const answer = await asked({ ...whenForSteel, args: { ...whenForSteel.args, day: 'Friday' } });
  expect(await answer('3pm')).toMatchObject({ skill: 'book-audition', args: { when: 'Friday at 3pm', role: 'STEEL' }, via: 'answer' });
  // A day in the answer replaces the one asked about.
  expect(await answer('Saturday at 3pm')).toMatchObject({ args: { when: 'Saturday at 3pm' } });
});

test('"when should it move to?" takes a shift too', async () => {
  const answer = await asked({ skill: 'book-audition', slot: 'when', args: { op: 'reschedule', audition: 'a1' } });
  expect(await answer('an hour later')).toMatchObject({ args: { op: 'reschedule', audition: 'a1', shiftMinutes: 60 } });
});

test('a choice is picked by position or by typing its label', async () => {
  const roles: OpenQuestion = {
    skill: 'book-audition',
    slot: 'role',
    args: { op: 'book', person: 'T00007', when: 'Thursday 3pm' },
    choices: ['STEEL', 'BRICK', 'HANDSOME MAN'].map((r) => ({ label: r, args: { role: r } })),
  };
  expect(await (await asked(roles))('the second one')).toMatchObject({ args: { role: 'BRICK', when: 'Thursday 3pm' } });
  expect(await (await asked(roles))('handsome man')).toMatchObject({ args: { role: 'HANDSOME MAN' } });
  // Not a choice but plainly a role's name: taken as written, for the skill to check.
  expect(await (await asked(roles))('for COGNITO')).toMatchObject({ args: { role: 'COGNITO' }, via: 'answer' });
});

test('"who should I look for?" takes a description, or "anyone"', async () => {
  const q: OpenQuestion = { skill: 'propose-shortlist', slot: 'criteria', args: { role: 'MINION' } };
  expect(await (await asked(q))('a woman in her 30s')).toMatchObject({
    skill: 'propose-shortlist',
    args: { role: 'MINION', description: 'a woman in her 30s' },
  });
  expect(await (await asked(q))("doesn't matter")).toMatchObject({ args: { role: 'MINION', anyone: true } });
});

test('a clearly new request is done instead; the same request completes the question', async () => {
  const answer = await asked(whenForSteel);
  expect(await answer('find a tall man in his forties')).toMatchObject({ skill: 'search-talent', via: 'rules' });
  expect(await answer('auditions this week')).toMatchObject({ skill: 'book-audition', args: { op: 'list' } });
  // "book her Thursday 11am" restates the booking: what was already said stays.
  expect(await answer('book her for Thursday 11am')).toMatchObject({
    skill: 'book-audition',
    args: { person: 'T00007', role: 'STEEL', when: 'Thursday 11am' },
    via: 'answer',
  });
});

test('"never mind" drops the question; "yes" is not an answer to "which role?"; other people are not asked', async () => {
  const answer = await asked({ skill: 'book-audition', slot: 'role', args: { op: 'book' } });
  expect(await answer('never mind')).toMatchObject({ skill: 'help', args: { dropped: true } });
  expect(await answer('yes')).toMatchObject({ skill: 'help', args: { unrecognized: 'yes' } });
  // Ben was not asked: his "BRICK" is a request of his own.
  expect(await answer('BRICK', 'ben')).toMatchObject({ skill: 'propose-shortlist', args: { role: 'BRICK' }, via: 'rules' });
});
