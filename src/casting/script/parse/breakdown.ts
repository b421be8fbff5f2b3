/**
 * From the neutral document to the casting breakdown: scenes, one entry per person with speeches,
 * words, scenes, introduction, gender and age, the part's size, and who shares scenes with whom.
 */
import { cueName, nameKey } from './cue-name.js';
import type { ScriptDocument } from './document.js';
import { parseHeading } from './heading.js';
import { NUMBER_WORD, numberWord, readIntroFacts } from './intro.js';
import { capsRuns, cueForIntroName, MentionMatcher, shorterCueFor } from './names.js';
import { givenNameGender } from './given-names.js';
import { agreedGender, pronounVotes, type ReadingEvent } from './pronouns.js';
import { partSize, SIZE_ORDER } from './size.js';
import { isBackground } from './background.js';
import { agesFromRelations } from './relations.js';
import { SCRIPT_LIMITS } from './limits.js';
import { ScriptError, type Breakdown, type CharacterBreakdown, type SceneBreakdown, type ScenePair } from './types.js';

interface Speech {
  raw: string;
  line: string;
  key: string;
  scene: number;
  page: number;
  words: number;
}
interface ActionLine {
  text: string;
  scene: number;
  page: number;
}
interface Intro {
  text: string;
  after: string;
  /** The same sentence up to the name ("…notices a young, "). */
  before: string;
}

/** Last words of an upper-case run that make it a person worth listing even if they never speak. */
const PERSON = /^(?:MAN|WOMAN|GIRL|BOY|GUY|LADY|GENTLEMAN|KID|NURSE|DOCTOR|COP|OFFICER|WAITER|WAITRESS|SOLDIER|MOTHER|FATHER|STRANGER)$/;
const AGE_AFTER =
  /^\s*(?:\(\s*\d{1,3}(?:\s*[-–]\s*\d{1,3})?\s*\)|,\s*\d{1,3}(?![\d'’s])|,\s*AGE\s+\d|,?\s+in (?:his|her|their) (?:early |mid-?|late )?(?:\d0['’]?s|\w+ties))/i;
const NOT_PEOPLE = /^(?:INT|EXT|CUT|FADE|DISSOLVE|POV|CLOSE|ANGLE|INSERT|BACK|CONTINUOUS|LATER|SUPER|TITLE|THE END)\b/;
const MAX_INTRO = 300;
/** A later mention that gives the age again: "WILL, now 17", "WILL (now 28)", "EDWARD, age 60". */
const BRACKETED_AGE = /^\s*\(\s*(\d{1,3})\s*\)/;
const RESTATED_AGE = new RegExp(`^\\s*[,(]\\s*(?:now|age|aged)\\s+(\\d{1,3}|${NUMBER_WORD})\\b`, 'i');

interface AgeStatement {
  scene: number;
  range: [number, number];
  quote: string;
}

/**
 * Of the ages stated for one person, the one to cast: the oldest stated in a scene where they
 * speak under this name. A role that spans childhood and adulthood under one cue ("WILL BLOOM, AGE
 * 3" … "Will (29)") is the adult's, the main timeline; the child is a younger actor's part.
 */
function ageToCast(
  later: AgeStatement[] | undefined,
  intro: AgeStatement | undefined,
  spoken: Set<number> | undefined,
): AgeStatement | undefined {
  const all = [...(intro ? [intro] : []), ...(later ?? [])];
  if (all.length < 2) return intro ?? all[0];
  const inTheirScenes = all.filter((a) => spoken?.has(a.scene));
  const pool = inTheirScenes.length ? inTheirScenes : all;
  return pool.reduce((best, a) => (a.range[1] > best.range[1] ? a : best));
}

export function buildBreakdown(doc: ScriptDocument): Breakdown {
  const scenes: SceneBreakdown[] = [];
  const speeches: Speech[] = [];
  const actions: ActionLine[] = [];
  /** Speeches and action in reading order, for the pronouns that refer back to someone. */
  const order: (Speech | ActionLine)[] = [];
  let current: Speech | null = null;
  for (const e of doc.elements) {
    const scene = scenes.length;
    if (e.kind === 'heading') {
      scenes.push({ number: scene + 1, heading: e.text, ...parseHeading(e.text), page: e.page });
      current = null;
    } else if (e.kind === 'cue') {
      const raw = cueName(e.text);
      current = raw ? { raw, line: e.text.replace(/^@|\s*\^$/g, '').trim(), key: nameKey(raw), scene, page: e.page, words: 0 } : null;
      if (current) {
        speeches.push(current);
        order.push(current);
      }
    } else if (e.kind === 'dialogue') {
      if (current) current.words += countWords(e.text);
    } else if (e.kind !== 'parenthetical') {
      current = null;
      if (e.kind === 'action') {
        const line = { text: e.text, scene, page: e.page };
        actions.push(line);
        order.push(line);
      }
    }
  }

  const cueCounts: Record<string, number> = {};
  for (const s of speeches) cueCounts[s.raw] = (cueCounts[s.raw] ?? 0) + 1;

  const keys = new Set(speeches.map((s) => s.key));
  // Before anything that compares names with names: past this, the work grows with its square.
  if (keys.size > SCRIPT_LIMITS.characters) throw tooManyCharacters(keys.size);
  const groupParts = new Map<string, string[]>();
  for (const k of keys) {
    const parts = k.split(/\s+(?:AND|&)\s+|\s*,\s*/);
    if (parts.length > 1 && parts.every((p) => keys.has(p) && p !== k)) groupParts.set(k, parts);
  }
  // Cue spellings of one person (CYBER BOB and BOB) become one key.
  const merged = new Map<string, string>();
  for (const k of keys) {
    const short = shorterCueFor(k, keys);
    if (short && !groupParts.has(k)) merged.set(k, short);
  }
  for (const s of speeches) s.key = merged.get(s.key) ?? s.key;
  const speakers = new Set([...keys].filter((k) => !groupParts.has(k) && !merged.has(k)));

  // Spellings that name a character: cue names as written, intro full names, silent people.
  const spellings = new Map<string, string>();
  const aliases = new Map<string, Set<string>>();
  const addAlias = (key: string, alias: string) => {
    if (alias !== key) (aliases.get(key) ?? aliases.set(key, new Set()).get(key)!).add(alias);
  };
  for (const s of speeches) {
    if (!speakers.has(s.key)) continue;
    spellings.set(s.key, s.key);
    spellings.set(s.raw, s.key);
    spellings.set(nameKey(s.raw), s.key);
    addAlias(s.key, s.raw);
    if (s.line.length <= 60) addAlias(s.key, s.line.replace(/\s+/g, ' '));
  }
  const silent = new Set<string>();
  for (const a of actions) {
    for (const run of capsRuns(a.text)) {
      if (spellings.has(run.name)) continue;
      const cue = cueForIntroName(run.name, speakers);
      if (cue) {
        spellings.set(run.name, cue);
        addAlias(cue, run.name);
      } else if (isSilentPerson(run.name, a.text.slice(run.end))) {
        spellings.set(run.name, run.name);
        silent.add(run.name);
        if (silent.size + speakers.size > SCRIPT_LIMITS.characters) throw tooManyCharacters(silent.size + speakers.size);
      }
    }
  }

  // Every mention in action: scenes where each person appears, and the line that introduces them.
  const matcher = new MentionMatcher(spellings, speakers);
  const appears = new Map<string, Set<number>>();
  const first = new Map<string, { scene: number; page: number }>();
  const intros = new Map<string, Intro>();
  const introduced = new Set<string>();
  const mentionsOf = new Map<ActionLine, ReturnType<MentionMatcher['find']>>();
  const ageStatements = new Map<string, AgeStatement[]>();
  const firstSceneOf = (key: string) => first.get(key)?.scene ?? 0;
  for (const a of actions) {
    const found = matcher.find(a.text);
    mentionsOf.set(a, found);
    for (const m of found) {
      if (silent.has(m.key) && !m.caps) continue;
      (appears.get(m.key) ?? appears.set(m.key, new Set()).get(m.key)!).add(a.scene);
      if (!first.has(m.key)) first.set(m.key, { scene: a.scene, page: a.page });
      // The intro is the first capitalised mention, preferably one that describes ("GURU, 32, …").
      {
        // In capitals any restatement; in running text ("Will's mother Sandra (53)") only a number in brackets.
        const again = (m.caps ? RESTATED_AGE : BRACKETED_AGE).exec(a.text.slice(m.end));
        const range = again && numberWord(again[1]!);
        if (range)
          (ageStatements.get(m.key) ?? ageStatements.set(m.key, []).get(m.key)!).push({
            scene: a.scene,
            range,
            quote: `${a.text.slice(m.index, m.end)}${again![0]}`.trim(),
          });
      }
      if (!m.caps || introduced.has(m.key)) continue;
      const after = a.text.slice(m.end);
      const before = a.text.slice(Math.max(a.text.lastIndexOf('. ', m.index) + 1, m.index - 80), m.index);
      if (!intros.has(m.key)) intros.set(m.key, { text: introLine(a.text, m.index), after, before });
      if (describes(m.key, after, before)) {
        intros.set(m.key, { text: introLine(a.text, m.index), after, before });
        introduced.add(m.key);
      }
    }
  }

  const stats = new Map<string, { speeches: number; words: number; scenes: Set<number>; first: { scene: number; page: number } }>();
  for (const s of speeches) {
    for (const key of groupParts.get(s.key) ?? [s.key]) {
      const st =
        stats.get(key) ?? stats.set(key, { speeches: 0, words: 0, scenes: new Set(), first: { scene: s.scene, page: s.page } }).get(key)!;
      st.speeches++;
      st.words += s.words;
      st.scenes.add(s.scene);
    }
  }

  const votes = pronounVotes(
    order.map((x): ReadingEvent =>
      'key' in x ? { kind: 'speech', key: () => x.key } : { kind: 'action', text: x.text, mentions: mentionsOf.get(x) ?? [] },
    ),
  );

  const totalSpeeches = speeches.length;
  const characters: CharacterBreakdown[] = [];
  for (const key of [...speakers, ...silent]) {
    const st = stats.get(key);
    const speaking = [...(st?.scenes ?? [])].filter((n) => n > 0).sort((a, b) => a - b);
    const appearing = [...(appears.get(key) ?? [])].filter((n) => n > 0 && !st?.scenes.has(n)).sort((a, b) => a - b);
    const firstSeen = earliest(st?.first, first.get(key));
    const intro = intros.get(key);
    const facts = readIntroFacts(key, intro?.after ?? '', intro?.before ?? '');
    const confidence: CharacterBreakdown['confidence'] = {};
    if (facts.gender) confidence.gender = 'stated';
    // The same person at several ages ("WILL BLOOM, AGE 3", later "WILL, now 28"): see ageToCast.
    const restated = ageToCast(
      ageStatements.get(key),
      facts.ageRange ? { scene: firstSceneOf(key), range: facts.ageRange, quote: facts.ageQuote ?? '' } : undefined,
      stats.get(key)?.scenes,
    );
    if (restated && restated.range !== facts.ageRange) {
      facts.evidence = facts.evidence.filter((e) => e !== facts.ageQuote);
      facts.ageRange = restated.range;
      facts.ageQuote = restated.quote;
      facts.evidence.push(restated.quote);
    }
    if (facts.ageRange) confidence.age = /\d|ties\b|teen|year|\bage\b|\bnow\b/i.test(facts.ageQuote ?? '') ? 'stated' : 'likely';
    if (!facts.gender) {
      const inferred = nameGender(key, aliases.get(key)) ?? agreedGender(votes.get(key));
      if (inferred) {
        facts.gender = inferred.gender;
        facts.evidence.push(inferred.quote);
        confidence.gender = 'likely';
      }
    }
    characters.push({
      name: key,
      aliases: [...(aliases.get(key) ?? [])].slice(0, 12),
      speeches: st?.speeches ?? 0,
      words: st?.words ?? 0,
      speakingScenes: speaking,
      appearsInScenes: appearing,
      firstScene: scenes.length ? Math.max(1, firstSeen.scene) : 0,
      firstPage: firstSeen.page,
      introduction: intro?.text ?? null,
      gender: facts.gender,
      ageRange: facts.ageRange,
      evidence: facts.evidence,
      confidence,
      size: isBackground(key)
        ? 'background'
        : partSize(
            { speeches: st?.speeches ?? 0, speakingScenes: speaking.length, scenes: speaking.length + appearing.length },
            totalSpeeches,
            scenes.length,
          ),
    });
  }
  // Ages from family ties ("Beamen's daughter"), once every stated age is known.
  const withTies = agesFromRelations(characters, intros);
  characters.splice(0, characters.length, ...withTies);
  characters.sort(
    (a, b) =>
      SIZE_ORDER.indexOf(a.size) - SIZE_ORDER.indexOf(b.size) ||
      b.speeches - a.speeches ||
      b.appearsInScenes.length - a.appearsInScenes.length ||
      a.name.localeCompare(b.name),
  );

  return {
    title: doc.title,
    authors: doc.authors,
    format: doc.format,
    pages: doc.pages,
    scenes,
    characters,
    pairs: scenePairs(characters),
    cueCounts,
  };
}

/** A man's or a woman's given name as the first word of the name or one of its spellings ("DICK STEEL"). */
function nameGender(key: string, spellings: Set<string> | undefined): { gender: 'male' | 'female'; quote: string } | undefined {
  for (const name of [key, ...(spellings ?? [])]) {
    const words = name.split(/\s+/);
    if (words.length > 2 || /'S$/i.test(words[0]!)) continue;
    const gender = givenNameGender(words[0]!.replace(/[^\p{L}]/gu, ''));
    if (gender) return { gender, quote: name };
  }
  return undefined;
}

/** Whether the words around a mention state an age or gender ("YORBLEF, any gender", "PING (27)", "a young GUY"). */
function describes(key: string, after: string, before: string): boolean {
  const f = readIntroFacts(key, after, before);
  return f.evidence.length > 0 && f.evidence.some((e) => e !== key);
}

/** A silent person: an upper-case name followed by an age, or a person noun ("A MAN in his fifties"). */
function isSilentPerson(name: string, after: string): boolean {
  const words = name.split(' ');
  if (words.length > 3 || NOT_PEOPLE.test(name)) return false;
  return AGE_AFTER.test(after) || PERSON.test(words[words.length - 1]!);
}

function earliest(
  a: { scene: number; page: number } | undefined,
  b: { scene: number; page: number } | undefined,
): { scene: number; page: number } {
  if (!a) return b ?? { scene: 0, page: 1 };
  if (!b) return a;
  return b.scene < a.scene || (b.scene === a.scene && b.page < a.page) ? b : a;
}

/** The intro as written; a long paragraph is cut to the sentence that names the character. */
function introLine(text: string, at: number): string {
  if (text.length <= MAX_INTRO) return text;
  const start = Math.max(text.lastIndexOf('. ', at) + 2, 0);
  const stop = text.indexOf('. ', at);
  return text.slice(start, stop < 0 ? undefined : Math.min(stop + 1, start + MAX_INTRO)).trim();
}

function countWords(text: string): number {
  let n = 0;
  for (const w of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(w)) n++;
  return n;
}

/** Speaking characters who are in the same scenes (speaking or named), most shared first. */
function scenePairs(characters: CharacterBreakdown[]): ScenePair[] {
  const cast = characters
    .filter((c) => c.size !== 'non-speaking' && c.size !== 'background')
    .map((c) => ({ name: c.name, scenes: new Set([...c.speakingScenes, ...c.appearsInScenes]) }));
  const pairs: ScenePair[] = [];
  for (let i = 0; i < cast.length; i++) {
    for (let j = i + 1; j < cast.length; j++) {
      const a = cast[i]!;
      const b = cast[j]!;
      let shared = 0;
      for (const s of a.scenes) if (b.scenes.has(s)) shared++;
      if (shared > 0) pairs.push({ a: a.name, b: b.name, sharedScenes: shared });
    }
  }
  return pairs.sort((x, y) => y.sharedScenes - x.sharedScenes || x.a.localeCompare(y.a) || x.b.localeCompare(y.b));
}

function tooManyCharacters(n: number): ScriptError {
  return new ScriptError(
    'too_large',
    `This file names more than ${SCRIPT_LIMITS.characters.toLocaleString('en')} different characters${n > SCRIPT_LIMITS.characters ? ` (at least ${n.toLocaleString('en')})` : ''}; a screenplay has at most a few hundred. Upload the script itself.`,
  );
}
