/**
 * The rule-based request classifier: the router's answer when no language model is configured,
 * and its fallback when the model fails. Rules recognise the ways people plainly ask for something
 * and say so (`sure`); what they only guess at goes on to the meaning classifier. It must pick the
 * same skill as Claude for plain requests (test/bot/router covers both paths with the same examples).
 */
import type { SkillId } from '../skill.js';
import { argsFor, bookingArgs, CORRECTION, datePhrase, listingRange, shortlistArgs } from './extract-args.js';
import { normalizeRequest } from './normalize.js';
import { CANCEL, NOT_A_ROLE, RESCHEDULE, SCRIPT_FILE } from './cues.js';

export interface ParsedRequest {
  skill: SkillId;
  args: Record<string, unknown>;
  /** False when the rules only guessed (a description with no verb, or nothing they know). */
  sure: boolean;
}

const HELP =
  /^\s*(help|\?|what can you do|what do you do|how does this work|how do i use (?:this|you|castmatch)|commands|usage|what (?:are (?:the|your) )?commands|what can i (?:say|ask|type))\b|\b(?:walk me through|show me around|your features|getting started|tutorial)\b/i;
const STATUS =
  /^(?!.*\baudition).*\bstatus\b|^\s*(?:status|health(?:\s*check)?|ping|(?:are|r) (?:you|u) (?:working|up|there|alive|ok(?:ay)?|running|awake)|you (?:up|there|alive|working)|is (?:the bot|castmatch|it|everything) (?:working|up|down|running|ok(?:ay)?|broken)|(?:castmatch|the bot) (?:is )?(?:down|broken)|system(?:s)? check)\b|\b(?:services|everything|all systems|the bot|castmatch)\b.*\b(?:running|working|up|down|ok(?:ay)?|healthy)\b.*\??$/i;
const SCRIPT_WORDS =
  /\b(script|screenplay|draft|teleplay|pilot|episode|breakdown|break\s+down|file|what i (?:sent|uploaded|shared|attached))\b/i;
const ANALYZE_VERBS = /\b(analy[sz]e|break\s+down|breakdown|read|parse|cover(age)?|go through|look at|look over)\b/i;
const SCRIPT_QUESTIONS =
  /\b(?:who(?:'s| is| are)(?: in (?:it|(?:this|the|that) (?:script|screenplay|pilot|draft|episode|thing|one|file|story))\b| the (?:characters|leads|main characters|principals))|dramatis personae|(?:what|which|how many)\s+(?:roles|parts|characters|speaking parts)\b|how many (?:parts|roles|characters|speaking (?:parts|roles)|people)|(?:list|name|show|what are|which are|give me)(?: me)? (?:all )?(?:the |its )?(?:characters|roles|parts|cast list|speaking parts)|cast list|character list)\b/i;
const AUDITION_OBJECT = /\baudition(s)?\b|\bsession\b|\bslot\b|\bread(ing)?\b|\b(it|that)\b|\w's\b|\bwith\s+[A-Z]/i;
const BOOK_VERBS = /\b(book|schedule|set up|arrange|pencil)\b/i;
/** Verbs that book only with a time: "can we see Omar Friday at 10", "a slot for Omar on Monday at 11". */
const SEE_VERBS =
  /\b(see|meet|slot|session|line\s+up|in\s+front\s+of\s+us|read\s+for|get\s+\w+(?:\s+\w+)?\s+in|bring\s+\w+(?:\s+\w+)?\s+in|audition\s+[A-Z]|fit\s+\w+(?:\s+\w+)?\s+in)\b/i;
const SHORTLIST =
  /\bshort\s?-?list\b|\b(?:suggest|recommend|propose|pitch)\b.*\b(?:people|actors|actresses|names|candidates|someone|options)\s+(?:for|to\s+play)\b|\b(?:best|top)\s+(?:\w+\s+)?for\b|\bwho(?:'d|\s+would|\s+could)?\s+(?:suit|fit|nail)\b|\bcandidates?\s+for\b|\bwho(?:'d|'s|\s+is|\s+would|\s+will|\s+could|\s+should|\s+can|\s+might)?\s+(?:be\s+)?(?:right|good|best|great|perfect|ideal)\s+(?:for|as)\b|\bwho(?:'d|\s+would)\s+make\s+a\s+good\b|\bwho\s+(?:could|should|can|might|would)\s+(?:play\s+(?:her\b|him\b|them\b|the\s+(?!(?:piano|guitar|violin|drums|cello|flute|trumpet|sax(?:ophone)?|bass|harp|organ|clarinet|banjo|ukulele|fiddle|keyboards?|accordion)\b)\w+)|(?:we\s+|you\s+)?(?:see|consider|bring in|cast|audition|put up)\b)|\bwho\s+do\s+you\s+(?:reckon|think|suggest|fancy|recommend|like|see)\b|\b(?:options|picks|suggestions|ideas|names|choices|contenders|recommendations|matches)\s+for\b|\b(?:people|actors|someone)\s+to\s+play\b|\bto\s+play\s+(?:the\s+)?(?:role|part)\b|\bfor\s+the\s+(?:role|part)\s+of\b/i;
/** A request that names a role as scripts write it (capitals are significant here, so no /i). */
const SHORTLIST_FOR_ROLE =
  /\b(?:[Ww]ho\b[^?!.]*?|(?:[Ss]uggest|[Rr]ecommend|[Pp]ropose|[Pp]itch)\b.*\b(?:for|to play)|[Cc]ast|[Tt]o\s+play|(?:actors|people|someone|names|candidates|options)\s+(?:for|to\s+play))\s+(?:the\s+(?:role|part)\s+of\s+)?([A-Z][A-Z'.-]{2,})/;
const SEARCH =
  /\b(find|finding|search(?:ing)?|look(ing)?\s+for|hunt(?:ing)?\s+for|(?:i'm|im|we're|were|i am|we are)\s+after|pull\s+up|need|want|seeking|show me|(?:any(?:one|body)|every(?:one|body)|people|those|performers|actors)\s+(?:who|with|that|under|over)|who|do we have|have we got|got any|is there|are there)\b|\b(?:on|in)\s+(?:the\s+|our\s+)?(?:books|roster|list|file|system)\b/i;
const PERSON_WORDS =
  /\b\w{2,}(?:ers|ists|ians)\b|\b(actor|actress|performer|talent|woman|women|man|men|girl|boy|teen|kid|child|person|people|someone|somebody|non-binary|speaking|speaker|singer|dancer|villain|hero|bloke|guy|lady|ladies|gent|gentleman|gentlemen|type)s?\b/i;
const AGE_PHRASE =
  /\b(in\s+(her|his|their)\s+)?(early|mid|late)?-?\s?\d0'?s\b|\b\d0ish\b|\b\d0\s*(?:plus|\+)|\b\d{1,2}\s*-\s*\d{1,2}\b|\byears?\s+old\b/i;

/** Classifies a free-text request and extracts the skill's arguments. */
export function parseRequest(text: string, now: Date): ParsedRequest {
  const t = normalizeRequest(text);
  const sure = (skill: SkillId, args = argsFor(skill, t, now)): ParsedRequest => ({ skill, args, sure: true });
  if (!t || HELP.test(t)) return sure('help', {});
  // The team says what a role is: "STEEL is a man, 55–65, boxes"; "undo the change to STEEL".
  if (CORRECTION.test(t) && !NOT_A_ROLE.test(CORRECTION.exec(t)![1]!)) return sure('correct-role');
  if (/^\s*undo\b/i.test(t)) return sure('correct-role');
  // A role's name on its own ("BRICK"): who could play it.
  if (
    /^[A-Z][A-Z'.-]+(?:\s+[A-Z][A-Z'.-]+)*\s*[?!.]*$/.test(t) &&
    t.replace(/[^A-Z]/g, '').length >= 3 &&
    !NOT_A_ROLE.test(t.replace(/[?!.\s]+$/, ''))
  )
    return sure('propose-shortlist', { role: t.replace(/[?!.\s]+$/, '') });
  // Emoji and punctuation only: nothing to route, and nothing for the meaning classifier to read.
  if (!/\p{L}/u.test(t)) return sure('help', { unrecognized: text.trim() });
  if (STATUS.test(t)) return sure('status', {});

  if ((RESCHEDULE.test(t) || CANCEL.test(t)) && (AUDITION_OBJECT.test(t) || datePhrase(t, now))) {
    return sure('book-audition', bookingArgs(t, now));
  }
  const listing = listingRange(t);
  if (listing) return sure('book-audition', listing);
  const dated = datePhrase(t, now) !== undefined;
  if (BOOK_VERBS.test(t) && (dated || /\b(book|pencil)\b/i.test(t) || /\baudition/i.test(t))) return sure('book-audition');
  // A time and a role as scripts write it: "pls bok Omar for STEEL thurs 4pm".
  if (dated && (SEE_VERBS.test(t) || /\bfor\s+[A-Z][A-Z'.-]{2,}/.test(t))) return sure('book-audition');
  if (
    (SCRIPT_WORDS.test(t) && (ANALYZE_VERBS.test(t) || /\b(characters?|roles|parts)\b/i.test(t))) ||
    /^\s*analy[sz]e\b/i.test(t) ||
    SCRIPT_QUESTIONS.test(t) ||
    SCRIPT_FILE.test(t)
  ) {
    return sure('analyze-script');
  }
  // "search for actors who are fluent in BSL": an explicit search, whatever capitals follow.
  if (/^\s*(?:please\s+|can you\s+|could you\s+)*(?:search|find|look\s+for|pull\s+up)\b/i.test(t) && !/\bshort\s?-?list\b/i.test(t))
    return sure('search-talent');
  const forRole = SHORTLIST_FOR_ROLE.exec(t);
  if (SHORTLIST.test(t) || (forRole && !NOT_A_ROLE.test(forRole[1]!.replace(/[.'-]+$/, ''))))
    return sure('propose-shortlist', shortlistArgs(t));
  if (SEARCH.test(t)) return sure('search-talent');
  // People and an age together are a description of someone to find: "any actors in their 60s?"
  if (PERSON_WORDS.test(t) && AGE_PHRASE.test(t)) return sure('search-talent');
  if (PERSON_WORDS.test(t) || AGE_PHRASE.test(t)) return { skill: 'search-talent', args: argsFor('search-talent', t, now), sure: false };
  return { skill: 'help', args: { unrecognized: text.trim() }, sure: false };
}

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

/** Reads "the second one", "#2", "number 2", "2", "the last one" as a 1-based position (-1 = last). */
export function ordinalReference(text: string): number | undefined {
  const t = text.trim().toLowerCase();
  const word = t.match(
    /^(?:the\s+)?(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|last)(?:\s+(?:one|person|actor|actress|candidate|name|option))?$/,
  );
  if (word?.[1]) return ORDINALS[word[1]];
  const num = t.match(/^(?:#|no\.?\s*|number\s+)?(\d{1,2})(?:st|nd|rd|th)?(?:\s+one)?$/);
  return num?.[1] ? Number(num[1]) : undefined;
}
