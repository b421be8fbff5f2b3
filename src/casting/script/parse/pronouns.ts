/**
 * Gender from the pronouns that refer to a character in action lines, for characters whose
 * introduction does not say. Only readings a careful reader would not doubt are counted:
 * - a possessive or reflexive right after the one character named before it in the sentence
 *   ("Ina is squeezing the knife in her hand");
 * - a pronoun that opens a sentence, or is in a sentence that names no one, refers to the subject
 *   of the sentence before, or to whoever just spoke ("He's completely feral" after KARL). One in a
 *   clause before the name ("When his time comes, Edward leaps") points forward and is skipped;
 * - "him" or an object "her" after the only person named in the sentence refers to the one
 *   mentioned before them ("Steel SMACKS him" after COGNITO spoke; "DOG runs up to her"), unless
 *   another proper name stands between ("Zacky would run too, but Don holds him").
 * An appositive relation ("DICK STEEL, his former partner") is about the one named before: BRICK.
 * Each character's votes must agree: a single contrary reading leaves the gender unknown.
 */
import type { Mention } from './names.js';
import type { Gender } from './types.js';

/** One element of the script in reading order: a speech by a character, or action with its mentions. */
export type ReadingEvent = { kind: 'speech'; key: () => string } | { kind: 'action'; text: string; mentions: Mention[] };

export interface PronounVote {
  gender: Gender;
  /** The sentence it was read in; quoted only for the vote that becomes evidence. */
  sentence: string;
}

const PRONOUN = /\b(he|him|his|himself|she|her|hers|herself)\b/gi;
const FEMALE = new Set(['she', 'her', 'hers', 'herself']);
/** After an object "her": the end of a clause, a conjunction or a preposition, not the noun she owns. */
const OBJECT_HER_FOLLOWER = /^\s*(?:$|[.,;:!?)—–-]|(?:and|but|or|to|with|as|in|on|at|from|into|for|off|away|back|up|down|again|then)\b)/i;
const RELATION_APPOSITIVE = /^\s*,\s*(?:his|her)\s/i;
/** A Title Case word: a name the matcher does not know may be the one acted on. Capitals for emphasis ("SMACKS") are not. */
const PROPER_NAME = /\b\p{Lu}\p{Ll}+/u;

export function pronounVotes(events: ReadingEvent[]): Map<string, PronounVote[]> {
  const votes = new Map<string, PronounVote[]>();
  const vote = (key: string | undefined, pronoun: string, sentence: string) => {
    if (!key) return;
    const gender: Gender = FEMALE.has(pronoun.toLowerCase()) ? 'female' : 'male';
    (votes.get(key) ?? votes.set(key, []).get(key)!).push({ gender, sentence });
  };
  /** Most recently mentioned or speaking characters, newest first. */
  let recent: string[] = [];
  let previousSubject: string | undefined;
  const seen = (key: string) => {
    recent = [key, ...recent.filter((k) => k !== key)].slice(0, 6);
  };

  for (const e of events) {
    if (e.kind === 'speech') {
      const key = e.key();
      seen(key);
      previousSubject = key;
      continue;
    }
    for (const { text, start } of sentences(e.text)) {
      const mentions = e.mentions
        .filter((m) => m.index >= start && m.end <= start + text.length)
        .map((m) => ({ ...m, index: m.index - start, end: m.end - start }));
      const before = recent;
      for (const p of text.matchAll(PRONOUN)) {
        const word = p[1]!;
        const at = p.index;
        const earlier = mentions.filter((m) => m.end <= at);
        const lower = word.toLowerCase();
        const object = lower === 'him' || (lower === 'her' && OBJECT_HER_FOLLOWER.test(text.slice(at + word.length)));
        if (earlier.length === 0) {
          const opens = text.slice(0, at).trim() === '';
          if (!object && (opens || mentions.length === 0)) vote(previousSubject ?? before[0], word, text);
          continue;
        }
        const named = new Set(earlier.map((m) => m.key));
        if (named.size !== 1) continue;
        const only = earlier[earlier.length - 1]!;
        const appositive = RELATION_APPOSITIVE.test(text.slice(only.end, at + word.length + 1));
        if (object || appositive) {
          // Someone other than the one named: the last other person the text was about.
          const others = before.filter((k) => k !== only.key);
          const between = text.slice(only.end, at);
          if (others.length > 0 && mentions.every((m) => m.key === only.key) && !PROPER_NAME.test(between)) vote(others[0], word, text);
        } else {
          vote(only.key, word, text);
        }
      }
      for (const m of mentions) seen(m.key);
      if (mentions.length) previousSubject = mentions[0]!.key;
    }
  }
  return votes;
}

/** The gender the votes agree on, with one quote as evidence; none when any vote disagrees. */
export function agreedGender(votes: PronounVote[] | undefined): { gender: Gender; quote: string } | undefined {
  if (!votes?.length) return undefined;
  const first = votes[0]!;
  return votes.every((v) => v.gender === first.gender) ? { gender: first.gender, quote: quoteOf(first.sentence) } : undefined;
}

function sentences(text: string): { text: string; start: number }[] {
  const out: { text: string; start: number }[] = [];
  const re = /[^.!?]+(?:[.!?]+|$)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) if (m[0].trim()) out.push({ text: m[0], start: m.index });
  return out;
}

function quoteOf(sentence: string): string {
  const s = sentence.trim().replace(/\s+/g, ' ');
  return s.length > 100 ? `${s.slice(0, 97)}…` : s;
}
