/** Longest-match lookup of multi-word phrases in a token sequence. */
import { phraseTokens, type Token } from './tokens.js';

export interface PhraseMatch<T> {
  start: number;
  length: number;
  value: T;
}

export class PhraseMatcher<T> {
  private readonly byFirst = new Map<string, { tokens: string[]; value: T }[]>();

  /** Adds a phrase; the first value added for a phrase wins. */
  add(phrase: string, value: T): this {
    const tokens = phraseTokens(phrase);
    const first = tokens[0];
    if (!first) return this;
    const list = this.byFirst.get(first) ?? [];
    if (!list.some((p) => p.tokens.join(' ') === tokens.join(' '))) {
      list.push({ tokens, value });
      list.sort((a, b) => b.tokens.length - a.tokens.length);
    }
    this.byFirst.set(first, list);
    return this;
  }

  /** The longest phrase starting at token `i`, skipping tokens marked as used. */
  matchAt(tokens: Token[], i: number, used?: boolean[]): PhraseMatch<T> | undefined {
    const candidates = this.byFirst.get(tokens[i]?.norm ?? '');
    if (!candidates) return undefined;
    for (const c of candidates) {
      if (c.tokens.every((t, k) => tokens[i + k]?.norm === t && !used?.[i + k]))
        return { start: i, length: c.tokens.length, value: c.value };
    }
    return undefined;
  }

  /** Every non-overlapping match, left to right. */
  findAll(tokens: Token[], used?: boolean[]): PhraseMatch<T>[] {
    const out: PhraseMatch<T>[] = [];
    for (let i = 0; i < tokens.length;) {
      const m = used?.[i] ? undefined : this.matchAt(tokens, i, used);
      if (m) {
        out.push(m);
        i += m.length;
      } else i++;
    }
    return out;
  }
}
