/** The domain's dependencies, taken from a skill turn's context. */
import type { SkillContext } from '../bot/skill.js';
import type { TalentDeps } from '../casting/talent/deps.js';
import type { AuditionDeps } from '../casting/auditions/deps.js';

export function talentDepsFrom(ctx: SkillContext): TalentDeps {
  return {
    store: ctx.store,
    embedder: () => ctx.services.embedder(),
    vectors: ctx.services.vectors,
    log: ctx.log,
    ...(ctx.services.llm ? { llm: ctx.services.llm } : {}),
  };
}

export function auditionDepsFrom(ctx: SkillContext): AuditionDeps {
  return {
    store: ctx.store,
    calendar: ctx.services.calendar,
    scheduler: ctx.services.scheduler,
    log: ctx.log,
    now: ctx.now,
    reminderOffsets: ctx.services.config.REMINDER_OFFSETS_MINUTES,
  };
}
