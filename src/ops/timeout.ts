/** Bounds a promise: an outside call that hangs must not hang a health check or a monitor tick. */
import { CastMatchError } from '../errors/castmatch-error.js';
export class TimeoutError extends CastMatchError<'timeout'> {
  constructor(
    readonly what: string,
    readonly ms: number,
  ) {
    super('timeout', `${what}: no answer within ${ms} ms`);
  }
}

/** Resolves or rejects like `p`, or rejects with TimeoutError after `ms`. The timer never outlives the race. */
export async function withTimeout<T>(p: Promise<T>, ms: number, what = 'call'): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      p,
      new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new TimeoutError(what, ms)), ms);
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}
