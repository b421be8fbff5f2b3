/** The casting breakdown of one screenplay: what every reader of a script (skill, CLI, shortlist) shares. */
import { CastMatchError } from '../../../errors/castmatch-error.js';

export type ScriptFormat = 'fountain' | 'fdx' | 'pdf' | 'text';

/** How big the part is, by the rule documented in parse/README.md. */
/** `background`: voices, crowds and groups, listed apart from the parts to cast. */
export type PartSize = 'lead' | 'supporting' | 'featured' | 'day player' | 'non-speaking' | 'background';

export type Gender = 'female' | 'male' | 'any';
export type Confidence = 'stated' | 'likely';

export interface SceneBreakdown {
  /** 1-based, in script order. */
  number: number;
  /** The heading as written, notes and markup removed ("INT. TRAILER HOME - DAY"). */
  heading: string;
  /** INT, EXT, INT/EXT or undefined for forced headings without one. */
  setting?: 'INT' | 'EXT' | 'INT/EXT';
  place: string;
  timeOfDay?: string;
  page: number;
}

export interface CharacterBreakdown {
  /** The canonical cue name (upper case, extensions removed). */
  name: string;
  /** Other cue names and intro names merged into this one ("DICK STEEL", "STEEL (V.O.)" → "STEEL"). */
  aliases: string[];
  /** Dialogue blocks; dual dialogue counts for both speakers. */
  speeches: number;
  words: number;
  /** Scene numbers where the character speaks. */
  speakingScenes: number[];
  /** Scene numbers where the character is named in action without speaking. */
  appearsInScenes: number[];
  firstScene: number;
  firstPage: number;
  /** The action line that first names the character, as written. */
  introduction: string | null;
  gender: Gender | null;
  ageRange: [number, number] | null;
  /** The quoted words gender and age were read from. */
  evidence: string[];
  /**
   * How sure each value is: `stated` when the script says it next to the name ("a woman",
   * "40's", "(27)"), `likely` when read from a given name, pronouns or a vague word ("retired").
   */
  confidence: { gender?: Confidence; age?: Confidence };
  size: PartSize;
}

export interface ScenePair {
  a: string;
  b: string;
  sharedScenes: number;
}

export interface Breakdown {
  title: string | null;
  authors: string[];
  format: ScriptFormat;
  pages: number;
  scenes: SceneBreakdown[];
  /** Sorted by size, then speeches. */
  characters: CharacterBreakdown[];
  /** Pairs of speaking characters who share at least one scene, most shared first. */
  pairs: ScenePair[];
  /**
   * Speeches per cue name as written (extensions, `@` and `^` removed, case kept), before any
   * merging: the raw reading the reference checks compare against.
   */
  cueCounts?: Record<string, number>;
}

export type ScriptErrorCode =
  'empty' | 'too_large' | 'binary' | 'no_text_layer' | 'encrypted' | 'not_a_screenplay' | 'malformed' | 'unsupported';

/** A file that cannot be analyzed; `message` is written for the person who uploaded it. */
export class ScriptError extends CastMatchError<ScriptErrorCode> {
  constructor(code: ScriptErrorCode, message: string) {
    super(code, message, { audience: 'user' });
  }
}

export interface AnalyzeOptions {
  /** Files above this size are refused before they are read whole. */
  maxBytes: number;
}
