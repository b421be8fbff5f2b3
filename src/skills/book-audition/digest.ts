/** Turning the channel's morning digest on ("Post a daily digest here") or off. */
import { errorReply, reply, type Reply } from '../../bot/reply.js';
import type { SkillContext } from '../../bot/skill.js';
import { DIGEST_HOUR, disableDigest, enableDigest } from './jobs/digest-job.js';
import type { BookAuditionArgs } from './args.js';
import { readerZone } from './context.js';
import { formatWhen } from '../../casting/auditions/time.js';

export async function setDigest(ctx: SkillContext, args: BookAuditionArgs): Promise<Reply> {
  const deps = { scheduler: ctx.services.scheduler, channels: ctx.store.channels };
  if (args.enable === false) {
    await disableDigest(deps, ctx.memory.key);
    return reply('The daily audition digest is off for this channel.')
      .section('The daily audition digest is off for this channel.')
      .build();
  }
  const zone = readerZone(ctx);
  if (!zone.ok) return errorReply(zone.message);
  const first = await enableDigest(deps, ctx.message.address, zone.zone, ctx.now());
  const text = `Every morning at ${String(DIGEST_HOUR).padStart(2, '0')}:00 (${zone.zone}) I'll post the day's auditions here, starting ${formatWhen(first, zone.zone)}.`;
  return reply(text)
    .section(text)
    .buttons([{ label: 'Stop the daily digest', action: { skill: 'book-audition', args: { op: 'digest', enable: false } } }])
    .build();
}
