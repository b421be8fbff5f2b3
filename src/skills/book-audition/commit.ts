/**
 * Carries out a confirmed booking, move or cancellation. The slot is checked again (time has passed
 * since the proposal, and someone else may have booked it), then calendar and database change
 * together or not at all (src/casting/auditions/booking.ts).
 */
import { errorReply, reply, type Reply } from '../../bot/reply.js';
import type { AuditionRecord } from '../../memory/records.js';
import type { SkillContext } from '../../bot/skill.js';
import { auditionDepsFrom } from '../deps.js';
import { bookAuditions, cancelAudition, rescheduleAudition } from '../../casting/auditions/booking.js';
import { busyTime } from '../../casting/auditions/busy.js';
import type { EventPeople } from '../../casting/auditions/event.js';
import { conflictsOf } from '../../casting/auditions/slots.js';
import { formatSpan } from '../../casting/auditions/time.js';
import type { BookingPayload } from './args.js';
import { loadRoster } from '../../casting/talent/roster-cache.js';
import { calendarFailure, icsFile, reminderNote } from './render.js';

export async function commitBooking(ctx: SkillContext, raw: Record<string, unknown>): Promise<Reply> {
  const payload = raw as unknown as BookingPayload;
  switch (payload.kind) {
    case 'book':
      return commitBook(ctx, payload);
    case 'reschedule':
      return commitReschedule(ctx, payload);
    case 'cancel':
      return commitCancel(ctx, payload);
    default:
      return errorReply('I can no longer read that request. Ask again and I will prepare it anew.');
  }
}

async function commitBook(ctx: SkillContext, p: Extract<BookingPayload, { kind: 'book' }>): Promise<Reply> {
  const deps = auditionDepsFrom(ctx);
  const items = p.items.map((i) => ({ ...i, start: new Date(i.start), end: new Date(i.end) }));
  const first = items[0];
  if (!first) return errorReply('There was no one to book.');
  if (first.start.getTime() <= ctx.now().getTime())
    return errorReply(
      `${formatSpan(first.start, first.end, p.timeZone)} has passed while this waited for confirmation. Ask again with a new time.`,
    );
  const buffer = ctx.services.config.AUDITION_BUFFER_MINUTES;
  try {
    const busy = await busyTime(deps, {
      tenant: ctx.tenant,
      talentIds: items.map((i) => i.talentId),
      from: new Date(first.start.getTime() - buffer * 60_000),
      to: new Date(items.at(-1)!.end.getTime() + buffer * 60_000),
    });
    const taken = items.find((i) => conflictsOf(i, busy, buffer).length > 0);
    if (taken) {
      ctx.log.info({ talent: taken.talentId }, 'slot taken between proposal and confirmation');
      return errorReply(
        `${formatSpan(taken.start, taken.end, p.timeZone)} is no longer free (booked since I proposed it). Nothing was booked; ask again and I will find another time.`,
      );
    }
  } catch (err) {
    return calendarFailure(ctx, err, 'booked');
  }
  const people = await peopleFor(ctx, p.projectId);
  let outcome;
  try {
    outcome = await bookAuditions(
      deps,
      items.map((i) => ({
        tenant: ctx.tenant,
        channel: ctx.memory.key,
        role: p.role,
        talentId: i.talentId,
        talentName: i.talentName,
        start: i.start,
        end: i.end,
        timeZone: p.timeZone,
        organizer: ctx.message.user.name ?? ctx.message.user.id,
        organizerId: ctx.message.user.id,
        address: ctx.message.address,
        ...(p.projectId ? { projectId: p.projectId } : {}),
      })),
      (i) => people(i.talentId),
    );
  } catch (err) {
    return calendarFailure(ctx, err, 'booked');
  }
  const booked = outcome.result;
  ctx.log.info({ auditions: booked.map((b) => b.audition.id) }, 'auditions booked');
  if (booked.length === 1) await ctx.memory.setLastAudition(booked[0]!.audition.id);
  const lines = booked.map(({ audition: a }) => `${formatSpan(a.startsAt, a.endsAt, p.timeZone)} ${a.talentName}`);
  const text =
    booked.length === 1
      ? `Booked ${booked[0]!.audition.talentName} for ${p.role}, ${formatSpan(first.start, first.end, p.timeZone)}.`
      : `Booked ${booked.length} auditions for ${p.role}:\n${lines.join('\n')}`;
  const b = reply(text).heading(booked.length === 1 ? 'Audition booked' : `${booked.length} auditions booked`);
  b.table(
    ['When', 'Who', 'Role', 'Video'],
    booked.map(({ audition: a }) => [formatSpan(a.startsAt, a.endsAt, p.timeZone), a.talentName, a.role, a.videoLink ?? '—']),
  );
  for (const { audition: a, event } of booked) if (event.ics) b.file(icsFile(a, event.ics));
  b.context(reminderNote(deps.reminderOffsets));
  if (outcome.reminderProblem) b.context(`⚠ The auditions are booked, but ${outcome.reminderProblem}.`);
  return b.build();
}

async function commitReschedule(ctx: SkillContext, p: Extract<BookingPayload, { kind: 'reschedule' }>): Promise<Reply> {
  const deps = auditionDepsFrom(ctx);
  const a = await stillBooked(ctx, p.auditionId);
  if (!a.ok) return a.reply;
  const start = new Date(p.start);
  const end = new Date(p.end);
  if (start.getTime() <= ctx.now().getTime())
    return errorReply(`${formatSpan(start, end, p.timeZone)} has passed while this waited for confirmation. Nothing was changed.`);
  const buffer = ctx.services.config.AUDITION_BUFFER_MINUTES;
  let outcome;
  try {
    const busy = await busyTime(deps, {
      tenant: ctx.tenant,
      talentIds: [a.audition.talentId],
      from: new Date(start.getTime() - buffer * 60_000),
      to: new Date(end.getTime() + buffer * 60_000),
      ignore: a.audition,
    });
    if (conflictsOf({ start, end }, busy, buffer).length) {
      return errorReply(`${formatSpan(start, end, p.timeZone)} is no longer free. Nothing was changed; ask again for another time.`);
    }
    outcome = await rescheduleAudition(deps, a.audition, start, end, (await peopleFor(ctx, a.audition.projectId))(a.audition.talentId));
  } catch (err) {
    return calendarFailure(ctx, err, 'changed');
  }
  const moved = outcome.result.audition;
  const when = formatSpan(moved.startsAt, moved.endsAt, p.timeZone);
  const b = reply(`Moved: ${moved.talentName} (${moved.role}) is now ${when}.`)
    .heading('Audition moved')
    .fields([
      { label: 'Who', value: moved.talentName },
      { label: 'Role', value: moved.role },
      { label: 'Was', value: formatSpan(a.audition.startsAt, a.audition.endsAt, p.timeZone) },
      { label: 'Now', value: when },
    ]);
  if (outcome.result.event.ics) b.file(icsFile(moved, outcome.result.event.ics));
  b.context(`Reminders moved with it. ${reminderNote(deps.reminderOffsets)}`);
  if (outcome.reminderProblem) b.context(`⚠ The audition moved, but ${outcome.reminderProblem}.`);
  return b.build();
}

async function commitCancel(ctx: SkillContext, p: Extract<BookingPayload, { kind: 'cancel' }>): Promise<Reply> {
  const a = await stillBooked(ctx, p.auditionId);
  if (!a.ok) return a.reply;
  let outcome;
  try {
    outcome = await cancelAudition(auditionDepsFrom(ctx), a.audition);
  } catch (err) {
    return calendarFailure(ctx, err, 'cancelled');
  }
  const x = a.audition;
  const text = `Cancelled: ${x.talentName}'s audition for ${x.role}, ${formatSpan(x.startsAt, x.endsAt, x.timeZone)}. Its reminders are removed.`;
  const b = reply(text).heading('Audition cancelled').section(text);
  if (outcome.result.ics) b.file(icsFile(x, outcome.result.ics, true));
  if (outcome.reminderProblem) b.context(`⚠ ${outcome.reminderProblem}.`);
  return b.build();
}

async function stillBooked(ctx: SkillContext, id: string): Promise<{ ok: true; audition: AuditionRecord } | { ok: false; reply: Reply }> {
  const a = await ctx.store.auditions.get(id);
  if (!a || a.tenant !== ctx.tenant) return { ok: false, reply: errorReply('That audition no longer exists.') };
  if (a.status !== 'booked')
    return { ok: false, reply: errorReply(`${a.talentName}'s audition for ${a.role} was already cancelled. Nothing was changed.`) };
  return { ok: true, audition: a };
}

/**
 * Who the event names. The actor's e-mail goes only to Google, which sends the invitation itself;
 * the local calendar's .ics is posted into the channel and must not carry it.
 */
async function peopleFor(ctx: SkillContext, projectId: string | undefined): Promise<(talentId: string) => EventPeople> {
  const project = projectId ? await ctx.store.projects.get(projectId) : undefined;
  const google = ctx.services.calendar.kind === 'google';
  const roster = google ? await loadRoster(ctx.store, ctx.tenant) : undefined;
  return (talentId) => {
    const email = roster?.byId.get(talentId)?.contact.email;
    return {
      organizerName: ctx.message.user.name ?? ctx.message.user.id,
      ...(project ? { projectTitle: project.title } : {}),
      ...(google && email ? { talentEmail: email } : {}),
    };
  };
}
