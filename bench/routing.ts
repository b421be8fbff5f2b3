/**
 * The offline router on the labelled phrasings (test/fixtures/routing): how long one message takes
 * to route with no Claude key, rules first and the sentence encoder for what they only guess at.
 * Timed after the encoder has loaded; the share of messages that needed the encoder is reported too.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Router } from '../src/bot/router/router.js';
import { MeaningClassifier } from '../src/bot/router/meaning.js';
import { sharedUseEmbedder } from '../src/integrations/embeddings/use-embedder.js';
import { ChannelMemory } from '../src/memory/channel-memory.js';
import type { ChannelMemoryRepo } from '../src/memory/store.js';
import { createLogger } from '../src/log/logger.js';
import { summarize, type BenchRow } from './stats.js';

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../test/fixtures/routing');

/** Memory that holds nothing: the phrasings are first messages in an empty channel. */
const empty: ChannelMemoryRepo = {
  get: async () => undefined,
  set: async () => undefined,
  setIfAbsent: async () => true,
  delete: async () => undefined,
  all: async () => ({}),
  appendTurn: async () => undefined,
  recentTurns: async () => [],
};

export async function benchRouting(): Promise<BenchRow[]> {
  const texts: string[] = [];
  for (const set of ['phrasings', 'held-out', 'blind']) {
    const items = JSON.parse(await readFile(path.join(FIXTURES, `${set}.json`), 'utf8')) as { text: string }[];
    texts.push(...items.map((i) => i.text));
  }
  const log = createLogger('silent');
  const router = new Router([], log, undefined, new MeaningClassifier(async () => sharedUseEmbedder(), log));
  const memory = new ChannelMemory('local:bench:routing', empty);
  const now = new Date('2026-11-24T12:00:00Z');
  for (const t of texts.slice(0, 40)) await router.routeText(t, memory, now); // loads the encoder and its examples
  const samples: number[] = [];
  let byMeaning = 0;
  for (let pass = 0; pass < 3; pass++) {
    for (const t of texts) {
      const start = performance.now();
      const route = await router.routeText(t, memory, now);
      samples.push(performance.now() - start);
      if (pass === 0 && route.via === 'meaning') byMeaning++;
    }
  }
  const s = summarize(samples);
  return [
    { name: 'routing: offline message p50', value: s.p50, unit: 'ms' },
    { name: 'routing: offline message p95', value: s.p95, unit: 'ms', goal: '≤ 20 ms' },
    { name: 'routing: offline message p99', value: s.p99, unit: 'ms' },
    { name: 'routing: messages placed by meaning', value: (100 * byMeaning) / texts.length, unit: '%' },
  ];
}
