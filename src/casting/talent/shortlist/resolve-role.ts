/**
 * Which role a shortlist is for: a role of the active project (by name, alias, or an unambiguous
 * part of the name), or a role described in words when no role matches.
 */
import type { ProjectRecord, RoleRecord } from '../../../memory/records.js';
import { normTerm } from '../metadata.js';

export type RoleResolution =
  | { kind: 'role'; role: RoleRecord; project: ProjectRecord }
  | { kind: 'described'; role: string; description: string; project?: ProjectRecord }
  | { kind: 'unknown-role'; role: string; project: ProjectRecord }
  | { kind: 'ambiguous'; role: string; project: ProjectRecord; matches: RoleRecord[] }
  | { kind: 'nothing-to-go-on'; role: string };

function aliases(r: RoleRecord): string[] {
  const a = r.details.aliases;
  return Array.isArray(a) ? a.filter((x): x is string => typeof x === 'string') : [];
}

const words = (s: string) =>
  normTerm(s)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** A request that describes a person rather than naming a role: several words. */
export function looksDescriptive(text: string): boolean {
  return words(text).length >= 3;
}

export function resolveRole(project: ProjectRecord | undefined, role: string, description?: string): RoleResolution {
  const want = normTerm(role.replace(/^(?:the\s+)?(?:role\s+of\s+)?/i, ''));
  if (project) {
    const exact = project.roles.filter((r) => normTerm(r.name) === want || aliases(r).some((a) => normTerm(a) === want));
    if (exact.length === 1) return { kind: 'role', role: exact[0]!, project };
    const w = words(want);
    const partial =
      w.length === 0
        ? []
        : project.roles.filter((r) => {
            const rw = words(r.name);
            return w.every((x) => rw.includes(x)) || rw.every((x) => w.includes(x));
          });
    if (partial.length === 1) return { kind: 'role', role: partial[0]!, project };
    if (partial.length > 1 && !description) return { kind: 'ambiguous', role, project, matches: partial };
  }
  if (description?.trim()) return { kind: 'described', role, description: description.trim(), ...(project ? { project } : {}) };
  if (looksDescriptive(role)) return { kind: 'described', role, description: role, ...(project ? { project } : {}) };
  return project ? { kind: 'unknown-role', role, project } : { kind: 'nothing-to-go-on', role };
}
