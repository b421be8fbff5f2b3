/**
 * The meaning classifier's decisions, over a toy encoder whose geometry the test controls: a clear
 * winner routes, a near tie asks, nothing near is "I didn't catch that", and a broken encoder leaves
 * the rules' answer standing (and is tried again later).
 */
import { MeaningClassifier, MARGIN, MIN_SCORE, MIN_SCORE_WITHOUT_CUE } from '../../../src/bot/router/meaning.js';
import type { Embedder } from '../../../src/integrations/embeddings/embedder.js';
import type { SkillId } from '../../../src/bot/skill.js';
import { createLogger } from '../../../src/log/logger.js';

/** Each text is a point on the unit circle at the angle (in degrees) written in it: "deg:30". */
const circle: Embedder = {
  model: 'circle',
  dimensions: 2,
  embed: async (texts) =>
    texts.map((t) => {
      const a = (Number(/deg:(-?\d+)/.exec(t)?.[1] ?? 0) * Math.PI) / 180;
      return Float32Array.from([Math.cos(a), Math.sin(a)]);
    }),
};

const EXAMPLES = {
  'search-talent': ['deg:0', 'deg:5'],
  'propose-shortlist': ['deg:90', 'deg:95'],
  'book-audition': ['deg:180', 'deg:185'],
  'analyze-script': ['deg:270'],
  status: ['deg:265'],
  help: ['deg:275'],
} as Record<SkillId, string[]>;

const log = createLogger('silent');
const classifier = new MeaningClassifier(async () => circle, log, EXAMPLES);

test('a request near one skill’s examples goes to that skill', async () => {
  expect(await classifier.classify('deg:10')).toMatchObject({ kind: 'skill', skill: 'search-talent' });
  expect(await classifier.classify('deg:170')).toMatchObject({ kind: 'skill', skill: 'book-audition' });
});

test('halfway between two skills is a question, not a guess', async () => {
  const guess = await classifier.classify('deg:47');
  expect(guess).toMatchObject({ kind: 'unsure' });
  expect(guess?.kind === 'unsure' && [...guess.choices].sort()).toEqual(['propose-shortlist', 'search-talent']);
  // Clear of the margin either side, it decides.
  expect(MARGIN).toBeLessThan(0.1);
  expect(await classifier.classify('deg:30')).toMatchObject({ kind: 'skill', skill: 'search-talent' });
});

test('a request like nothing is "none", and with no cue at all it takes more to be placed', async () => {
  // Only two skills, at 0° and 180°: 90° is unlike both.
  const far = new MeaningClassifier(async () => circle, log, {
    ...EXAMPLES,
    'propose-shortlist': [],
    'analyze-script': [],
    status: [],
    help: [],
  });
  expect(await far.classify('deg:90')).toMatchObject({ kind: 'none' });
  // 67° from the search examples: similar enough with a cue in the words, not without one.
  const similarity = (Math.cos((67 * Math.PI) / 180) + Math.cos((62 * Math.PI) / 180)) / 2;
  expect(similarity).toBeGreaterThan(MIN_SCORE);
  expect(similarity).toBeLessThan(MIN_SCORE_WITHOUT_CUE);
  expect(await far.classify('deg:67')).toMatchObject({ kind: 'skill', skill: 'search-talent' });
  expect(await far.classify('deg:67', 'no-cue')).toMatchObject({ kind: 'none' });
});

test('without an encoder the classifier stands aside, and a failed load is tried again', async () => {
  let calls = 0;
  const flaky = new MeaningClassifier(
    async () => {
      calls++;
      if (calls === 1) throw new Error('model files missing');
      return circle;
    },
    log,
    EXAMPLES,
  );
  expect(await flaky.classify('deg:0')).toBeUndefined();
  expect(await flaky.classify('deg:0')).toMatchObject({ kind: 'skill', skill: 'search-talent' });
  expect(await new MeaningClassifier(async () => undefined, log, EXAMPLES).classify('deg:0')).toBeUndefined();
});
