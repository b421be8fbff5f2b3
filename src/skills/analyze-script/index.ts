import { z } from 'zod';
import { defineSkill } from '../types.js';
import { textReply } from '../../bot/reply.js';

/** Slot for script analysis (issue 3). */
export const analyzeScriptSkill = defineSkill({
  id: 'analyze-script',
  description: 'Read an uploaded screenplay and produce its casting breakdown: roles, sizes, scenes, ages, chemistry pairs.',
  examples: ['analyze this script', 'break down the screenplay I just uploaded'],
  args: z.object({ file: z.string().optional() }),
  sideEffects: false,
  run: async (_ctx, args) => textReply(`I will break down ${args.file ?? 'the uploaded script'} once script analysis is installed.`),
});
