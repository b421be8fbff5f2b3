/**
 * What a screenplay can plausibly hold. A feature runs 90–130 pages with a few dozen speaking parts;
 * an epic has a few hundred. Files far beyond that are not screenplays, or are built to exhaust the
 * reader (a 20,000-page PDF, 250,000 distinct cue names): they are refused with a message naming
 * the limit, before the work that grows with them.
 */
export const SCRIPT_LIMITS = {
  /** Pages of a PDF read. */
  pdfPages: 400,
  /** Distinct character names (cues and people named in action). */
  characters: 1_000,
} as const;
