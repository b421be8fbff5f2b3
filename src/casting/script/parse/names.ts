/**
 * Names in action lines: the capitalised runs that introduce people ("BRICK BRADDOCK, retired…"),
 * which intro names belong to which cue, and a matcher that finds every mention of a character.
 */

/** A run of upper-case words ("DR. JULIUS BENNETT", "THE BOY BAND"). */
const CAPS_RUN = /(?<![\p{L}\p{N}'’])\p{Lu}[\p{Lu}\p{N}'’.\-]*(?:[ ]+\p{Lu}[\p{Lu}\p{N}'’.\-]*)*(?![\p{Ll}])/gu;
const LEADING = /^(?:(?:A|AN|THE|AKA|AND|OF)\s+)+/;
const ABBREVIATIONS = new Set(['DR.', 'MR.', 'MRS.', 'MS.', 'ST.', 'JR.', 'SR.']);
/** Words that make a different person when put before a name (YOUNG EDWARD is not EDWARD). */
const MODIFIERS = new Set([
  'YOUNG',
  'OLD',
  'OLDER',
  'YOUNGER',
  'ADULT',
  'LITTLE',
  'BABY',
  'TEEN',
  'TEENAGE',
  'BIG',
  'AKA',
  'AND',
  'THE',
  'MRS.',
  'MR.',
  'ON',
  'TO',
  'AT',
  'WITH',
  'AS',
  'FROM',
  'FOR',
  'OR',
  'BY',
  'OF',
  'IN',
  'INTO',
  'OVER',
  'UNDER',
  'CLOSE',
  'ANGLE',
  'POV',
  'INSERT',
  'NEW',
  'FAKE',
]);

export interface CapsRun {
  name: string;
  index: number;
  end: number;
}

/** Upper-case runs of an action line, articles and trailing punctuation removed, at least two letters. */
export function capsRuns(text: string): CapsRun[] {
  const out: CapsRun[] = [];
  CAPS_RUN.lastIndex = 0;
  for (let m = CAPS_RUN.exec(text); m; m = CAPS_RUN.exec(text)) {
    const end = m.index + m[0].length;
    let name = m[0].replace(LEADING, '');
    const index = end - name.length;
    const last = name.split(' ').pop() ?? '';
    if (!ABBREVIATIONS.has(last)) name = name.replace(/[.'’\-]+$/, '');
    name = name.replace(/['’]S$/, '');
    if ((name.match(/\p{L}/gu)?.length ?? 0) < 2) continue;
    out.push({ name, index, end });
  }
  return out;
}

/**
 * The cue an intro name stands for, when exactly one fits: first name + surname (BRICK BRADDOCK →
 * BRICK), first name + surname where the cue is the surname (DICK STEEL → STEEL), or a title with
 * a middle name (DR. JULIUS BENNETT → DR. BENNETT).
 */
export function cueForIntroName(run: string, cues: ReadonlySet<string>): string | undefined {
  if (cues.has(run)) return run;
  const words = run.split(' ');
  if (words.length < 2 || words.length > 4) return undefined;
  const fits = new Set<string>();
  for (const cue of cues) {
    const cw = cue.split(' ');
    if (run.startsWith(`${cue} `) && cw.length < words.length) fits.add(cue);
    else if (words.length === cw.length + 1 && run.endsWith(` ${cue}`) && !MODIFIERS.has(words[0]!)) fits.add(cue);
    else if (cw.length === 2 && words.length === 3 && words[0] === cw[0] && words[2] === cw[1]) fits.add(cue);
  }
  // A longer cue that fits wins over a shorter one it contains (YOUNG EDWARD BLOOM → YOUNG EDWARD).
  const best = [...fits].sort((a, b) => b.length - a.length);
  if (best.length > 1 && best[1]!.length === best[0]!.length) return undefined;
  return best[0];
}

export interface Mention {
  key: string;
  index: number;
  end: number;
  caps: boolean;
}

/** Finds every mention of the given names (upper case, or Title Case for speaking names) in a text. */
export class MentionMatcher {
  private readonly re: RegExp | null;
  private readonly owner = new Map<string, string>();

  /** @param names spelling → character key; `titleCase` spellings also match in Title Case. */
  constructor(names: Map<string, string>, titleCase: ReadonlySet<string>) {
    for (const [spelling, key] of names) {
      this.owner.set(spelling, key);
      if (titleCase.has(key)) this.owner.set(toTitle(spelling), key);
    }
    const alternatives = [...this.owner.keys()].sort((a, b) => b.length - a.length).map(escape);
    this.re = alternatives.length ? new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join('|')})(?![\\p{L}\\p{N}])`, 'gu') : null;
  }

  find(text: string): Mention[] {
    if (!this.re) return [];
    const out: Mention[] = [];
    this.re.lastIndex = 0;
    for (let m = this.re.exec(text); m; m = this.re.exec(text)) {
      const key = this.owner.get(m[0]);
      if (key) out.push({ key, index: m.index, end: m.index + m[0].length, caps: m[0] === m[0].toUpperCase() });
    }
    return out;
  }
}

function toTitle(s: string): string {
  return s.toLowerCase().replace(/(^|[\s\-.])(\p{L})/gu, (_, sep: string, c: string) => sep + c.toUpperCase());
}

function escape(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * A two-word cue that is another cue with an epithet in front (CYBER BOB → BOB) is the same person.
 * Age words, articles and possessives make someone else (YOUNG EDWARD, A VOICE, MAN'S VOICE), so
 * those stay apart.
 */
export function shorterCueFor(key: string, cues: ReadonlySet<string>): string | undefined {
  const words = key.split(' ');
  if (words.length !== 2) return undefined;
  const [epithet, name] = words as [string, string];
  if (MODIFIERS.has(epithet) || /^(?:A|AN|THE|FIRST|SECOND|THIRD|OTHER)$|'S$/.test(epithet) || name.length < 3) return undefined;
  return cues.has(name) ? name : undefined;
}
