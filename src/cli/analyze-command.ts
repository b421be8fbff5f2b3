/** `castmatch analyze FILE [--json]`: the casting breakdown of a screenplay, offline. */
import path from 'node:path';
import { analyzeScriptFile, ScriptError, type Breakdown } from '../casting/script/parse/index.js';
import { renderBreakdown } from '../skills/analyze-script/render-breakdown.js';
import { renderText } from '../bot/render/text.js';
import { configFrom, type GlobalOptions } from './runtime.js';

/** The documented JSON shape (README): stable field names and order. */
export function breakdownJson(b: Breakdown): unknown {
  return {
    title: b.title, format: b.format, pages: b.pages,
    scenes: b.scenes.map((s) => ({ number: s.number, heading: s.heading, page: s.page })),
    characters: b.characters.map((c) => ({
      name: c.name, aliases: c.aliases, speeches: c.speeches, words: c.words,
      speakingScenes: c.speakingScenes, appearsInScenes: c.appearsInScenes, firstScene: c.firstScene,
      introduction: c.introduction, gender: c.gender, ageRange: c.ageRange, size: c.size,
    })),
    pairs: b.pairs.map((p) => ({ a: p.a, b: p.b, sharedScenes: p.sharedScenes })),
  };
}

export async function analyzeCommand(file: string, opts: GlobalOptions & { json?: boolean }): Promise<void> {
  const config = configFrom(opts);
  try {
    const b = await analyzeScriptFile(file, { maxBytes: config.SCRIPT_MAX_BYTES });
    process.stdout.write(opts.json ? `${JSON.stringify(breakdownJson(b))}\n` : `${renderText(renderBreakdown(b, { fileName: path.basename(file) }))}\n`);
  } catch (err) {
    if (err instanceof ScriptError) {
      process.stderr.write(`castmatch: ${err.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
}
