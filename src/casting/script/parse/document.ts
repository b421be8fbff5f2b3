/**
 * The format-neutral reading of a screenplay that every reader (Fountain, FDX, PDF) produces and
 * the breakdown is computed from. Keeping one intermediate form is what makes the PDF, FDX and
 * Fountain of the same script give the same counts.
 */
import type { ScriptFormat } from './types.js';

export type ElementKind = 'heading' | 'action' | 'cue' | 'parenthetical' | 'dialogue' | 'transition';

export interface ScriptElement {
  kind: ElementKind;
  /** Text as written, notes and emphasis markup removed; cues keep their extensions ("STEEL (V.O.)"). */
  text: string;
  /** 1-based page the element starts on (exact for PDF, estimated otherwise). */
  page: number;
  /** Set on the cue of the second speaker of a dual-dialogue pair. */
  dual?: boolean;
}

export interface ScriptDocument {
  format: ScriptFormat;
  title: string | null;
  authors: string[];
  pages: number;
  elements: ScriptElement[];
}

/** Emphasis markup (`*`, `_`) and Fountain escapes do not belong in names or quotes. */
export function stripEmphasis(s: string): string {
  return s.includes('*') || s.includes('_') || s.includes('\\') ? s.replace(/\\([*_])/g, '$1').replace(/[*_]+/g, '') : s;
}
