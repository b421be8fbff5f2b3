/** A breakdown as the channel's project: the roles shortlists and bookings work from. */
import type { ProjectRecord } from '../../memory/records.js';
import type { Breakdown } from './parse/index.js';
import type { RoleNotes } from './enrich/role-notes.js';

export function projectFromBreakdown(p: {
  id: string;
  tenant: string;
  channel: string;
  fileName: string;
  fileHash: string;
  breakdown: Breakdown;
  notes?: RoleNotes;
  createdAt: Date;
}): ProjectRecord {
  const b = p.breakdown;
  return {
    id: p.id,
    tenant: p.tenant,
    channel: p.channel,
    title: b.title ?? p.fileName,
    sourceFile: p.fileName,
    fileHash: p.fileHash,
    createdAt: p.createdAt,
    // Voices and crowds are not parts to shortlist or book.
    roles: b.characters
      .filter((c) => c.size !== 'background')
      .map((c) => {
        const note = p.notes?.[c.name];
        return {
          name: c.name,
          details: {
            size: c.size,
            gender: c.gender,
            ageRange: c.ageRange,
            introduction: c.introduction,
            speeches: c.speeches,
            words: c.words,
            firstScene: c.firstScene,
            aliases: c.aliases,
            ...(note
              ? { description: note.description, skills: note.skills, languages: note.languages ?? [], physical: note.physical }
              : {}),
          },
        };
      }),
    breakdown: b as unknown as Record<string, unknown>,
  };
}
