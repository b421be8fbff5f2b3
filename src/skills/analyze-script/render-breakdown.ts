/**
 * The breakdown as a casting director reads it: a summary line, the roles table sorted by size,
 * "Shortlist ROLE" buttons for the leading roles, and the character-by-scene chart.
 */
import { reply, type FileAttachment, type Reply } from '../../bot/reply.js';
import type { Breakdown, CharacterBreakdown } from '../../casting/script/parse/index.js';
import type { RoleNotes } from '../../casting/script/enrich/role-notes.js';
import { describeCorrection, type CorrectionHistory } from '../../casting/script/corrections.js';

const TABLE_ROWS = 25;
const SHORTLIST_BUTTONS = 5;

export function ageText(c: CharacterBreakdown): string {
  return c.ageRange ? (c.ageRange[0] === c.ageRange[1] ? `${c.ageRange[0]}` : `${c.ageRange[0]}–${c.ageRange[1]}`) : '—';
}

export function renderBreakdown(
  b: Breakdown,
  opts: { fileName: string; chart?: FileAttachment; notes?: RoleNotes; corrections?: Record<string, CorrectionHistory> },
): Reply {
  const set = (name: string) => opts.corrections?.[name]?.at(-1);
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
      // The team's values stand in place of the script's, marked ✎ (who and when are under the table).
      set(c.name)?.gender ? `${set(c.name)!.gender} ✎` : c.gender ? `${c.gender}${c.confidence?.gender === 'likely' ? ' ~' : ''}` : '—',
      set(c.name)?.ageRange
        ? `${set(c.name)!.ageRange!.min}–${set(c.name)!.ageRange!.max} ✎`
        : `${ageText(c)}${c.ageRange && c.confidence?.age === 'likely' ? ' ~' : ''}`,
    ]),
  );
  if (shown.some((c) => c.confidence?.gender === 'likely' || c.confidence?.age === 'likely'))
    r.context('~ likely: read from a first name, pronouns or a word such as “retired”, not stated beside the name.');
  const corrected = roles.filter((c) => set(c.name));
  if (corrected.length)
    r.context(
      `✎ Set by the team: ${corrected
        .map((c) => {
          const s = set(c.name)!;
          return `${c.name}: ${describeCorrection(s)} (${s.setBy}, ${s.setAt.slice(0, 10)}; the script says ${[c.gender, c.ageRange && ageText(c)].filter(Boolean).join(', ') || 'nothing'})`;
        })
        .join(' · ')}.`,
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
