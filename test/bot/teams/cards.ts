/** Reading what a Teams user sees in a posted activity: its Adaptive Card, text and buttons. */
import type { PostedActivity } from '../../fakes/bot-connector.js';

export type Json = Record<string, unknown>;

export const ADAPTIVE = 'application/vnd.microsoft.card.adaptive';

export function cardOf(p: PostedActivity | undefined): Json {
  const att = (p?.activity.attachments as Json[] | undefined)?.find((a) => a.contentType === ADAPTIVE);
  if (!att) throw new Error(`no Adaptive Card in ${JSON.stringify(p?.activity).slice(0, 300)}`);
  return att.content as Json;
}

/** Every element of a card, depth first (containers, table cells, action sets). */
export function elements(node: unknown): Json[] {
  if (Array.isArray(node)) return node.flatMap(elements);
  if (typeof node !== 'object' || node === null) return [];
  const n = node as Json;
  const children = ['body', 'items', 'columns', 'rows', 'cells', 'actions'].flatMap((k) => elements(n[k]));
  return [...(typeof n.type === 'string' ? [n] : []), ...children];
}

/** The text a user reads on a card, one line per text block, fact, table row or button. */
export function cardText(card: Json): string {
  const lines: string[] = [];
  for (const e of elements(card)) {
    if (e.type === 'TextBlock') lines.push(String(e.text));
    if (e.type === 'FactSet') for (const f of e.facts as { title: string; value: string }[]) lines.push(`${f.title}: ${f.value}`);
    if (e.type === 'Image') lines.push(`[image ${String(e.altText)}]`);
    if (String(e.type).startsWith('Action.')) lines.push(`[${String(e.title)}]`);
  }
  return lines.join('\n');
}

export interface SubmitButton {
  title: string;
  data: { skill: string; args: Json };
}

export function buttons(card: Json): SubmitButton[] {
  return elements(card)
    .filter((e) => e.type === 'Action.Submit')
    .map((e) => ({ title: String(e.title), data: e.data as SubmitButton['data'] }));
}

export function button(card: Json, title: string | RegExp): SubmitButton {
  const all = buttons(card);
  const b = all.find((x) => (typeof title === 'string' ? x.title === title : title.test(x.title)));
  if (!b) throw new Error(`no button ${String(title)} among: ${all.map((x) => x.title).join(', ')}`);
  return b;
}

/** Posts that carry a card (replies), as opposed to progress lines. */
export const cardPosts = (posts: PostedActivity[]) =>
  posts.filter(
    (p) =>
      p.method === 'POST' &&
      Array.isArray(p.activity.attachments) &&
      (p.activity.attachments as Json[]).some((a) => a.contentType === ADAPTIVE),
  );
