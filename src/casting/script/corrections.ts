/**
 * What the casting team says a role is, over what the analyzer inferred: "STEEL is a man, 55–65,
 * boxes". Corrections belong to the script (its title) in the channel, not to one analysis of it,
 * so a revised draft analysed again keeps them. Each keeps who set it and when; undo restores the
 * one before.
 */
import type { ProjectRecord, RoleRecord } from '../../memory/records.js';
import type { ChannelMemoryRepo } from '../../memory/store.js';

export interface RoleCorrection {
  gender?: string;
  ageRange?: { min: number; max: number };
  skills?: string[];
  languages?: string[];
  /** The team's words about the part, when they said more than gender, age and skills. */
  description?: string;
  setBy: string;
  /** ISO 8601. */
  setAt: string;
}

/** One role's corrections, oldest first: the last is in force. */
export type CorrectionHistory = RoleCorrection[];

/** Where a channel's corrections for one script are kept (a field per role). */
export const correctionsKey = (channel: string, title: string) => `role-corrections:${channel}:${title.trim().toUpperCase()}`;

/** A role's details with the team's values in force and the script's kept beside them. */
export function correctRole(role: RoleRecord, c: RoleCorrection | undefined): RoleRecord {
  if (!c) return role;
  const d = role.details;
  return {
    ...role,
    details: {
      ...d,
      ...(c.gender ? { gender: c.gender } : {}),
      ...(c.ageRange ? { ageRange: [c.ageRange.min, c.ageRange.max] } : {}),
      ...(c.skills?.length ? { skills: [...new Set([...(Array.isArray(d.skills) ? (d.skills as string[]) : []), ...c.skills])] } : {}),
      ...(c.languages?.length
        ? { languages: [...new Set([...(Array.isArray(d.languages) ? (d.languages as string[]) : []), ...c.languages])] }
        : {}),
      ...(c.description ? { description: [c.description, d.description].filter(Boolean).join(' ') } : {}),
      inferred: { gender: d.gender, ageRange: d.ageRange },
      set: c,
    },
  };
}

/** The project with every correction in force. */
export function correctProject(project: ProjectRecord, corrections: Record<string, CorrectionHistory | undefined>): ProjectRecord {
  if (!Object.keys(corrections).length) return project;
  return { ...project, roles: project.roles.map((r) => correctRole(r, corrections[r.name]?.at(-1))) };
}

/** What a correction says, for a reply or the breakdown: "male · 55–65 · boxing". */
export function describeCorrection(c: Omit<RoleCorrection, 'setBy' | 'setAt'>): string {
  return [
    c.gender,
    c.ageRange && (c.ageRange.min === c.ageRange.max ? `${c.ageRange.min}` : `${c.ageRange.min}–${c.ageRange.max}`),
    c.skills?.join(', '),
    c.languages?.join(', '),
    c.description && `“${c.description}”`,
  ]
    .filter(Boolean)
    .join(' · ');
}

/** Every role's corrections for the script of this title in this channel. */
export async function loadCorrections(kv: ChannelMemoryRepo, channel: string, title: string): Promise<Record<string, CorrectionHistory>> {
  return (await kv.all(correctionsKey(channel, title))) as Record<string, CorrectionHistory>;
}

/** The project as the team in `channel` (the key of the channel it is active in) has corrected it. */
export async function correctedProject(kv: ChannelMemoryRepo, channel: string, project: ProjectRecord): Promise<ProjectRecord> {
  return correctProject(project, await loadCorrections(kv, channel, project.title));
}
