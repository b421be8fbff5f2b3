/** "auditions this week", "reschedule Meera's audition to Friday 2pm", "cancel Omar's audition". */
import { errorReply, reply, type Reply } from '../../bot/reply.js';
import type { AuditionRecord } from '../../memory/records.js';
import type { SkillContext } from '../../bot/skill.js';
import { auditionDepsFrom } from '../deps.js';
import { busyTime } from '../../casting/auditions/busy.js';
import { resolvePerson } from '../../casting/auditions/people.js';
import { conflictsOf, DEFAULT_WINDOW, nextFreeSlots } from '../../casting/auditions/slots.js';
import { formatSpan, impossibleDate, parseWhen, rangeFor } from '../../casting/auditions/time.js';
import type { BookAuditionArgs, BookingPayload } from './args.js';
import { readerZone } from './context.js';
import { DIGEST_FIELD } from './jobs/digest-job.js';
import { calendarFailure, conflictReply } from './render.js';

const YEAR_MS = 366 * 24 * 3_600_000;

export async function listAuditions(ctx: SkillContext, args: BookAuditionArgs): Promise<Reply> {
  const zone = readerZone(ctx);
  if (!zone.ok) return errorReply(zone.message);
  const range = rangeFor(args.range, zone.zone, ctx.now());
  const all = await ctx.store.auditions.listBetween(ctx.tenant, range.from, range.to);
  // "auditions for MARIA this week", "when is Meera's audition?"
  const role = args.role?.toLowerCase();
  const person = args.person?.toLowerCase();
  const rows = all.filter(
    (a) =>
      (!role || a.role.toLowerCase() === role) &&
      (!person ||
        a.talentId.toLowerCase() === person ||
        a.talentName.toLowerCase().split(/\s+/).includes(person) ||
        a.talentName.toLowerCase() === person),
  );
  const scope = [args.person && `with ${args.person}`, args.role && `for ${args.role}`].filter(Boolean).join(' ');
  if (rows.length === 0) {
    const none = `No auditions${scope ? ` ${scope}` : ''} ${range.name}.`;
    return reply(none).section(none).build();
  }
  if (rows.length === 1) await ctx.memory.setLastAudition(rows[0]!.id);
  await ctx.memory.setLastListed({ ids: rows.map((a) => a.talentId), names: rows.map((a) => a.talentName), source: 'auditions' });
  const lines = rows.map((a, i) => `${i + 1}. ${formatSpan(a.startsAt, a.endsAt, zone.zone)} ${a.talentName} (${a.role})`);
  const heading = `Auditions${scope ? ` ${scope}` : ''} ${range.name} (${rows.length})`;
  return reply(`${heading}:\n${lines.join('\n')}`)
    .heading(heading)
    .table(
      ['#', 'When', 'Who', 'Role', 'Video'],
      rows.map((a, i) => [String(i + 1), formatSpan(a.startsAt, a.endsAt, zone.zone), a.talentName, a.role, a.videoLink ?? '—']),
    )
    .buttons(
      rows.slice(0, 10).map((a) => ({
        label: `Cancel ${a.talentName}`,
        style: 'danger',
        action: { skill: 'book-audition', args: { op: 'cancel', audition: a.id } },
      })),
    )
    .context('Times in your time zone. To move one: “reschedule NAME’s audition to Friday 2pm”.')
    .buttons(
      (await ctx.memory.get(DIGEST_FIELD))
        ? []
        : [{ label: 'Post a daily digest here', action: { skill: 'book-audition', args: { op: 'digest', enable: true } } }],
    )
    .build();
}

export async function proposeReschedule(ctx: SkillContext, args: BookAuditionArgs): Promise<Reply> {
  const zone = readerZone(ctx);
  if (!zone.ok) return errorReply(zone.message);
  const found = await findAudition(ctx, args, 'reschedule', zone.zone);
  if (!found.ok) return found.reply;
  const a = found.audition;
  await ctx.memory.setLastAudition(a.id);
  const minutes = args.durationMinutes ?? Math.round((a.endsAt.getTime() - a.startsAt.getTime()) / 60_000);
  let start: Date;
  if (args.shiftMinutes !== undefined && !args.when) {
    // "push it an hour": relative to where it is now.
    start = new Date(a.startsAt.getTime() + args.shiftMinutes * 60_000);
  } else if (!args.when) {
    const impossible = impossibleDate(ctx.message.text, zone.zone, ctx.now());
    if (impossible) return errorReply(impossible);
    return ctx.ask({
      text: `When should ${a.talentName}'s audition for ${a.role} move to? It is ${formatSpan(a.startsAt, a.endsAt, zone.zone)}.`,
      hint: 'e.g. “Friday 2pm”, or “an hour later”.',
      slot: 'when',
      args: { ...args, op: 'reschedule', audition: a.id },
    });
  } else {
    const when = parseWhen(args.when, zone.zone, ctx.now());
    if (!when.ok) {
      ctx.log.info({ reason: when.reason }, 'reschedule time refused');
      if (when.reason === 'no-time')
        return ctx.ask({ text: when.message, slot: 'when', args: { ...args, op: 'reschedule', audition: a.id, day: args.when } });
      return errorReply(when.message);
    }
    start = when.start.toJSDate();
  }
  if (start.getTime() <= ctx.now().getTime())
    return errorReply(
      `${formatSpan(start, new Date(start.getTime() + minutes * 60_000), zone.zone)} has already passed. Nothing was changed.`,
    );
  const slot = { start, end: new Date(start.getTime() + minutes * 60_000) };
  const buffer = ctx.services.config.AUDITION_BUFFER_MINUTES;
  let busy;
  try {
    busy = await busyTime(auditionDepsFrom(ctx), {
      tenant: ctx.tenant,
      talentIds: [a.talentId],
      from: new Date(slot.start.getTime() - buffer * 60_000),
      to: new Date(slot.start.getTime() + 14 * 24 * 3_600_000),
      ignore: a,
    });
  } catch (err) {
    return calendarFailure(ctx, err, 'changed');
  }
  const clashes = conflictsOf(slot, busy, buffer);
  if (clashes.length) {
    const free = nextFreeSlots(slot.start, minutes, buffer, busy, { zone: zone.zone, ...DEFAULT_WINDOW }, 3);
    return conflictReply(a.talentName, slot, clashes, zone.zone, free, (s) => ({
      skill: 'book-audition',
      args: {
        op: 'reschedule',
        audition: a.id,
        when: s.start.toISOString(),
        durationMinutes: minutes,
      },
    }));
  }
  const payload: BookingPayload = {
    kind: 'reschedule',
    auditionId: a.id,
    start: slot.start.toISOString(),
    end: slot.end.toISOString(),
    timeZone: zone.zone,
  };
  const summary = `Move ${a.talentName}'s audition for ${a.role} to ${formatSpan(slot.start, slot.end, zone.zone)}`;
  const details = reply(summary)
    .heading('Move this audition?')
    .fields([
      { label: 'Who', value: a.talentName },
      { label: 'Role', value: a.role },
      { label: 'From', value: formatSpan(a.startsAt, a.endsAt, zone.zone) },
      { label: 'To', value: formatSpan(slot.start, slot.end, zone.zone) },
    ])
    .context('The calendar event, the invitation and the reminders move with it.')
    .build();
  return ctx.propose({ summary, payload: payload as unknown as Record<string, unknown>, details });
}

export async function proposeCancel(ctx: SkillContext, args: BookAuditionArgs): Promise<Reply> {
  const zone = readerZone(ctx);
  if (!zone.ok) return errorReply(zone.message);
  const found = await findAudition(ctx, args, 'cancel', zone.zone);
  if (!found.ok) return found.reply;
  const a = found.audition;
  await ctx.memory.setLastAudition(a.id);
  const payload: BookingPayload = { kind: 'cancel', auditionId: a.id };
  const audition = `${a.talentName}'s audition for ${a.role}, ${formatSpan(a.startsAt, a.endsAt, zone.zone)}`;
  const summary = `Cancel ${audition}`;
  const details = reply(summary)
    .heading('Cancel this audition?')
    .fields([
      { label: 'Who', value: a.talentName },
      { label: 'Role', value: a.role },
      { label: 'When', value: formatSpan(a.startsAt, a.endsAt, zone.zone) },
    ])
    .context('The calendar event and its reminders are removed; attendees get a cancellation.')
    .build();
  return ctx.propose({
    summary,
    payload: payload as unknown as Record<string, unknown>,
    details,
    // "Confirm / Cancel" under "Cancel this audition?" makes "Cancel" mean keep it; the buttons
    // say what each does, and so does the answer to declining ("Cancelled: Cancel …" otherwise).
    labels: { accept: 'Cancel audition', decline: 'Keep it' },
    destructive: true,
    declined: `Kept: ${audition}. Nothing was changed.`,
  });
}

type Found = { ok: true; audition: AuditionRecord } | { ok: false; reply: Reply };

/** The upcoming audition meant: by id (a button), or the named person's (asking which when they have several). */
async function findAudition(ctx: SkillContext, args: BookAuditionArgs, op: 'reschedule' | 'cancel', zone: string): Promise<Found> {
  if (args.audition) {
    const a = await ctx.store.auditions.get(args.audition);
    if (!a || a.tenant !== ctx.tenant) return { ok: false, reply: errorReply('That audition no longer exists.') };
    if (a.status !== 'booked') return { ok: false, reply: errorReply(`${a.talentName}'s audition for ${a.role} is already cancelled.`) };
    return { ok: true, audition: a };
  }
  if (!args.person) {
    const now = ctx.now();
    const upcoming = await ctx.store.auditions.listBetween(ctx.tenant, now, new Date(now.getTime() + YEAR_MS));
    if (upcoming.length === 0) return { ok: false, reply: errorReply(`There is no upcoming audition to ${op}.`) };
    return {
      ok: false,
      reply: await ctx.ask({
        text: `Whose audition should I ${op === 'reschedule' ? 'move' : 'cancel'}?`,
        slot: 'person',
        args: { ...args, op },
        choices: upcoming
          .slice(0, 8)
          .map((a) => ({ label: `${a.talentName}, ${formatSpan(a.startsAt, a.endsAt, zone)}`, args: { audition: a.id } })),
      }),
    };
  }
  const person = await resolvePerson(ctx.store, ctx.tenant, args.person);
  const now = ctx.now();
  const upcoming = await ctx.store.auditions.listBetween(ctx.tenant, now, new Date(now.getTime() + YEAR_MS));
  const ids = person.kind === 'one' ? [person.profile.id] : person.kind === 'many' ? person.matches.map((p) => p.id) : [];
  const theirs = upcoming.filter((a) => ids.includes(a.talentId));
  if (theirs.length === 0) {
    const who = person.kind === 'one' ? person.profile.name : `“${args.person}”`;
    return { ok: false, reply: errorReply(`${who} has no upcoming audition to ${op}. Say “auditions this week” to see what is booked.`) };
  }
  if (theirs.length === 1) return { ok: true, audition: theirs[0]! };
  const text = `${theirs.length} upcoming auditions match “${args.person}”: which one?`;
  return {
    ok: false,
    reply: reply(text)
      .section(text)
      .buttons(
        theirs.slice(0, 8).map((a) => ({
          label: `${a.talentName}, ${formatSpan(a.startsAt, a.endsAt, zone)}`,
          action: {
            skill: 'book-audition',
            args: {
              op,
              audition: a.id,
              ...(args.when ? { when: args.when } : {}),
              ...(args.durationMinutes ? { durationMinutes: args.durationMinutes } : {}),
            },
          },
        })),
      )
      .build(),
  };
}
