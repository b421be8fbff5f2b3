/**
 * "book Meera for MARIA Thursday 3pm" and "book the shortlist for MARIA tomorrow from 10am": reads
 * who, which role and when, checks the time is free, and proposes the booking for confirmation.
 * Nothing is written here.
 */
import { errorReply, reply, type Reply } from '../../bot/reply.js';
import type { SkillContext } from '../../bot/skill.js';
import { auditionDepsFrom } from '../deps.js';
import { busyTime } from '../../casting/auditions/busy.js';
import { resolvePerson } from '../../casting/auditions/people.js';
import { conflictsOf, DEFAULT_WINDOW, nextFreeSlots, sessionSlots, type Interval } from '../../casting/auditions/slots.js';
import { formatSpan, impossibleDate, parseWhen } from '../../casting/auditions/time.js';
import { normTerm } from '../../casting/talent/metadata.js';
import type { BookAuditionArgs, BookingPayload } from './args.js';
import { bookingRole, readerZone } from './context.js';
import { activeProject } from '../project.js';
import { calendarFailure, conflictReply, reminderNote } from './render.js';
import type { RoleRecord } from '../../memory/records.js';
import { misfits } from '../../casting/talent/shortlist/misfit.js';

/** How far ahead free slots are looked for. */
const LOOKAHEAD_MS = 14 * 24 * 3_600_000;
const SUGGESTIONS = 3;

export async function proposeBooking(ctx: SkillContext, args: BookAuditionArgs): Promise<Reply> {
  const zone = readerZone(ctx);
  if (!zone.ok) return errorReply(zone.message);
  if (!args.role) return askForRole(ctx, args);
  if (!args.when) {
    // The parser drops dates that do not exist ("31 February"): say so rather than ask "when?".
    const impossible = impossibleDate(ctx.message.text, zone.zone, ctx.now());
    if (impossible) return errorReply(impossible);
    const who = await personName(ctx, args.person);
    const free = await freeTimesFor(ctx, args, zone.zone);
    return ctx.ask({
      text: `When should ${who ? `${who}'s audition` : 'the audition'}${args.role ? ` for ${args.role}` : ''} be?`,
      hint: free.length
        ? `Pick one of ${who ?? 'their'}${who ? "'s" : ''} next free times, or say another, e.g. “Thursday 3pm”.`
        : 'e.g. “Thursday 3pm” or “tomorrow from 10am”.',
      slot: 'when',
      args: { ...args, op: 'book' },
      choices: free.map((s) => ({ label: formatSpan(s.start, s.end, zone.zone), args: { when: s.start.toISOString() } })),
    });
  }
  const when = parseWhen(args.when, zone.zone, ctx.now());
  if (!when.ok) {
    ctx.log.info({ reason: when.reason }, 'booking time refused');
    // "Friday" with no time: ask for the time, and take the answer ("3pm") with the day kept.
    if (when.reason === 'no-time') return ctx.ask({ text: when.message, slot: 'when', args: { ...args, op: 'book', day: args.when } });
    return errorReply(when.message);
  }
  const role = await bookingRole(ctx, args.role);
  if (!role.ok) {
    ctx.log.info('booking refused: role not found');
    return errorReply(role.message);
  }
  const minutes = args.durationMinutes ?? ctx.services.config.AUDITION_MINUTES;
  const start = when.start.toJSDate();
  const roleRecord = role.project?.roles.find((r) => r.name === role.role);
  const common = {
    ctx,
    zone: zone.zone,
    role: role.role,
    roleRecord,
    projectId: role.project?.id,
    projectTitle: role.project?.title,
    start,
    minutes,
  };
  return args.session ? proposeSession(common) : proposeOne(common, args);
}

interface Common {
  ctx: SkillContext;
  zone: string;
  role: string;
  /** The role in the active project's breakdown, when there is one: who it asks for. */
  roleRecord: RoleRecord | undefined;
  projectId: string | undefined;
  projectTitle: string | undefined;
  start: Date;
  minutes: number;
}

async function proposeOne(c: Common, args: BookAuditionArgs): Promise<Reply> {
  const { ctx } = c;
  if (!args.person) {
    const listed = await ctx.memory.lastListed();
    return ctx.ask({
      text: `Who should audition for ${c.role}?`,
      hint: 'Name them, or pick from the last list shown.',
      slot: 'person',
      args: { ...args, op: 'book', role: c.role },
      choices: (listed?.ids ?? []).slice(0, 8).map((id, i) => ({ label: listed!.names[i] ?? id, args: { person: id } })),
    });
  }
  const person = await resolvePerson(ctx.store, ctx.tenant, args.person);
  if (person.kind === 'none') {
    ctx.log.info({ rosterSize: person.rosterSize }, 'booking refused: person not on the roster');
    return errorReply(
      person.rosterSize
        ? `No one called “${args.person}” is on the roster. Check the spelling, or search for them first.`
        : 'The roster is empty: upload a roster CSV or JSON here first.',
    );
  }
  if (person.kind === 'many') {
    const text = `${person.matches.length} people on the roster match “${args.person}”: which one?`;
    return reply(`${text} ${person.matches.map((p) => p.name).join(', ')}`)
      .section(text)
      .buttons(
        person.matches.slice(0, 8).map((p) => ({
          label: p.name,
          action: {
            skill: 'book-audition',
            args: {
              op: 'book',
              person: p.id,
              role: c.role,
              when: c.start.toISOString(),
              durationMinutes: c.minutes,
            },
          },
        })),
      )
      .build();
  }
  const p = person.profile;
  const deps = auditionDepsFrom(ctx);
  const buffer = ctx.services.config.AUDITION_BUFFER_MINUTES;
  const slot = { start: c.start, end: new Date(c.start.getTime() + c.minutes * 60_000) };
  let busy;
  try {
    busy = await busyTime(deps, {
      tenant: ctx.tenant,
      talentIds: [p.id],
      from: new Date(slot.start.getTime() - buffer * 60_000),
      to: new Date(slot.start.getTime() + LOOKAHEAD_MS),
    });
  } catch (err) {
    return calendarFailure(ctx, err, 'booked');
  }
  const clashes = conflictsOf(slot, busy, buffer);
  if (clashes.length) {
    ctx.log.info({ talent: p.id, clashes: clashes.length }, 'booking time is busy');
    const free = nextFreeSlots(slot.start, c.minutes, buffer, busy, { zone: c.zone, ...DEFAULT_WINDOW }, SUGGESTIONS);
    return conflictReply(p.name, slot, clashes, c.zone, free, (s) => ({
      skill: 'book-audition',
      args: {
        op: 'book',
        person: p.id,
        role: c.role,
        when: s.start.toISOString(),
        durationMinutes: c.minutes,
      },
    }));
  }
  const payload: BookingPayload = {
    kind: 'book',
    role: c.role,
    timeZone: c.zone,
    ...(c.projectId ? { projectId: c.projectId } : {}),
    items: [{ talentId: p.id, talentName: p.name, start: slot.start.toISOString(), end: slot.end.toISOString() }],
  };
  const summary = `Book ${p.name} for ${c.role}${c.projectTitle ? ` (${c.projectTitle})` : ''}, ${formatSpan(slot.start, slot.end, c.zone)}`;
  // Booking someone the role does not call for is allowed, but never without saying so first.
  const clash = c.roleRecord ? misfits(c.roleRecord, p) : [];
  const b = reply(clash.length ? `${summary}. Not what the role asks for: ${clash.join('; ')}.` : summary);
  if (clash.length) b.heading('Book this audition anyway?').section(`⚠ Not what the role asks for: ${clash.join('; ')}.`);
  else b.heading('Book this audition?');
  const details = b
    .fields([
      { label: 'Who', value: p.name },
      { label: 'Role', value: `${c.role}${c.projectTitle ? ` — ${c.projectTitle}` : ''}` },
      { label: 'When', value: formatSpan(slot.start, slot.end, c.zone) },
      { label: 'Length', value: `${c.minutes} min` },
    ])
    .context(inviteNote(ctx))
    .context(reminderNote(ctx.services.config.REMINDER_OFFSETS_MINUTES))
    .build();
  return ctx.propose({ summary, payload, details });
}

async function proposeSession(c: Common): Promise<Reply> {
  const { ctx } = c;
  const shortlistId = await ctx.memory.lastShortlistId();
  const shortlist = shortlistId ? await ctx.store.shortlists.get(shortlistId) : undefined;
  if (!shortlist || shortlist.entries.length === 0) {
    return errorReply(`There is no shortlist in this channel yet. Ask for one first, e.g. “shortlist for ${c.role}”.`);
  }
  if (normTerm(shortlist.role) !== normTerm(c.role)) {
    return errorReply(
      `The last shortlist here is for ${shortlist.role}, not ${c.role}. Ask “shortlist for ${c.role}” first, or book the session for ${shortlist.role}.`,
    );
  }
  const people = shortlist.entries;
  const buffer = ctx.services.config.AUDITION_BUFFER_MINUTES;
  let busy;
  try {
    busy = await busyTime(auditionDepsFrom(ctx), {
      tenant: ctx.tenant,
      talentIds: people.map((e) => e.talentId),
      from: new Date(c.start.getTime() - buffer * 60_000),
      to: new Date(c.start.getTime() + LOOKAHEAD_MS),
    });
  } catch (err) {
    return calendarFailure(ctx, err, 'booked');
  }
  const slots = sessionSlots(c.start, c.minutes, buffer, busy, { zone: c.zone, ...DEFAULT_WINDOW }, people.length);
  if (slots.length < people.length) {
    return errorReply(
      `I found only ${slots.length} free ${c.minutes}-minute slots for ${people.length} people in the next two weeks. Try another day or shorter auditions.`,
    );
  }
  const items = people.map((e, i) => ({
    talentId: e.talentId,
    talentName: e.name,
    start: slots[i]!.start.toISOString(),
    end: slots[i]!.end.toISOString(),
  }));
  const payload: BookingPayload = {
    kind: 'book',
    role: c.role,
    timeZone: c.zone,
    ...(c.projectId ? { projectId: c.projectId } : {}),
    items,
  };
  const skipped = skippedBusy(c.start, slots, buffer);
  const summary = `Book ${people.length} auditions for ${c.role}, ${formatSpan(slots[0]!.start, slots.at(-1)!.end, c.zone)}`;
  const b = reply(
    `${summary}:\n${items.map((it, i) => `${i + 1}. ${formatSpan(slots[i]!.start, slots[i]!.end, c.zone)} ${it.talentName}`).join('\n')}`,
  )
    .heading(`Book this session for ${c.role}?`)
    .table(
      ['#', 'When', 'Who'],
      items.map((it, i) => [String(i + 1), formatSpan(slots[i]!.start, slots[i]!.end, c.zone), it.talentName]),
    );
  if (skipped) b.context('Busy time was skipped, so the session is not one unbroken run.');
  b.context(inviteNote(ctx)).context(reminderNote(ctx.services.config.REMINDER_OFFSETS_MINUTES));
  return ctx.propose({ summary, payload, details: b.build() });
}

/** True when the slots are not one unbroken run from the requested start. */
function skippedBusy(start: Date, slots: Interval[], bufferMinutes: number): boolean {
  let t = start.getTime();
  for (const s of slots) {
    if (s.start.getTime() !== t) return true;
    t = s.end.getTime() + bufferMinutes * 60_000;
  }
  return false;
}

function inviteNote(ctx: SkillContext): string {
  return ctx.services.calendar.kind === 'google'
    ? 'Google Calendar sends the invitation with a Meet link.'
    : 'An invitation (.ics) comes with the confirmation.';
}

/** No role named, and none in context (people from a search have no role): ask, offering the script's roles. */
async function askForRole(ctx: SkillContext, args: BookAuditionArgs): Promise<Reply> {
  const project = await activeProject(ctx);
  const last = await ctx.memory.lastRole();
  const names = project?.roles.map((r) => r.name) ?? [];
  // The role last discussed first: it is the likeliest answer.
  const ordered = last && names.includes(last) ? [last, ...names.filter((n) => n !== last)] : names;
  const who = await personName(ctx, args.person);
  return ctx.ask({
    text: `Which role is ${who ? `${who}'s` : 'the'} audition for?`,
    ...(ordered.length ? {} : { hint: 'Name the role, e.g. “MARIA”.' }),
    slot: 'role',
    args: { ...args, op: 'book' },
    choices: ordered.slice(0, 8).map((name) => ({ label: name, args: { role: name } })),
  });
}

/** The person's name for a question, when the reference is a roster id or an unambiguous name. */
async function personName(ctx: SkillContext, person: string | undefined): Promise<string | undefined> {
  if (!person) return undefined;
  const found = await resolvePerson(ctx.store, ctx.tenant, person);
  return found.kind === 'one' ? found.profile.name : undefined;
}

/** The person's next free slots from the next full hour on, to offer when no time was said; none if the calendar cannot tell. */
async function freeTimesFor(ctx: SkillContext, args: BookAuditionArgs, zone: string): Promise<Interval[]> {
  if (!args.person || args.session) return [];
  const person = await resolvePerson(ctx.store, ctx.tenant, args.person);
  if (person.kind !== 'one') return [];
  const minutes = args.durationMinutes ?? ctx.services.config.AUDITION_MINUTES;
  const buffer = ctx.services.config.AUDITION_BUFFER_MINUTES;
  // The next full hour, strictly after now: a slot starting this instant would already be past.
  const from = new Date((Math.floor(ctx.now().getTime() / 3_600_000) + 1) * 3_600_000);
  try {
    const busy = await busyTime(auditionDepsFrom(ctx), {
      tenant: ctx.tenant,
      talentIds: [person.profile.id],
      from,
      to: new Date(from.getTime() + LOOKAHEAD_MS),
    });
    return nextFreeSlots(from, minutes, buffer, busy, { zone, ...DEFAULT_WINDOW }, SUGGESTIONS);
  } catch (err) {
    ctx.log.info({ err: (err as Error).message }, 'free times not offered: calendar unavailable');
    return [];
  }
}
