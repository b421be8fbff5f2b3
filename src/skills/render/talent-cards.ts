/**
 * The compact card a person gets in a reply: name, playing range, location, what a near miss
 * misses, and three reasons.
 * Built only from public profile fields: e-mail and phone are never read here, so they can never
 * reach a channel.
 */
import type { ReplyBuilder, Button } from '../../bot/reply.js';
import type { TalentProfile } from '../../memory/records.js';
import { formatRange } from '../../casting/talent/rank/reasons.js';

/** Public, channel-safe facts of a profile. */
export function publicSummary(p: TalentProfile): string {
  return [formatRange(p), p.location, p.union].filter(Boolean).join(' · ');
}

export interface CardHit {
  id: string;
  name: string;
  reasons: string[];
  /** A near miss's shortfalls ("no horse riding listed"), said before its reasons. */
  misses?: string[];
}

const missLine = (misses: string[]) => `misses: ${misses.join('; ')}`;

/** One line per person for the plain-text fallback: "1. Meera Iyer (plays 28–36 · Chennai, India)". */
export function cardLine(index: number, p: TalentProfile | undefined, hit: CardHit): string {
  const summary = p ? publicSummary(p) : '';
  return `${index}. ${hit.name}${summary ? ` (${summary})` : ''}${hit.misses?.length ? ` — ${missLine(hit.misses)}` : ''}`;
}

/** Appends one person's card (section, misses, reasons, buttons) to a reply. */
export function addTalentCard(b: ReplyBuilder, index: number, p: TalentProfile | undefined, hit: CardHit, buttons: Button[]): void {
  const summary = p ? publicSummary(p) : '';
  b.section(`*${index}. ${hit.name}*${summary ? ` · ${summary}` : ''}`);
  if (hit.misses?.length) b.context(missLine(hit.misses));
  if (hit.reasons.length) b.context(hit.reasons.slice(0, 3).join(' · '));
  b.buttons(buttons);
}
