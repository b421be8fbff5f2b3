/**
 * Gender and playing age read from a character's introduction, only where the script states them
 * next to the name ("EDWARD BLOOM, 40's", "PING (27)", "two girls in their early twenties", "a
 * young GUY"). "Any gender" here settles it: later pronouns may say "he" for a role open to anyone.
 */
import type { Gender } from './types.js';

export interface IntroFacts {
  gender: Gender | null;
  ageRange: [number, number] | null;
  evidence: string[];
  /** The words the age was read from, to tell a stated age ("40's") from a likely one ("retired"). */
  ageQuote?: string;
}

const FEMALE =
  /^(?:woman|women|girl|girls|lady|ladies|mother|mom|wife|daughter|sister|grandmother|grandma|aunt|niece|queen|princess|actress|waitress|widow|bride|girlfriend|female|matriarch|nun)$/i;
const MALE =
  /^(?:man|men|boy|boys|guy|guys|gentleman|father|dad|husband|son|brother|grandfather|grandpa|uncle|nephew|king|prince|widower|groom|boyfriend|male|patriarch|priest)$/i;
const DECADE_WORDS: Record<string, number> = {
  twenties: 20,
  thirties: 30,
  forties: 40,
  fifties: 50,
  sixties: 60,
  seventies: 70,
  eighties: 80,
  nineties: 90,
};

/** Names and connectors ("and INA", ", DAN") between the name and its description are skipped. */
const OTHER_NAMES = /^\s*(?:,|and|&)\s*(?!AGE\b)\p{Lu}[\p{Lu}'.\-]+(?:\s+\p{Lu}[\p{Lu}'.\-]+)*(?=[\s,.(]|$)/u;

/**
 * Gender and age of a character from the intro text after its name, from the words just before it
 * ("a young GUY"), and from the name itself.
 */
export function readIntroFacts(name: string, after: string, before = ''): IntroFacts {
  let w = after;
  for (let m = OTHER_NAMES.exec(w); m; m = OTHER_NAMES.exec(w)) w = w.slice(m[0].length);
  w = sentence(w);
  const evidence: string[] = [];
  const anyGender = /\bany gender\b/i.exec(w);
  let gender: Gender | null = anyGender ? 'any' : null;
  if (anyGender) evidence.push(anyGender[0]);
  if (!gender) {
    const g = genderOf(name) ?? genderInWords(w);
    if (g) {
      gender = g.gender;
      evidence.push(g.quote);
    }
  }
  let ageRange: [number, number] | null = null;
  const anyAge = /\bany age\b/i.exec(w);
  if (anyAge) evidence.push(anyAge[0]);
  else {
    const a = ageOf(w) ?? ageBefore(before);
    if (a) {
      ageRange = a.range;
      evidence.push(a.quote);
    }
  }
  const ageQuote = ageRange ? evidence.at(-1) : undefined;
  return { gender, ageRange, evidence, ...(ageQuote ? { ageQuote } : {}) };
}

/** The description up to the end of its sentence, at most a short clause's length. */
function sentence(s: string): string {
  const end = /[.!?](?=\s+\p{Lu}|\s*$)/u.exec(s);
  return (end ? s.slice(0, end.index) : s).slice(0, 160);
}

function genderOf(name: string): { gender: Gender; quote: string } | null {
  for (const word of name.split(/\s+/)) {
    if (FEMALE.test(word)) return { gender: 'female', quote: name };
    if (MALE.test(word)) return { gender: 'male', quote: name };
  }
  return null;
}

/** A gendered noun in the appositive ("a white woman", "two girls"), not a relation ("her husband"). */
function genderInWords(w: string): { gender: Gender; quote: string } | null {
  const inTheir = /\bin (her|his) (?:early |mid-?|late )?(?:\d0['’]?s|\w+ties)\b/i.exec(w);
  if (inTheir) return { gender: inTheir[1]!.toLowerCase() === 'her' ? 'female' : 'male', quote: inTheir[0] };
  const words = w
    .split(/[\s,;()]+/)
    .filter(Boolean)
    .slice(0, 8);
  for (let i = 0; i < words.length; i++) {
    const word = words[i]!.replace(/[^\p{L}]/gu, '');
    if (/^(?:his|her|their|whose|of|than|any|every|no|like)$/i.test(words[i - 1] ?? '')) continue;
    if (FEMALE.test(word)) return { gender: 'female', quote: words.slice(Math.max(0, i - 2), i + 1).join(' ') };
    if (MALE.test(word)) return { gender: 'male', quote: words.slice(Math.max(0, i - 2), i + 1).join(' ') };
  }
  return null;
}

interface AgeHit {
  index: number;
  range: [number, number];
  quote: string;
}

function ageOf(w: string): { range: [number, number]; quote: string } | null {
  const head = w.slice(0, 90);
  const hits: AgeHit[] = [];
  const add = (re: RegExp, f: (m: RegExpExecArray) => [number, number] | null) => {
    const m = re.exec(head);
    const range = m ? f(m) : null;
    if (m && range && range[0] <= range[1] && range[1] <= 120) hits.push({ index: m.index, range, quote: m[0].trim() });
  };
  add(/^\s*\(\s*(\d{1,3})\s*\)/, (m) => exact(m[1]!));
  add(/^\s*\(\s*(\d{1,3})\s*[-–]\s*(\d{1,3})\s*\)/, (m) => [Number(m[1]), Number(m[2])]);
  add(/^\s*,\s*(\d{1,3})(?![\d'’s\-])/, (m) => exact(m[1]!));
  add(/\bage[sd]?\s+(\d{1,3})\b/i, (m) => exact(m[1]!));
  add(/\b(\d{1,3})[- ]years?[- ]old\b/i, (m) => exact(m[1]!));
  add(new RegExp(`\\b(${NUMBER_WORD})[- ]years?[- ]old\\b`, 'i'), (m) => numberWord(m[1]!));
  add(/\b(?:(early|mid|late)[- ]?)?([1-9])0['’]?s\b/i, (m) => decade(Number(m[2]) * 10, m[1]));
  add(/\b(?:(early|mid|late)[- ]?)?(twenties|thirties|forties|fifties|sixties|seventies|eighties|nineties)\b/i, (m) =>
    decade(DECADE_WORDS[m[2]!.toLowerCase()]!, m[1]),
  );
  add(/\b(?:teen|teens|teenage|teenager)\b/i, () => [13, 19]);
  for (const [re, range] of AGE_WORDS) add(re, () => range);
  hits.sort((a, b) => a.index - b.index);
  return hits[0] ?? null;
}

/** Words that put a person in an age band; ranges are what a breakdown would ask for. */
const AGE_WORDS: [RegExp, [number, number]][] = [
  [/\bretir(?:ed|ee|ees)\b|\bpensioners?\b/i, [55, 75]],
  [/\bmiddle[- ]aged\b/i, [40, 60]],
  [/\belderly\b/i, [65, 85]],
];

/** An age word right before the name: "a young GUY", "the elderly BAKER", "a little GIRL", "A forty-year old man named BEAMEN". */
function ageBefore(before: string): { range: [number, number]; quote: string } | null {
  const years = new RegExp(`\\b(\\d{1,3}|${NUMBER_WORD})[- ]years?[- ]old\\b(?:\\s+\\p{Ll}+){0,3}[\\s,]*$`, 'iu').exec(before.slice(-60));
  const stated = years ? numberWord(years[1]!) : null;
  if (years && stated) return { range: stated, quote: years[0].trim() };
  const m = /\b(young|teenage|elderly|old|middle[- ]aged|little)\b[\s,]+(?:\p{Lu}[\p{Lu}'.\-]*\s+){0,2}$/u.exec(before.slice(-40));
  if (!m) return null;
  const word = m[1]!.toLowerCase();
  const range: [number, number] =
    word === 'young'
      ? [18, 30]
      : word === 'teenage'
        ? [13, 19]
        : word === 'little'
          ? [5, 10]
          : word === 'middle-aged' || word === 'middle aged'
            ? [40, 60]
            : [65, 85];
  return { range, quote: m[0].trim() };
}

const UNITS = [
  'zero',
  'one',
  'two',
  'three',
  'four',
  'five',
  'six',
  'seven',
  'eight',
  'nine',
  'ten',
  'eleven',
  'twelve',
  'thirteen',
  'fourteen',
  'fifteen',
  'sixteen',
  'seventeen',
  'eighteen',
  'nineteen',
];
const TENS = ['', '', 'twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
/** An age in words: "seventeen", "forty", "forty-five", "twenty one". */
export const NUMBER_WORD = `(?:${TENS.slice(2).join('|')})(?:[- ](?:${UNITS.slice(1, 10).join('|')}))?|${UNITS.slice(1).join('|')}`;

/** "forty-five" → [45, 45]; digits as they are. */
export function numberWord(s: string): [number, number] | null {
  if (/^\d+$/.test(s)) return exact(s);
  const [tens = '', unit = ''] = s.toLowerCase().split(/[- ]/);
  const t = TENS.indexOf(tens);
  const n = t >= 2 ? t * 10 + Math.max(0, UNITS.indexOf(unit)) : UNITS.indexOf(tens);
  return n > 0 ? [n, n] : null;
}

function exact(n: string): [number, number] {
  return [Number(n), Number(n)];
}

function decade(d: number, modifier: string | undefined): [number, number] {
  switch (modifier?.toLowerCase()) {
    case 'early':
      return [d, d + 4];
    case 'mid':
      return [d + 3, d + 6];
    case 'late':
      return [d + 5, d + 9];
    default:
      return [d, d + 9];
  }
}
