import { z } from 'zod';

/** What Claude adds to a role: the casting description a breakdown service would write. */
export const roleNoteSchema = z.object({
  name: z.string().describe('the character name exactly as in the cast list given'),
  description: z.string().describe('one or two sentences for a casting breakdown: who they are, personality, look'),
  physical: z.string().optional().describe('physical requirements the scenes demand, if any'),
  skills: z.array(z.string()).describe('special skills the scenes demand: riding, singing, a language, stunts…'),
  languages: z.array(z.string()).optional().describe('languages the role speaks on screen'),
});

export const roleNotesToolInput = z.object({ roles: z.array(roleNoteSchema) });

export type RoleNote = z.infer<typeof roleNoteSchema>;
export type RoleNotes = Record<string, RoleNote>;
