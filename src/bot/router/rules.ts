/**
 * The rule-based request parser: the router's answer when no language model is configured, and
 * its fallback when the model fails. It must pick the same skill as Claude for plain requests
 * (test/bot/router covers both paths with the same examples).
 */
import * as chrono from 'chrono-node';
import type { SkillId } from '../skill.js';

export interface ParsedRequest {
  skill: SkillId;
  args: Record<string, unknown>;
}

const SCRIPT_WORDS = /\b(script|screenplay|draft|teleplay|pilot|breakdown|break\s+down)\b/i;
const ANALYZE_VERBS = /\b(analy[sz]e|break\s+down|breakdown|read|parse|cover(age)?)\b/i;
const HELP = /^\s*(help|\?|what can you do|how does this work|commands|usage)\b/i;
const STATUS =
  /^\s*(?:status|health|(?:are|r) (?:you|u) (?:working|up|there|alive|ok(?:ay)?|running)|is (?:the bot|castmatch|it) (?:working|up|down|running))\b/i;
const BOOK_VERBS = /\b(book|schedule|set up|arrange|pencil in)\b/i;
const RESCHEDULE = /\b(re-?schedule|move|push)\b/i;
const CANCEL = /\b(cancel|call off|drop)\b/i;
const AUDITION = /\baudition(s)?\b/i;
const LIST_AUDITIONS =
  /\b(list|show|what|which|any)\b.*\baudition|\bauditions?\s+(today|tomorrow|this week|next week|upcoming|scheduled|booked)\b|^\s*auditions?\s*\??\s*$/i;
const SHORTLIST =
  /\bshort\s?-?list\b|\bcandidates?\s+for\b|\bwho\s+(could|should|can|might)\s+play\b|\bcast\s+(the\s+role\s+of\s+)?[A-Z]{2,}/i;
const SEARCH = /\b(find|search|look(ing)?\s+for|need|want|seeking|show me|any(one|body)?|who)\b/i;
const PERSON_WORDS =
  /\b(actor|actress|performer|talent|woman|women|man|men|girl|boy|teen|kid|child|person|people|someone|somebody|non-binary|speaking|speaker|singer|dancer|villain|hero)s?\b/i;
const AGE_PHRASE = /\b(in\s+(her|his|their)\s+)?(early|mid|late)?-?\s?\d0'?s\b|\b\d{1,2}\s*-\s*\d{1,2}\b|\byears?\s+old\b/i;

const ORDINALS: Record<string, number> = {
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  fifth: 5,
  sixth: 6,
  seventh: 7,
  eighth: 8,
  ninth: 9,
  tenth: 10,
  last: -1,
};

/** Classifies a free-text request and extracts the skill's arguments. */
export function parseRequest(text: string, now: Date): ParsedRequest {
  const t = text.trim();
  if (!t || HELP.test(t)) return { skill: 'help', args: {} };
  if (STATUS.test(t)) return { skill: 'status', args: {} };

  if ((RESCHEDULE.test(t) && AUDITION.test(t)) || (CANCEL.test(t) && AUDITION.test(t))) {
    return { skill: 'book-audition', args: bookingArgs(t, now) };
  }
  if (LIST_AUDITIONS.test(t) && !BOOK_VERBS.test(t)) {
    return { skill: 'book-audition', args: { op: 'list', range: rangePhrase(t) ?? 'upcoming' } };
  }
  if (BOOK_VERBS.test(t) && (AUDITION.test(t) || hasDate(t, now) || /\bbook\b/i.test(t))) {
    return { skill: 'book-audition', args: bookingArgs(t, now) };
  }
  if ((SCRIPT_WORDS.test(t) && ANALYZE_VERBS.test(t)) || /^\s*analy[sz]e\b/i.test(t)) {
    const file = t.match(/\b([\w.-]+\.(fountain|fdx|pdf|txt|spmd))\b/i)?.[1];
    return { skill: 'analyze-script', args: file ? { file } : {} };
  }
  if (SHORTLIST.test(t)) return { skill: 'propose-shortlist', args: shortlistArgs(t) };
  if (SEARCH.test(t) || PERSON_WORDS.test(t) || AGE_PHRASE.test(t)) {
    return { skill: 'search-talent', args: { query: searchQuery(t) } };
  }
  return { skill: 'help', args: { unrecognized: t } };
}

function hasDate(t: string, now: Date): boolean {
  return chrono.parse(t, now, { forwardDate: true }).length > 0;
}

/** The words of the request that name a time ("Thursday 3pm", "tomorrow from 10am"). */
function datePhrase(t: string, now: Date): { text: string; index: number } | undefined {
  const [first] = chrono.parse(t, now, { forwardDate: true });
  return first ? { text: first.text, index: first.index } : undefined;
}

function rangePhrase(t: string): string | undefined {
  return t.match(/\b(today|tomorrow|this week|next week|upcoming)\b/i)?.[1]?.toLowerCase();
}

function bookingArgs(t: string, now: Date): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  if (RESCHEDULE.test(t)) args.op = 'reschedule';
  else if (CANCEL.test(t)) args.op = 'cancel';
  else args.op = 'book';

  let rest = t;
  const when = datePhrase(t, now);
  if (when) {
    args.when = when.text;
    rest = rest.slice(0, when.index) + rest.slice(when.index + when.text.length);
  }
  const duration = rest.match(/\b(\d{1,3})\s*(?:-\s*)?(?:min(?:ute)?s?)\b(\s+each)?/i);
  if (duration?.[1]) {
    args.durationMinutes = Number(duration[1]);
    rest = rest.replace(duration[0], ' ');
  }
  if (/\b(the\s+)?(whole\s+)?shortlist\b|\beveryone\b|\ball\s+of\s+them\b/i.test(rest)) args.session = true;

  // "book Meera for MARIA", "reschedule Meera's audition to Friday", "cancel the audition with Omar"
  const cleaned = rest
    .replace(/\b(please|can you|could you|an?|the audition(s)?|audition(s)?|slot|session|at|on|to|from|with|each|'s)\b/gi, ' ')
    .replace(/[,.!?]/g, ' ');
  const forRole = cleaned.match(/\bfor\s+(?:the\s+)?(?:role\s+of\s+)?(.+?)\s*$/i);
  let head = cleaned;
  if (forRole?.[1]) {
    const role = forRole[1].trim();
    if (role && !/^(her|him|them|it|this|that)$/i.test(role)) args.role = role;
    else if (role) args.role = role.toLowerCase();
    head = cleaned.slice(0, forRole.index);
  }
  const person = head
    .replace(
      /\b(book|schedule|set up|arrange|pencil in|re-?schedule|move|push|cancel|call off|drop|shortlist|whole|everyone|all of them)\b/gi,
      ' ',
    )
    .replace(/\s+/g, ' ')
    .trim();
  if (person && !args.session) args.person = person;
  if (args.person === undefined) delete args.person;
  return args;
}

function shortlistArgs(t: string): Record<string, unknown> {
  const args: Record<string, unknown> = {};
  const limit = t.match(/\b(?:top|best|short\s?-?list)\s+(\d{1,2})\b|\b(\d{1,2})\s+(?:candidates|people|names|options)\b/i);
  if (limit) args.limit = Number(limit[1] ?? limit[2]);
  const named =
    /\b(?:short\s?-?list|candidates?)\s+(?:\d{1,2}\s+(?:people\s+|names\s+)?)?(?:for\s+)?(?:the\s+(?:role|part)\s+of\s+)?([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)/.exec(
      t,
    );
  // What follows the role's name describes it: "shortlist STEEL, a man in his 50s who boxes".
  const described = named
    ? /^\s*(?:[,:;—–-]\s*|\s+(?=(?:a|an|who|with)\b))(.+?)[.!?]*$/i.exec(t.slice(named.index + named[0].length))?.[1]
    : undefined;
  if (described && described.split(/\s+/).length >= 2) args.description = described.trim();
  // No name at all, only a description: "shortlist a tough cop in his 50s who boxes".
  const unnamed = named ? undefined : /\bshort\s?-?list\s+(?:for\s+)?((?:a|an|some)\s+.+?)[.!?]*$/i.exec(t)?.[1];
  const role =
    named?.[1] ??
    unnamed ??
    t.match(/\bwho\s+(?:could|should|can|might)\s+play\s+([A-Z][\w.'-]*(?:\s+[A-Z][\w.'-]*)*)/i)?.[1] ??
    t.match(/\bcast\s+(?:the\s+role\s+of\s+)?([A-Z]{2,}[\w.'-]*(?:\s+[A-Z]{2,}[\w.'-]*)*)/)?.[1] ??
    t.match(/\bfor\s+(her|him|them)\b/i)?.[1];
  if (role) args.role = /^(her|him|them)$/i.test(role) ? role.toLowerCase() : role.replace(/\s+(?:top|best)\s*$/i, '');
  return args;
}

function searchQuery(t: string): string {
  return (
    t
      .replace(
        /^\s*(please\s+)?(can you\s+|could you\s+)?(find|search( for)?|look(ing)? for|show me|i need|we need|i want|need|get me)\s+(me\s+)?/i,
        '',
      )
      .replace(/[?!.]+\s*$/, '')
      .trim() || t.trim()
  );
}

/** Reads "the second one", "#2", "number 2", "2", "the last one" as a 1-based position (-1 = last). */
export function ordinalReference(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  const word = t.match(
    /^(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)(?:\s+(?:one|person|actor|actress|candidate|name))?$/,
  );
  if (word?.[1]) return ORDINALS[word[1]];
  const num = t.match(/^(?:#|no\.?\s*|number\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+one)?$/);
  return num?.[1] ? Number(num[1]) : undefined;
}
