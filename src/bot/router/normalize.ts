/**
 * Cleans a typed request before the rules read it: mentions of the bot go, and misspelt casting
 * words ("shorlist", "audtion", "tomorow") are put right. Only words of the router's own vocabulary
 * are corrected, and only when they are long enough that one or two slips cannot turn one word into
 * another: a name on the roster is never "corrected".
 */
import { distance } from 'fastest-levenshtein';

const VOCABULARY = [
  'shortlist',
  'audition',
  'auditions',
  'schedule',
  'reschedule',
  'cancel',
  'analyze',
  'analyse',
  'breakdown',
  'screenplay',
  'script',
  'tomorrow',
  'today',
  'candidates',
  'characters',
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
  'someone',
  'anyone',
  'actress',
  'actor',
  'please',
  'status',
  'suggest',
];

/** Leading mentions: Slack's `<@U123>`, Teams' and people's `@CastMatch`, "hey castmatch,". */
const MENTION = /<@[A-Z0-9]+(?:\|[^>]*)?>|^\s*@[\w.-]+[,:]?|^\s*(?:hey|hi|hello|ok|okay)\s+castmatch\b[,:!]?|^\s*castmatch[,:]/gi;

/** Short forms and slips too short for the spelling check: they are only ever these words. */
const SHORT_FORMS: Record<string, string> = {
  bok: 'book',
  boook: 'book',
  tmrw: 'tomorrow',
  tmr: 'tomorrow',
  tmw: 'tomorrow',
  tmrow: 'tomorrow',
  pls: 'please',
  plz: 'please',
  ppl: 'people',
};

export function normalizeRequest(text: string): string {
  return text
    .replace(MENTION, ' ')
    .replace(/\b[a-z]{3,6}\b/gi, (w) => SHORT_FORMS[w.toLowerCase()] ?? w)
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/[A-Za-z]{5,}/g, correctWord)
    .replace(/\s+/g, ' ')
    .trim();
}

function correctWord(word: string): string {
  const lower = word.toLowerCase();
  if (VOCABULARY.includes(lower)) return word;
  // Capitals are names (MARIA, Meera): never corrected.
  if (word !== lower && word[0] === word[0]?.toUpperCase() && !/^[A-Z][a-z]+$/.test(word)) return word;
  const slips = lower.length >= 8 ? 2 : 1;
  let best: string | undefined;
  let bestDistance = slips + 1;
  for (const w of VOCABULARY) {
    if (Math.abs(w.length - lower.length) > slips) continue;
    // Slips rarely hit the first letter, and "waitress" is not a misspelt "actress".
    if (w[0] !== lower[0]) continue;
    // An inflection ("actors", "scripts", "auditioned") is a word in its own right.
    if (lower.startsWith(w) || w.startsWith(lower)) continue;
    const d = swapped(lower, w) ? 1 : distance(lower, w);
    if (d < bestDistance) {
      best = w;
      bestDistance = d;
    }
  }
  return best ?? word;
}

/** Two neighbouring letters typed the wrong way round ("stauts"): one slip, though two edits. */
function swapped(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff = [...a].flatMap((c, i) => (c === b[i] ? [] : [i]));
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}
