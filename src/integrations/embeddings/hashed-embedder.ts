/**
 * Deterministic feature-hashing embedder: word unigrams and bigrams hashed into a fixed number of
 * signed buckets, then L2-normalised. No model, no I/O, microseconds per text: for unit tests, for
 * benchmarks at 100k profiles and as a fast fallback. It captures shared words, not meaning.
 */
import type { Embedder } from './embedder.js';

const STOPWORDS = new Set([
  'a',
  'an',
  'the',
  'and',
  'or',
  'of',
  'in',
  'on',
  'at',
  'to',
  'for',
  'with',
  'is',
  'are',
  'was',
  'be',
  'by',
  'as',
  'it',
  'its',
  'this',
  'that',
  'who',
  'he',
  'she',
  'they',
  'his',
  'her',
  'their',
  'from',
]);

/** 32-bit FNV-1a: stable across runs and platforms, so stored vectors stay comparable. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Lower-cased word tokens without stopwords, with a light plural strip ("horses" → "horse"). */
export function hashTokens(text: string): string[] {
  const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
  return words.filter((w) => !STOPWORDS.has(w)).map((w) => (w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w));
}

export class HashedEmbedder implements Embedder {
  readonly model: string;

  /** @param dimensions number of hash buckets; the model id records it (`hashed-256`). */
  constructor(readonly dimensions = 256) {
    if (!Number.isInteger(dimensions) || dimensions < 8) throw new RangeError('hashed embedder needs at least 8 dimensions');
    this.model = `hashed-${dimensions}`;
  }

  async embed(texts: string[]): Promise<Float32Array[]> {
    return texts.map((t) => this.embedOne(t));
  }

  /** Synchronous variant for callers that embed many texts in a tight loop (benchmarks). */
  embedOne(text: string): Float32Array {
    const v = new Float32Array(this.dimensions);
    const tokens = hashTokens(text);
    const add = (feature: string, weight: number) => {
      const h = fnv1a(feature);
      // The top bit picks the sign: collisions then cancel out on average instead of piling up.
      v[h % this.dimensions]! += (h & 0x80000000 ? -1 : 1) * weight;
    };
    for (let i = 0; i < tokens.length; i++) {
      add(tokens[i]!, 1);
      if (i + 1 < tokens.length) add(`${tokens[i]} ${tokens[i + 1]}`, 0.5);
    }
    let norm = 0;
    for (let i = 0; i < v.length; i++) norm += v[i]! * v[i]!;
    norm = Math.sqrt(norm);
    if (norm > 0) for (let i = 0; i < v.length; i++) v[i]! /= norm;
    return v;
  }
}
