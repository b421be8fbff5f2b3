/**
 * Build and look words ("burly", "bald", "red hair") and the bio phrases that show each. A roster
 * has no column for looks; its bios say them in their own words ("a shaved head", "a stocky
 * build"), so a request for "bald" is met by a bio that says "shaved head", and one for "burly" by
 * "stocky" or "broad-shouldered".
 */
import { PhraseMatcher } from './phrase-matcher.js';

interface Look {
  /** How a request says it. */
  asked: string[];
  /** What a bio that shows it says (whole words; a space also matches a hyphen). */
  bio: string[];
}

const GREY_HAIR = [
  'grey hair',
  'gray hair',
  'grey haired',
  'gray haired',
  'silver hair',
  'silver haired',
  'white hair',
  'white haired',
  'salt and pepper',
  'greying',
  'graying',
];

const LOOKS: Record<string, Look> = {
  bald: { asked: ['balding', 'bald headed', 'shaved head', 'shaven head'], bio: ['bald', 'balding', 'shaved head', 'shaven head'] },
  burly: {
    asked: ['brawny', 'beefy', 'heavyset', 'heavy set', 'barrel chested', 'hulking', 'big built'],
    bio: [
      'burly',
      'brawny',
      'beefy',
      'heavyset',
      'heavy set',
      'stocky',
      'thickset',
      'broad shouldered',
      'broad shoulders',
      'barrel chested',
    ],
  },
  stocky: {
    asked: ['thickset', 'thick set', 'sturdy'],
    bio: ['stocky', 'thickset', 'thick set', 'heavyset', 'heavy set', 'burly', 'sturdy'],
  },
  slim: {
    asked: ['slender', 'skinny', 'thin', 'lean', 'wiry', 'willowy', 'svelte', 'slight build'],
    bio: ['slim', 'slender', 'skinny', 'thin', 'lean', 'wiry', 'willowy', 'svelte', 'slight build', 'slight frame', 'petite frame'],
  },
  athletic: { asked: ['athletic build', 'sporty', 'muscular', 'toned', 'buff'], bio: ['athletic', 'sporty', 'muscular', 'toned', 'buff'] },
  'broad-shouldered': { asked: ['broad shouldered', 'broad shoulders'], bio: ['broad shouldered', 'broad shoulders'] },
  'red hair': {
    asked: ['red haired', 'redhead', 'redheads', 'red head', 'ginger', 'ginger hair', 'ginger haired', 'auburn', 'auburn hair'],
    bio: ['red hair', 'red haired', 'redhead', 'ginger', 'auburn'],
  },
  // The same words are asked and written for grey hair.
  'grey hair': { asked: GREY_HAIR, bio: GREY_HAIR },
  'dark hair': {
    asked: ['dark haired', 'brunette', 'black hair', 'black haired'],
    bio: ['dark hair', 'dark haired', 'brunette', 'black hair', 'black haired'],
  },
  blonde: {
    asked: ['blond', 'blonde hair', 'blond hair', 'fair hair', 'fair haired'],
    bio: ['blonde', 'blond', 'fair hair', 'fair haired'],
  },
  'curly hair': { asked: ['curly haired', 'curly', 'curls'], bio: ['curly', 'curls'] },
  'long hair': {
    asked: ['long haired'],
    bio: ['long hair', 'long haired', 'long dark hair', 'long blonde hair', 'long red hair', 'long grey hair'],
  },
  'short hair': {
    asked: ['short haired', 'cropped hair', 'buzz cut', 'crew cut'],
    bio: ['short hair', 'short haired', 'short curly hair', 'cropped hair', 'buzz cut', 'crew cut', 'pixie cut'],
  },
  braids: { asked: ['braided', 'braided hair', 'cornrows'], bio: ['braids', 'braided', 'cornrows'] },
  'pixie cut': { asked: ['pixie'], bio: ['pixie cut'] },
  beard: { asked: ['bearded', 'full beard'], bio: ['beard', 'bearded'] },
  moustache: { asked: ['mustache', 'moustached', 'mustached'], bio: ['moustache', 'mustache'] },
  'clean-shaven': { asked: ['clean shaven', 'beardless'], bio: ['clean shaven'] },
  freckles: { asked: ['freckled', 'freckly'], bio: ['freckles', 'freckled', 'freckle'] },
  tattoos: { asked: ['tattooed', 'tattoo', 'inked'], bio: ['tattoo', 'tattoos', 'tattooed'] },
  'green eyes': { asked: ['green eyed'], bio: ['green eyes', 'green eyed'] },
  'brown eyes': { asked: ['brown eyed'], bio: ['brown eyes', 'brown eyed'] },
  'blue eyes': { asked: ['blue eyed'], bio: ['blue eyes', 'blue eyed'] },
  'sharp cheekbones': { asked: ['high cheekbones', 'cheekbones', 'chiselled', 'chiseled'], bio: ['cheekbones', 'chiselled', 'chiseled'] },
  'boyish face': { asked: ['boyish', 'baby faced', 'baby face', 'babyface'], bio: ['boyish', 'baby faced', 'baby face'] },
};

let matcher: PhraseMatcher<string> | undefined;

/** Request words → look names, built once: the table is the same for every roster. */
export function lookMatcher(): PhraseMatcher<string> {
  if (matcher) return matcher;
  matcher = new PhraseMatcher<string>();
  for (const [name, look] of Object.entries(LOOKS)) {
    matcher.add(name, name);
    for (const phrase of look.asked) matcher.add(phrase, name);
  }
  return matcher;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

const patterns = new Map(
  Object.entries(LOOKS).map(([name, look]) => [
    name,
    new RegExp(
      `(?<!\\p{L})(?:${look.bio
        .map((p) =>
          p
            .split(/[\s-]+/)
            .map(escape)
            .join('[\\s-]+'),
        )
        .join('|')})(?!\\p{L})`,
      'iu',
    ),
  ]),
);

export function isLook(name: string): boolean {
  return patterns.has(name);
}

/** The words of a bio that show a look ("shaved head" for "bald"), or undefined. */
export function lookInBio(bio: string | undefined, look: string): string | undefined {
  if (!bio) return undefined;
  return patterns.get(look)?.exec(bio)?.[0];
}
