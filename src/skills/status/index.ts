/**
 * `/cast status`: the health picture in chat — each dependency with its state and latency, memory,
 * reply figures and open incidents — the same one /readyz and the health monitor read
 * (src/ops/status.ts renders it). Made by the composition root, which owns the operations part.
 */
import { z } from 'zod';
import type { SkillDefinition } from '../../bot/skill.js';
import { errorReply, type Reply } from '../../bot/reply.js';

/** The skill's id: SkillId (src/bot/skill.ts) and the /cast grammar list it once registered. */
export const STATUS_SKILL_ID = 'status';

/** Where the picture comes from: OpsInstallation.status. */
export type StatusProvider = () => Promise<Reply>;

/** A SkillDefinition whose id is 'status'. */
export type StatusSkill = Omit<SkillDefinition, 'id'> & { id: typeof STATUS_SKILL_ID };

/**
 * Builds the status skill around the app's operations part. A provider that fails (the database
 * may be the very thing that is down) still gets the user an answer saying so.
 */
export function makeStatusSkill(status: StatusProvider): StatusSkill {
  return {
    id: STATUS_SKILL_ID,
    description:
      'Show whether CastMatch and the services it uses are working: database, scheduler, chat platforms, Claude, Pinecone, Google.',
    examples: ['status', 'are you working?'],
    args: z.object({}).passthrough(),
    sideEffects: false,
    run: async (ctx) => {
      try {
        return await status();
      } catch (err) {
        ctx.log.error({ err }, 'status picture failed');
        return errorReply('I could not read my own health right now; the operations log has the details. Try again in a minute.');
      }
    },
  };
}
