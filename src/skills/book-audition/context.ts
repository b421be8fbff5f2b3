/** What every book-audition request needs first: the reader's time zone and the channel's project and role. */
import type { SkillContext } from '../../bot/skill.js';
import type { ProjectRecord } from '../../memory/records.js';
import { activeProject } from '../project.js';
import { resolveRole } from '../../casting/talent/shortlist/resolve-role.js';
import { isValidZone } from '../../casting/auditions/time.js';

/** The user's zone where the platform tells it, else the workspace's (CASTMATCH_TIME_ZONE). */
export function readerZone(ctx: SkillContext): { ok: true; zone: string } | { ok: false; message: string } {
  const zone = ctx.message.user.timeZone ?? ctx.services.config.CASTMATCH_TIME_ZONE;
  if (isValidZone(zone)) return { ok: true, zone };
  ctx.log.warn({ zone }, 'invalid time zone');
  return {
    ok: false,
    message: `“${zone}” is not a time zone I know, so I can't place the time. Set an IANA zone such as Europe/London in your profile (or CASTMATCH_TIME_ZONE for the workspace).`,
  };
}

export type RoleAnswer = { ok: true; role: string; project?: ProjectRecord } | { ok: false; message: string };

/**
 * The role, checked against the channel's analyzed script when there is one; without a script the
 * name is taken as written (there is nothing to check it against).
 */
export async function bookingRole(ctx: SkillContext, role: string | undefined): Promise<RoleAnswer> {
  const project = await activeProject(ctx);
  if (!role?.trim()) {
    const roles = project?.roles.map((r) => r.name).slice(0, 8) ?? [];
    return {
      ok: false,
      message: `Which role is the audition for?${roles.length ? ` ${project!.title} has ${roles.join(', ')}.` : ''} e.g. “book Meera for MARIA Thursday 3pm”.`,
    };
  }
  if (!project) return { ok: true, role: role.trim() };
  const r = resolveRole(project, role);
  switch (r.kind) {
    case 'role':
      return { ok: true, role: r.role.name, project };
    case 'ambiguous':
      return { ok: false, message: `“${role}” could be ${r.matches.map((m) => m.name).join(' or ')} in ${project.title}: which one?` };
    default:
      return {
        ok: false,
        message: `${project.title} has no role “${role}”. Its roles: ${project.roles.map((x) => x.name).join(', ') || 'none yet'}.`,
      };
  }
}
