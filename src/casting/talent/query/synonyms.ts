/**
 * General casting vocabulary: how people ask for a skill, accent, union or place. These only ever
 * map onto terms that the tenant's roster actually uses (see vocabulary.ts): a synonym whose target
 * nobody on the roster has is ignored and its words stay in the free text.
 */

/** Canonical skill → ways of asking for it. */
export const SKILL_SYNONYMS: Record<string, string[]> = {
  'horse riding': [
    'rides horses',
    'ride horses',
    'riding horses',
    'rides a horse',
    'ride a horse',
    'horseback',
    'horseback riding',
    'horse rider',
    'horse riders',
    'equestrian',
    'horse ride',
  ],
  singing: ['sings', 'sing', 'singer', 'singers', 'can sing', 'vocalist', 'vocals'],
  dance: ['dances', 'dancer', 'dancers', 'dancing', 'can dance'],
  'martial arts': ['martial artist', 'martial arts'],
  'stage combat': ['stage fighting', 'fight choreography', 'screen combat'],
  'sword fighting': ['swordplay', 'sword fight', 'sword fights', 'swordsman', 'swordswoman', 'sword fighter'],
  fencing: ['fencer'],
  swimming: ['swims', 'swimmer', 'can swim', 'swim'],
  guitar: ['plays guitar', 'plays the guitar', 'guitarist'],
  piano: ['plays piano', 'plays the piano', 'pianist'],
  violin: ['plays violin', 'plays the violin', 'violinist', 'fiddler'],
  tabla: ['plays tabla', 'tabla player'],
  drums: ['plays drums', 'drummer'],
  'motorcycle riding': ['rides a motorcycle', 'rides motorcycles', 'motorcyclist', 'motorbike', 'rides a motorbike', 'biker', 'motorcycle'],
  'manual driving': ['drives stick', 'stick shift', 'manual transmission', 'drives a manual', 'manual car'],
  'american sign language': ['asl', 'sign language'],
  'stand-up comedy': ['stand up', 'standup', 'stand up comic', 'stand up comedian', 'comedian'],
  improv: ['improvisation', 'improvises', 'improviser'],
  'rock climbing': ['rock climber', 'climber', 'climbs', 'climbing'],
  gymnastics: ['gymnast', 'gymnasts', 'tumbling'],
  skateboarding: ['skateboarder', 'skateboards', 'skateboard', 'skates'],
  juggling: ['juggler', 'juggles', 'juggle'],
  boxing: ['boxer'],
  archery: ['archer', 'bow and arrow'],
  'scuba diving': ['scuba', 'scuba diver', 'diver'],
  puppetry: ['puppeteer', 'puppets'],
  mime: ['mime artist'],
  cricket: ['cricketer', 'plays cricket'],
  football: ['footballer', 'plays football', 'soccer', 'soccer player'],
  basketball: ['basketball player', 'plays basketball'],
  parkour: ['free running', 'freerunning', 'traceur'],
  ballet: ['ballerina', 'ballet dancer'],
  yoga: ['yogi'],
};

/** A family name matches any of its members ("dance" → kathak, salsa…), and any skill containing the word. */
export const SKILL_FAMILIES: Record<string, string[]> = {
  dance: [
    'kathak',
    'bharatanatyam',
    'ballet',
    'salsa',
    'tap dance',
    'hip hop dance',
    'contemporary',
    'jazz',
    'ballroom',
    'tango',
    'flamenco',
    'kuchipudi',
    'odissi',
    'bhangra',
    'breakdance',
    'breakdancing',
    'waltz',
    'garba',
    'mohiniyattam',
  ],
  'martial arts': [
    'karate',
    'kalaripayattu',
    'kung fu',
    'taekwondo',
    'judo',
    'jiu-jitsu',
    'brazilian jiu-jitsu',
    'krav maga',
    'muay thai',
    'aikido',
    'silambam',
    'kickboxing',
    'wushu',
    'capoeira',
    'mma',
  ],
  singing: [],
};

export const ACCENT_SYNONYMS: Record<string, string[]> = {
  rp: ['received pronunciation', 'queens english', 'posh english', 'rp'],
  'general american': ['standard american', 'neutral american', 'american'],
  'american southern': ['southern', 'southern american', 'deep south'],
  'new york': ['new yorker', 'nyc'],
  'mumbai hindi': ['bambaiya', 'bombay hindi'],
};

export const COUNTRY_SYNONYMS: Record<string, string[]> = {
  usa: ['us', 'u s', 'united states', 'america', 'the states', 'usa'],
  uk: ['united kingdom', 'britain', 'great britain', 'england', 'uk'],
  india: ['india'],
  canada: ['canada'],
};

export const UNION_SYNONYMS: Record<string, string[]> = {
  'sag-aftra': ['sag', 'sag aftra', 'aftra', 'screen actors guild'],
  'non-union': ['non union', 'nonunion', 'not union', 'no union'],
  equity: ['equity', 'british equity', 'actors equity'],
};

export const ETHNICITY_SYNONYMS: Record<string, string[]> = {
  latinx: ['latina', 'latino', 'latine', 'hispanic'],
  mixed: ['mixed race', 'biracial', 'multiracial', 'mixed heritage'],
  'middle eastern/north african': ['middle eastern', 'north african', 'mena', 'arab'],
  black: ['african american', 'black'],
};

export const GENDER_WORDS: Record<string, string[]> = {
  female: [
    'woman',
    'women',
    'female',
    'females',
    'actress',
    'actresses',
    'girl',
    'girls',
    'lady',
    'ladies',
    'mother',
    'grandmother',
    'daughter',
    'sister',
    'wife',
    'aunt',
  ],
  male: [
    'man',
    'men',
    'male',
    'males',
    'guy',
    'guys',
    'boy',
    'boys',
    'gentleman',
    'gentlemen',
    'father',
    'grandfather',
    'son',
    'brother',
    'husband',
    'uncle',
  ],
  'non-binary': ['non binary', 'nonbinary', 'enby', 'genderqueer', 'gender non conforming'],
};

/** Nouns that make an ethnicity word a request about a person ("Black actress", not "white hair"). */
export const PERSON_NOUNS = new Set([
  'woman',
  'women',
  'man',
  'men',
  'actor',
  'actors',
  'actress',
  'actresses',
  'performer',
  'performers',
  'person',
  'people',
  'girl',
  'girls',
  'boy',
  'boys',
  'talent',
  'lead',
  'kid',
  'kids',
  'teen',
  'teens',
  'teenager',
  'guy',
  'guys',
  'lady',
  'ladies',
  'female',
  'male',
  'child',
  'children',
  'someone',
  'mother',
  'father',
  'family',
]);

/** The specialised skills a family word stands for ("singing" → its kinds); none for any other word. */
export function skillFamily(w: string): readonly string[] {
  return Object.hasOwn(SKILL_FAMILIES, w) ? SKILL_FAMILIES[w]! : [];
}
