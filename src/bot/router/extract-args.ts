/**
 * Reads a skill's arguments out of a request once the skill is known: who, which role, when, how
 * many, what description. Shared by the rules and the meaning classifier, which only differ in how
 * they pick the skill.
 */
import * as chrono from 'chrono-node';
import type { SkillId } from '../skill.js';
import { CANCEL, NOT_A_ROLE, RESCHEDULE, SCRIPT_FILE } from './cues.js';

/** A role's name as scripts write it: MARIA, DR. BENNETT, DETECTIVE RUIZ. */
const CAPS_NAME = /\b([A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+)*)\b/;
const REFERENCE = /^(her|him|them|it|this|that|this one|that one|this role|that role|the role)$/i;

export function argsFor(skill: SkillId, text: string, now: Date): Record<string, unknown> {
  switch (skill) {
    case 'search-talent':
      return { query: searchQuery(text) };
    case 'propose-shortlist':
      return shortlistArgs(text);
    case 'book-audition':
      return listingRange(text) ?? bookingArgs(text, now);
    case 'analyze-script': {
      const file = SCRIPT_FILE.exec(text)?.[1];
      return file ? { file } : {};
    }
    case 'correct-role':
      return correctionArgs(text);
    case 'status':
    case 'help':
      return {};
  }
}

/** "STEEL is a man, 55–65, boxes", "make STEEL older: 60-70", "undo the change to STEEL". */
export function correctionArgs(t: string): Record<string, unknown> {
  const role = capsRole(t)?.name;
  if (/\bundo\b/i.test(t)) return { undo: true, ...(role ? { role } : {}) };
  const said = CORRECTION.exec(t)?.[2]?.trim();
  return { ...(role ? { role } : {}), ...(said ? { text: said } : {}) };
}

/** The role's name, then what it is: "STEEL is …", "STEEL should be …", "make STEEL …", "STEEL: …". */
export const CORRECTION =
  /^\s*(?:make\s+|set\s+)?([A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+)*)(?:'s|\s+is|\s+should\s+be|\s+plays|\s+as|:|\s+to\s+be|\s+(?=(?:a|an|male|female|non-binary|older|younger|\d)\b))\s*(.+)$/;

/** The words of the request that name a time ("Thursday 3pm", "tomorrow from 10am"). */
export function datePhrase(t: string, now: Date): { text: string; index: number } | undefined {
  // An age ("40s", "in her 30s") is not a time, though the date parser reads "40s" as seconds.
  // Nor is a length ("for 20 minutes").
  const found = chrono
    .parse(t, now, { forwardDate: true })
    .filter(
      (r) =>
        !/^\d{1,3}'?s$/i.test(r.text.trim()) &&
        !/^(?:for|in)?\s*(?:\d+|an?|half an?)\s*(?:min(?:ute)?s?|hours?)$/i.test(r.text.trim()) &&
        !/^(?:in\s+)?(?:a|one)\s+(?:sec|second|moment|minute|mo)$/i.test(r.text.trim()),
    );
  const [first] = found;
  if (!first) return undefined;
  // "Thursday week at 11am" comes back in pieces: join the pieces only filler separates.
  let end = first.index + first.text.length;
  for (const next of found.slice(1)) {
    if (!/^[\s,]*(?:week|at|from|starting(?:\s+at)?|around|by|the|on)?[\s,]*$/i.test(t.slice(end, next.index))) break;
    end = next.index + next.text.length;
  }
  return { text: t.slice(first.index, end), index: first.index };
}

function lastDatePhrase(t: string, now: Date): { text: string; index: number } | undefined {
  let found = datePhrase(t, now);
  for (let next = found; next;) {
    found = next;
    const from = next.index + next.text.length;
    const later = datePhrase(t.slice(from), now);
    next = later ? { text: later.text, index: from + later.index } : undefined;
  }
  return found;
}

const LISTING =
  /\b(list|show|what|which|any|anything|rundown|when(?:'s|\s+is|\s+are))\b.*\b(auditions?|diary|schedule|coming in|seeing|booked)\b|^\s*(?:upcoming|today's|tomorrow's|this week's|next week's)\s+auditions?\b|\bauditions?\s+(?:coming up|lined up)\b|\b(?:anything|what's|whats)\s+(?:coming up|on)\b.*\baudition|\bwho(?:'s|\s+is|\s+are)\s+(?:reading|coming in|auditioning)\b|\bwho(?:'s|\s+is|\s+are)\b.*\b(coming in|seeing|booked|auditioning|in the diary)\b|^\s*(?:any\s+|our\s+|my\s+)?auditions?\s+(today|tomorrow|this week|next week|upcoming|scheduled|booked)\b|^\s*(?:any\s+|our\s+|my\s+|the\s+)?auditions\s+(?:for|with)\b|^\s*(?:my\s+|our\s+)?auditions?\s*\??\s*$/i;

/** "auditions this week", "what's in the diary tomorrow": a listing, with its range. */
export function listingRange(t: string): { op: 'list'; range: string; role?: string } | undefined {
  if (!LISTING.test(t) || /\b(book|pencil|cancel|move|reschedule|get|bring|see)\b/i.test(t) || RESCHEDULE.test(t) || CANCEL.test(t))
    return undefined;
  const range = t.match(/\b(today|tomorrow|this week|next week|upcoming)\b/i)?.[1]?.toLowerCase() ?? 'upcoming';
  const role = capsRole(t)?.name;
  const person = personIn(t, { leftovers: false })?.name;
  return { op: 'list', range, ...(role ? { role } : {}), ...(person && !/^(her|him|them|it)$/.test(person) ? { person } : {}) };
}

export function bookingArgs(t: string, now: Date): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  if (RESCHEDULE.test(t)) args.op = 'reschedule';
  else if (CANCEL.test(t)) args.op = 'cancel';
  else args.op = 'book';

  let rest = t;
  const shift = shiftMinutes(t);
  if (args.op === 'reschedule' && shift !== undefined) {
    args.shiftMinutes = shift;
    rest = rest.replace(SHIFT, ' ');
  } else {
    // Moving names the old time first and the new one last: "…on Thursday, put her on Friday at 11am instead".
    const when = args.op === 'reschedule' ? lastDatePhrase(t, now) : datePhrase(t, now);
    if (when) {
      args.when = when.text;
      rest = rest.slice(0, when.index) + ' ' + rest.slice(when.index + when.text.length);
    }
  }
  const duration = rest.match(/\b(\d{1,3}|half[ -]an?|an?)[\s-]*(min(?:ute)?s?|hours?)\b(\s+each)?|\bhalf[ -]hour\b/i);
  if (duration) {
    const n = /half/i.test(duration[0])
      ? 30
      : /^an?$/i.test(duration[1] ?? '')
        ? 60
        : Number(duration[1]) * (/^h/i.test(duration[2] ?? '') ? 60 : 1);
    args.durationMinutes = n;
    rest = rest.replace(duration[0], ' ');
  }
  if (/\b(the\s+)?(whole\s+)?short\s?-?list(?:ed)?\b|\bevery(?:one|body)\b|\ball\s+of\s+them\b/i.test(rest)) args.session = true;

  const role = capsRole(rest);
  if (role) {
    args.role = role.name;
    rest = rest.slice(0, role.start) + ' ' + rest.slice(role.end);
  }
  const person = args.session ? undefined : personIn(rest);
  if (person) {
    args.person = person.name;
    rest = rest.slice(0, person.start) + ' ' + rest.slice(person.end);
  }
  if (!args.role) {
    // "Siobhan's landlady audition", "the landlady read with Meera".
    const before = /(?:'s|\bthe)\s+([a-z][\w-]*)\s+(?:audition|read|reading|session|slot)\b/i.exec(t)?.[1];
    if (before && !/^(next|first|second|third|last|same|whole|other|new|old|morning|afternoon|evening|\d+\w*)$/i.test(before))
      args.role = before;
  }
  if (!args.role) {
    // A role in lower case: "Tomás for the bartender", "book her for the role of the landlady".
    const lower =
      /\bfor\s+(?:the\s+)?(?:(?:role|part)\s+of\s+)?(?:the\s+)?([a-z][\w'-]*(?:\s+(?!for\b|at\b|on\b|book\b|please\b)[a-z][\w'-]*)?)/i.exec(
        rest,
      );
    const word = lower?.[1]?.toLowerCase();
    if (word && !FILLER.test(word)) args.role = REFERENCE.test(word) ? word : word;
  }
  return args;
}

/** Words around a booking that name neither a person nor a role. */
const FILLER =
  /^(?:an?|the|audition|auditions|reading|session|slot|slots|time|it|that|everyone|them|us|me|minutes?|mins?|hour|each|a bit|now|him in|her in)$/i;

const NOT_NAMES = new Set(
  `would could can please pls book bump slide knock strike scrub canx axe resched line pull books booking cancel move push reschedule postpone pencil schedule set arrange see meet get put fit bring slot let's lets i i'd we we'd audition auditions the a an is are any which what who call scrap scratch shift change okay ok hi hey thanks also then so right sorry session shortlist everyone can't cannot won't monday tuesday wednesday thursday friday saturday sunday mon tue tues wed thu thur thurs fri sat sun today tomorrow tonight january february march april may june july august september october november december role part for and with`.split(
    ' ',
  ),
);

/** Who a booking is about: "the second one", a capitalised name ("Grace Chen", "Tomás"), "her", or the words left over. */
function personIn(rest: string, o: { leftovers: boolean } = { leftovers: true }): { name: string; start: number; end: number } | undefined {
  const ordinal =
    /\b(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)(?:\s+(?:one|person|actor|actress|candidate|name|option))?\b/i.exec(
      rest,
    );
  if (ordinal) return { name: `the ${ordinal[1]!.toLowerCase()} one`, start: ordinal.index, end: ordinal.index + ordinal[0].length };
  // A capitalised word that starts a word ("STEEL's" holds no name "L's").
  for (const m of rest.matchAll(/(?<![\p{L}'’])\p{Lu}\p{Ll}[\p{Ll}'’-]*(?:\s+\p{Lu}\p{Ll}[\p{Ll}'’-]*)*/gu)) {
    const words = m[0].split(/\s+/);
    let from = 0;
    while (from < words.length && NOT_NAMES.has(words[from]!.toLowerCase().replace(/[’']s$/, ''))) from++;
    let to = from;
    while (to < words.length && !NOT_NAMES.has(words[to]!.toLowerCase())) to++;
    if (to > from) {
      const name = words
        .slice(from, to)
        .join(' ')
        .replace(/[’']s$/, '');
      const start = (m.index ?? 0) + m[0].indexOf(words[from]!);
      return { name, start, end: start + words.slice(from, to).join(' ').length };
    }
  }
  const pronoun = /\b(her|him|them|it|that one|this one)\b/i.exec(rest);
  if (!o.leftovers) return undefined;
  // Lower-case names ("book meera thursday 3pm"): the one word left after the request's own words.
  // Before "for" is the person ("tomás for jenny"); with nothing before it, after it ("a slot for omar").
  const words = (part: string) =>
    part
      .replace(/[,.!?:;]/g, ' ')
      .split(/\s+/)
      .filter((w) => /\p{L}/u.test(w) && !NOT_NAMES.has(w.toLowerCase()) && !LEFTOVER.test(w));
  const [before = '', ...after] = rest.split(/\bfor\b/i);
  const first = words(before);
  const cleaned = first.length ? first : words(after.join(' for '));
  if (!pronoun && cleaned.length >= 1 && cleaned.length <= 2) {
    const name = cleaned.join(' ').replace(/[’']s$/, '');
    const start = rest.indexOf(cleaned[0]!);
    return { name, start, end: start + name.length };
  }
  if (pronoun) return { name: pronoun[1]!.toLowerCase(), start: pronoun.index, end: pronoun.index + pronoun[0].length };
  return undefined;
}

const LEFTOVER =
  /^(?:an?|the|in|on|at|to|from|with|for|of|up|down|back|forward|until|till|by|each|his|her|their|our|my|audition'?s?|reading|session|slot|slots|time|please|need|needs|want|like|possible|be|it|make|made|just|get|go|starting|start|only|also|again|instead|later|earlier|off|out|we|you|us|me|can|could|would|should|will|do|does|did|is|are|was|were|have|has|had|this|that|there|minutes?|mins?|each|one|read|reads|apiece|ill|sick|calendar|diary|us)$/i;

const SHIFT =
  /\b(?:by\s+|back\s+|forward\s+)?(an?|one|two|three|half\s+an|\d{1,3})\s*(hours?|hrs?|minutes?|mins?)\b(?:\s+(later|earlier|back|forward))?|\b(?:an?\s+)?(hour|half\s+hour)\s+(later|earlier)\b/i;
const COUNT: Record<string, number> = { a: 1, an: 1, one: 1, two: 2, three: 3 };

/** "push it an hour" → +60; "bring it forward 30 minutes" → −30. */
export function shiftMinutes(t: string): number | undefined {
  if (/\b(to|on|at|until|till)\s+\S/i.test(t.replace(SHIFT, ' '))) return undefined;
  const m = SHIFT.exec(t);
  if (!m) return undefined;
  let minutes: number;
  if (m[4]) minutes = /half/i.test(m[4]) ? 30 : 60;
  else {
    const n = /^half/i.test(m[1] ?? '') ? 0.5 : (COUNT[(m[1] ?? '').toLowerCase()] ?? Number(m[1]));
    minutes = /^h/i.test(m[2] ?? '') ? n * 60 : n;
  }
  const earlier = /\b(earlier|forward)\b/i.test(t);
  return earlier ? -minutes : minutes;
}

const NUMBER_WORDS: Record<string, number> = {
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
};
const COUNT_WORD = `(\\d{1,2}|${Object.keys(NUMBER_WORDS).join('|')})`;
const LIMIT = new RegExp(
  `\\b(?:top|best|short\\s?-?list(?:\\s+of)?|give me|suggest|pick|find|need|want|just|only|max|maximum|up to|at most)\\s+${COUNT_WORD}\\b|\\b${COUNT_WORD}\\s+(?:candidates|people|names|options|picks|actors|actresses|choices|suggestions|contenders|matches)\\b`,
  'i',
);
/** A role in lower case after the words that introduce one: "for the part of the waitress", "make a good detective ruiz". */
const LOWER_ROLE =
  /^\s*(?!(?:a|an|the|my|our|your|pls|please)\b)([a-z][\w'-]*)(?=\s+short\s?-?list\b)|\b(?:short\s?-?list(?:\s+for)?|for|as|play|playing|suit|make\s+a\s+good)\s+(?:the\s+)?(?:(?:role|part)\s+of\s+)?(?:the\s+)?(?!(?:a|an|some|someone|somebody|her|him|them|it|this|that|me|us|for)\b)([a-z][\w'-]*(?:\s+(?!who\b|with\b|that\b|in\b|on\b|at\b|please\b|pls\b|thanks\b|thx\b|top\b|best\b)[a-z][\w'-]*)?)/i;

export function shortlistArgs(t: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const limit = LIMIT.exec(t);
  const count = limit?.[1] ?? limit?.[2];
  if (count) args.limit = NUMBER_WORDS[count.toLowerCase()] ?? Number(count);
  const body = limit ? t.replace(limit[0], ' ') : t;

  const caps = capsRole(body);
  let role: string | undefined;
  let described: string | undefined;
  // A description straight after the request ("shortlist a woman … who can play guitar") names no role.
  const unnamed =
    /\b(?:short\s?-?list|candidates?|options|people|names|actors)\s+(?:for\s+|to\s+play\s+)?((?:a|an|some)\s+.+?)[.!?]*$/i.exec(body)?.[1];
  if (caps) {
    role = caps.name;
    described = descriptionAfter(body.slice(caps.end));
  } else if (!unnamed) {
    const lower = LOWER_ROLE.exec(body);
    const named = lower?.[1] ?? lower?.[2];
    if (lower && named && !/^(candidates?|options|people|names|role|part|for)$/i.test(named)) {
      role = named.replace(/\s+(?:please|thanks)$/i, '');
      described = descriptionAfter(body.slice(lower.index + lower[0].length));
    }
  }
  if (!role) {
    const pronoun = body.match(/\b(?:for|play)\s+(her|him|them)\b/i)?.[1];
    if (pronoun) role = pronoun.toLowerCase();
  }
  // No name at all, only a description: "shortlist a tough cop in his 50s who boxes".
  if (!role) described = unnamed;
  if (role) args.role = role.trim();
  if (described && described.split(/\s+/).length >= 2) args.description = described.trim();
  return args;
}

/** An all-capitals name, as scripts write roles; not a shout of one short word such as "OK" or "RP". */
function capsRole(t: string): { name: string; start: number; end: number } | undefined {
  const re = new RegExp(CAPS_NAME.source, 'g');
  for (const m of t.matchAll(re)) {
    const name = m[1]!.replace(/[.'-]+$/, (x) => (x === '.' && /\b(DR|MR|MRS|MS|ST)\.$/.test(m[1]!) ? x : ''));
    if (name.length < 3 && !/\./.test(name)) continue;
    if (NOT_A_ROLE.test(name)) continue;
    return { name, start: m.index ?? 0, end: (m.index ?? 0) + m[0].length };
  }
  return undefined;
}

/** What follows the role's name describes it: "shortlist STEEL, a man in his 50s who boxes". */
function descriptionAfter(following: string): string | undefined {
  const rest = following.replace(/^\s*(?:please|pls|thanks|thx)\b/i, '');
  const clause = /^\s*(?:[,:;—–-]\s*|\s+(?=(?:a|an|who|with|someone|somebody)\b))(.+?)[.!?]*$/i.exec(rest)?.[1];
  if (clause) return clause;
  // "…for BRICK? Big guy, former boxer, 40s." — the sentences after the request describe the role.
  const sentences = /^\s*[?.!]+\s+(.+?)[.!?]*$/.exec(rest)?.[1];
  return sentences?.replace(/^(?:(?:he|she|they)(?:'s|'re| is| are)|it's|a|an)\s+/i, '');
}

export function searchQuery(t: string): string {
  return (
    t
      .replace(
        /^\s*(please\s+)?(can you\s+|could you\s+)?(find|search( for)?|look(ing)? for|show me|i need|we need|i want|need|get me|do we have|have we got|got any|is there|are there)\s+(me\s+)?/i,
        '',
      )
      .replace(/[?!.]+\s*$/, '')
      .trim() || t.trim()
  );
}
