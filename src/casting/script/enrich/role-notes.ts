import { z } from 'zod';

const quote = z.string().describe('words copied exactly from the script excerpt that say this');

/**
 * What Claude adds to a role: the casting description a breakdown service would write, and the
 * gender and age the offline reading missed. Each of description, gender and age must come with
 * a quote from the script; what cannot be found in the script is dropped (quoted-notes.ts).
 */
export const roleNoteSchema = z.object({
  name: z.string().describe('the character name exactly as in the cast list given'),
  description: z.string().describe('one or two sentences for a casting breakdown: who they are, personality, look'),
  descriptionQuote: quote.optional(),
  gender: z
    .object({ value: z.enum(['male', 'female']), quote })
    .optional()
    .describe('only when the script says it (a pronoun, a noun such as "mother" or "waiter")'),
  age: z
    .object({ min: z.number().int().min(0).max(120), max: z.number().int().min(0).max(120), quote })
    .optional()
    .describe('only when the script says it ("forty-year-old", "in her twenties", "retired")'),
  physical: z.string().optional().describe('physical requirements the scenes demand, if any'),
  skills: z.array(z.string()).describe('special skills the scenes demand: riding, singing, a language, stunts…'),
  languages: z.array(z.string()).optional().describe('languages the role speaks on screen'),
});

export const roleNotesToolInput = z.object({ roles: z.array(roleNoteSchema) });

export type RoleNote = z.infer<typeof roleNoteSchema>;
export type RoleNotes = Record<string, RoleNote>;
