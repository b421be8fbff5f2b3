/**
 * How a person does not fit a role, in words a casting director would use: a man for a woman's
 * part, a playing range that misses the role's age. Empty when nothing is known to clash.
 */
import type { RoleRecord, TalentProfile } from '../../../memory/records.js';
import { normalizeGender } from '../import/fields.js';

export function misfits(role: RoleRecord, person: TalentProfile): string[] {
  const out: string[] = [];
  const wanted = typeof role.details.gender === 'string' ? normalizeGender(role.details.gender) : undefined;
  const is = person.gender ? normalizeGender(person.gender) : undefined;
  // Only the two the roster and the breakdown both use; any other self-description is not judged here.
  if ((wanted === 'male' || wanted === 'female') && (is === 'male' || is === 'female') && is !== wanted)
    out.push(`${role.name} is ${wanted}; ${person.name} is listed as ${is}`);
  const age = role.details.ageRange;
  const lo = person.playingAgeMin ?? person.playingAgeMax;
  const hi = person.playingAgeMax ?? person.playingAgeMin;
  if (Array.isArray(age) && typeof age[0] === 'number' && typeof age[1] === 'number' && lo !== undefined && hi !== undefined) {
    if (hi < age[0] || lo > age[1]) out.push(`${role.name} is ${range(age[0], age[1])}; ${person.name} plays ${range(lo, hi)}`);
  }
  return out;
}

const range = (a: number, b: number) => (a === b ? `${a}` : `${a}–${b}`);
