/**
 * The offline router against what casting people actually type: hand-labelled messages in varied
 * styles (test/fixtures/routing). Prints skill and argument accuracy per set and fails below the
 * goals. Routes exactly as a chat message without Claude: rules, then meaning with the shipped encoder.
 */
import { readFileSync } from 'node:fs';
import * as chrono from 'chrono-node';
import { Router } from '../../../src/bot/router/router.js';
import { MeaningClassifier } from '../../../src/bot/router/meaning.js';
import { sharedUseEmbedder } from '../../../src/integrations/embeddings/use-embedder.js';
import { ChannelMemory } from '../../../src/memory/channel-memory.js';
import { InMemoryChannels } from '../../helpers/memory.js';
import { createLogger } from '../../../src/log/logger.js';

interface Labelled {
  text: string;
  skill: string;
  args: Record<string, unknown>;
}

const NOW = new Date('2026-11-24T12:00:00Z'); // a Tuesday
const GOALS = { skill: 0.97, args: 0.9 };
const SETS = ['phrasings', 'held-out', 'blind'] as const;

const load = (name: string): Labelled[] =>
  JSON.parse(readFileSync(new URL(`../../fixtures/routing/${name}.json`, import.meta.url), 'utf8')) as Labelled[];

const norm = (v: unknown) =>
  String(v ?? '')
    .toLowerCase()
    .replace(/\s+/g, ' ')
    .trim();
const instant = (w: unknown) => chrono.parseDate(String(w), NOW, { forwardDate: true })?.getTime();

/** Does one extracted argument say what the label says? Times by the instant they mean; word lists by inclusion. */
function argMatches(key: string, want: unknown, got: Record<string, unknown>): boolean {
  switch (key) {
    case 'query_has':
      return (want as string[]).every((w) => norm(got.query).includes(w.toLowerCase()));
    case 'description_has':
      return (want as string[]).every((w) => norm(got.description).includes(w.toLowerCase()));
    case 'text_has':
      return (want as string[]).every((w) => norm(got.text).includes(w.toLowerCase()));
    case 'when':
      return got.when !== undefined && instant(got.when) === instant(want);
    case 'unrecognized':
      return got.unrecognized !== undefined;
    default:
      return norm(got[key]) === norm(want);
  }
}

const log = createLogger('silent');
const router = new Router([], log, undefined, new MeaningClassifier(async () => sharedUseEmbedder(), log));
const results: string[] = [];

describe.each(SETS)('%s', (set) => {
  test(`skill accuracy ≥ ${GOALS.skill} and argument accuracy ≥ ${GOALS.args}`, async () => {
    const items = load(set);
    const memory = new ChannelMemory(`local:fixtures:${set}`, new InMemoryChannels());
    let skills = 0;
    let argsRight = 0;
    const wrong: string[] = [];
    for (const item of items) {
      // A "/cast …" line is a slash command, as in chat.
      const command = /^\/cast\s+(.*)$/s.exec(item.text)?.[1];
      const route = command ? await router.routeCommand(command, memory, NOW) : await router.routeText(item.text, memory, NOW);
      if (route.kind !== 'skill') throw new Error(`"${item.text}" routed to ${route.kind}`);
      if (route.skill !== item.skill) {
        wrong.push(`skill  ${item.skill} ← ${route.skill}: ${item.text}`);
        continue;
      }
      skills++;
      const bad = Object.entries(item.args).filter(([k, v]) => !argMatches(k, v, route.args));
      if (bad.length === 0) argsRight++;
      else wrong.push(`args   ${bad.map(([k]) => k).join(', ')}: ${item.text} → ${JSON.stringify(route.args)}`);
    }
    const skillAccuracy = skills / items.length;
    // Arguments are judged on the messages that reached the right skill.
    const argAccuracy = argsRight / Math.max(1, skills);
    results.push(
      `${set.padEnd(10)} ${String(items.length).padStart(4)} messages  skill ${skillAccuracy.toFixed(3)}  arguments ${argAccuracy.toFixed(3)}`,
      ...wrong.map((w) => `  ${w}`),
    );
    expect(skillAccuracy).toBeGreaterThanOrEqual(GOALS.skill);
    expect(argAccuracy).toBeGreaterThanOrEqual(GOALS.args);
  }, 120_000);
});

afterAll(() => {
  process.stdout.write(
    `\nOffline routing on labelled phrasings (goals: skill ${GOALS.skill}, arguments ${GOALS.args})\n${results.join('\n')}\n`,
  );
});
