/** What the audition jobs need when they run, outside any chat turn. */
import type { Logger } from 'pino';
import type { Config } from '../../../config/config.js';
import type { Store } from '../../../memory/store.js';
import type { Scheduler } from '../../../scheduler/scheduler.js';
import type { Outbox } from '../../../bot/outbox.js';

export interface AuditionJobDeps {
  scheduler: Scheduler;
  store: Store;
  outbox: Outbox;
  log: Logger;
  config: Pick<Config, 'REMINDER_OFFSETS_MINUTES'>;
  now?: () => Date;
}
