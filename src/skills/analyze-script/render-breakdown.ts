/**
 * The breakdown as a casting director reads it: a summary line, the roles table sorted by size,
 * "Shortlist ROLE" buttons for the leading roles, and the character-by-scene chart.
 */
import { reply, type FileAttachment, type Reply } from '../../bot/reply.js';
import type { Breakdown, CharacterBreakdown } from '../../casting/script/parse/index.js';
import type { RoleNotes } from '../../casting/script/enrich/role-notes.js';

const TABLE_ROWS = 25;
const SHORTLIST_BUTTONS = 5;

export function ageText(c: CharacterBreakdown): string {
  return c.ageRange ? (c.ageRange[0] === c.ageRange[1] ? `${c.ageRange[0]}` : `${c.ageRange[0]}–${c.ageRange[1]}`) : '—';
}

export function renderBreakdown(b: Breakdown, opts: { fileName: string; chart?: FileAttachment; notes?: RoleNotes }): Reply {
  const roles = b.characters.filter((c) => c.size !== 'background');
  const background = b.characters.filter((c) => c.size === 'background');
  const speaking = roles.filter((c) => c.size !== 'non-speaking');
  const title = b.title ?? opts.fileName;
  const summary = `${title}: ${b.pages} pages, ${b.scenes.length} scenes, ${speaking.length} speaking roles.`;
  const r = reply(summary).heading(`Casting breakdown: ${title}`);
  r.fields([
    { label: 'Format', value: b.format },
    { label: 'Pages', value: String(b.pages) },
    { label: 'Scenes', value: String(b.scenes.length) },
    { label: 'Speaking roles', value: String(speaking.length) },
    ...(b.authors.length ? [{ label: 'Written by', value: b.authors.join(', ') }] : []),
  ]);
  const shown = roles.slice(0, TABLE_ROWS);
  r.table(
    ['Role', 'Size', 'Speeches', 'Scenes', 'First', 'Gender', 'Age'],
    shown.map((c) => [
      c.name,
      c.size,
      String(c.speeches),
      String(new Set([...c.speakingScenes, ...c.appearsInScenes]).size),
      `sc. ${c.firstScene} p. ${c.firstPage}`,
      c.gender ?? '—',
      ageText(c),
    ]),
  );
  if (roles.length > shown.length)
    r.context(`…and ${roles.length - shown.length} more roles (\`castmatch analyze FILE --json\` lists all).`);
  if (background.length) r.context(`Background, not cast as roles: ${background.map((c) => c.name).join(', ')}.`);

  const leads = roles.filter((c) => c.size === 'lead' || c.size === 'supporting').slice(0, SHORTLIST_BUTTONS);
  for (const c of leads.slice(0, 3)) {
    const note = opts.notes?.[c.name];
    const intro = c.introduction ? `_${truncate(c.introduction, 220)}_` : '';
    const text = [`*${c.name}* (${c.size})`, note?.description, intro].filter(Boolean).join('\n');
    r.section(text);
    if (note?.skills.length) r.context(`Scenes demand: ${note.skills.join(', ')}`);
  }
  const pairs = b.pairs.filter((p) => leads.some((l) => l.name === p.a) && leads.some((l) => l.name === p.b)).slice(0, 5);
  if (pairs.length) r.context(`Chemistry reads: ${pairs.map((p) => `${p.a} & ${p.b} (${p.sharedScenes} scenes)`).join(' · ')}`);
  r.buttons(leads.map((c) => ({ label: `Shortlist ${c.name}`, action: { skill: 'propose-shortlist', args: { role: c.name } } })));
  if (opts.chart) r.image(opts.chart, `Which characters appear in which of the ${b.scenes.length} scenes`);
  return r.build();
}

function truncate(s: string, n: number): string {
  return s.length > n ? `${s.slice(0, n - 1)}…` : s;
}
