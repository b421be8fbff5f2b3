/**
 * Where tests find screenplays and the roster: the repository's own examples (open-licence
 * scripts, the synthetic roster). Big Fish may not be copied into the repository; tests that need
 * a full-length feature read it from the shared data folder beside the checkout when it is there,
 * and are skipped, saying so in their name, when it is not.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(import.meta.dirname ?? '.', '../..');

export const SCRIPTS = path.join(ROOT, 'examples/scripts');
export const ROSTER = path.join(ROOT, 'examples/talent/sample-roster.csv');

const SHARED_SCRIPTS = path.resolve(ROOT, '../shared/data/scripts');
const haveBigFish = existsSync(path.join(SHARED_SCRIPTS, 'big_fish.fountain'));

/** The path of `big_fish.<ext>`; only call it inside a test declared with `withBigFish`. */
export function bigFish(ext: 'fountain' | 'fdx' | 'pdf'): string {
  return path.join(SHARED_SCRIPTS, `big_fish.${ext}`);
}

/** Big Fish files that exist (empty without the shared folder), for tests that run over every script. */
export const BIG_FISH_FILES: string[] = haveBigFish ? ['fountain', 'fdx'].map((e) => bigFish(e as 'fountain' | 'fdx')) : [];

const WHY = ' [skipped: needs big_fish.* from ../shared/data/scripts, which is not part of the repository]';

/** `test`/`describe` for Big Fish tests: run when the file is there, skipped with the reason otherwise. */
export const withBigFish = {
  test: (name: string, fn: () => Promise<void>, timeout?: number) => (haveBigFish ? test(name, fn, timeout) : test.skip(name + WHY, fn)),
  describe: (name: string, fn: () => void) => (haveBigFish ? describe(name, fn) : describe.skip(name + WHY, fn)),
};
