/**
 * Degradation notices: when an outside service fails and a port falls back to its embedded default,
 * it says so here, and the engine adds the note to the reply of the turn in which it happened.
 * AsyncLocalStorage keeps notes of concurrent turns apart without threading them through skills.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

const notices = new AsyncLocalStorage<Set<string>>();

/** Runs one turn, collecting the notices raised while it runs. */
export async function collectNotices<T>(fn: () => Promise<T>): Promise<{ result: T; notices: string[] }> {
  const bag = new Set<string>();
  const result = await notices.run(bag, fn);
  return { result, notices: [...bag] };
}

/** Records that this turn was served by a fallback ("Claude is unavailable: offline breakdown"). */
export function noteDegraded(text: string): void {
  notices.getStore()?.add(text);
}
