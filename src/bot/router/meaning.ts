/**
 * Intent by meaning: a request the rules cannot place is compared, with the shipped sentence
 * encoder, with every example of every skill. The skill whose closest examples are nearest wins,
 * but only by a margin; a near tie is a question for the user, and a request near nothing is
 * "I didn't catch that". The examples are embedded once, on the first request that needs them.
 */
import type { Logger } from 'pino';
import type { Embedder } from '../../integrations/embeddings/embedder.js';
import type { SkillId } from '../skill.js';
import { INTENT_EXAMPLES } from './intent-examples.js';

export type IntentGuess =
  | { kind: 'skill'; skill: SkillId; score: number }
  /** Two skills about as near: ask which. */
  | { kind: 'unsure'; choices: [SkillId, SkillId]; score: number }
  /** Near no example at all. */
  | { kind: 'none'; score: number };

/** Below this cosine similarity a request is like none of the examples. */
export const MIN_SCORE = 0.35;
/** With not one word the rules know ("lunch?"), being a little like an example is not enough. */
export const MIN_SCORE_WITHOUT_CUE = 0.45;
/** The winner must lead the next skill by this much, or the user is asked. */
export const MARGIN = 0.04;

interface Example {
  skill: SkillId;
  vector: Float32Array;
}

export class MeaningClassifier {
  private examples?: Promise<Example[] | undefined>;

  constructor(
    private readonly encoder: () => Promise<Embedder | undefined>,
    private readonly log: Logger,
    private readonly phrasings: Record<SkillId, string[]> = INTENT_EXAMPLES,
  ) {}

  /** The guess for one request, or undefined when no encoder can be loaded (the rules' answer stands). */
  async classify(text: string, cue: 'cue' | 'no-cue' = 'cue'): Promise<IntentGuess | undefined> {
    const examples = await this.load();
    const encoder = examples && (await this.encoder());
    if (!examples || !encoder) return undefined;
    const [query] = await encoder.embed([text]);
    if (!query) return undefined;
    const q = unit(query);
    const best = new Map<SkillId, number[]>();
    for (const e of examples) {
      const s = dot(q, e.vector);
      const top = best.get(e.skill) ?? [];
      top.push(s);
      top.sort((a, b) => b - a);
      best.set(e.skill, top.slice(0, 2));
    }
    // The mean of a skill's two nearest examples: one stray example does not carry a skill.
    const ranked = [...best.entries()]
      .map(([skill, s]) => ({ skill, score: s.reduce((a, b) => a + b, 0) / s.length }))
      .sort((a, b) => b.score - a.score);
    const [first, second] = ranked;
    if (!first || first.score < (cue === 'cue' ? MIN_SCORE : MIN_SCORE_WITHOUT_CUE)) return { kind: 'none', score: first?.score ?? 0 };
    if (second && first.score - second.score < MARGIN) return { kind: 'unsure', choices: [first.skill, second.skill], score: first.score };
    return { kind: 'skill', skill: first.skill, score: first.score };
  }

  private load(): Promise<Example[] | undefined> {
    this.examples ??= (async () => {
      try {
        const encoder = await this.encoder();
        if (!encoder) return undefined;
        const pairs = Object.entries(this.phrasings).flatMap(([skill, texts]) => texts.map((t) => ({ skill: skill as SkillId, t })));
        const vectors = await encoder.embed(pairs.map((p) => p.t));
        return pairs.map((p, i) => ({ skill: p.skill, vector: unit(vectors[i]!) }));
      } catch (err) {
        // Without the encoder the rules still answer; try again on a later request.
        this.log.warn({ err: (err as Error).message }, 'intent encoder unavailable; routing by rules only');
        this.examples = undefined;
        return undefined;
      }
    })();
    return this.examples;
  }
}

function unit(v: Float32Array): Float32Array {
  let n = 0;
  for (const x of v) n += x * x;
  const norm = Math.sqrt(n) || 1;
  return v.map((x) => x / norm);
}

function dot(a: Float32Array, b: Float32Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i]! * b[i]!;
  return s;
}
