/**
 * `castmatch analyze FILE [--json]`: the casting breakdown of a screenplay, offline, stored nowhere.
 * With `--save [--channel C]` it also becomes channel C's active project, as an upload in chat would.
 */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { analyzeScriptFile, ScriptError, type Breakdown } from '../casting/script/parse/index.js';
import { renderBreakdown } from '../skills/analyze-script/render-breakdown.js';
import { renderText } from '../bot/render/text.js';
import { fileIntake, FileRefusedError } from '../bot/file-intake.js';
import { configFrom, withApp, type GlobalOptions } from './runtime.js';
import { checkReadableFile } from './local-files.js';
import { saveScript } from './save-script.js';
import { shellWord } from './shell-word.js';

/** The channel `chat` and `shortlist` use when none is named. */
const DEFAULT_CHANNEL = 'general';

/** The documented JSON shape (README): stable field names and order. */
export function breakdownJson(b: Breakdown): unknown {
  return {
    title: b.title,
    format: b.format,
    pages: b.pages,
    scenes: b.scenes.map((s) => ({ number: s.number, heading: s.heading, page: s.page })),
    characters: b.characters.map((c) => ({
      name: c.name,
      aliases: c.aliases,
      speeches: c.speeches,
      words: c.words,
      speakingScenes: c.speakingScenes,
      appearsInScenes: c.appearsInScenes,
      firstScene: c.firstScene,
      introduction: c.introduction,
      gender: c.gender,
      ageRange: c.ageRange,
      // The words each value was read from, and whether the script states it or it is likely.
      evidence: c.evidence,
      confidence: c.confidence,
      size: c.size,
    })),
    pairs: b.pairs.map((p) => ({ a: p.a, b: p.b, sharedScenes: p.sharedScenes })),
  };
}

export interface AnalyzeOptions extends GlobalOptions {
  json?: boolean;
  save?: boolean;
  channel?: string;
}

export async function analyzeCommand(file: string, opts: AnalyzeOptions): Promise<void> {
  await checkReadableFile(file);
  if (opts.channel !== undefined && !opts.save) {
    throw new Error(
      `--channel says where --save puts the script; add --save to make ${path.basename(file)} the active project of channel ${opts.channel}`,
    );
  }
  if (opts.save) return saveAndPrint(file, opts.channel ?? DEFAULT_CHANNEL, opts);

  const config = configFrom(opts);
  let b: Breakdown;
  try {
    // The same policy as a file shared in chat: a screenplay's type, and its size before it is read.
    fileIntake(config).admit({ name: path.basename(file), size: (await stat(file)).size }, 'script');
    b = await analyzeScriptFile(file, { maxBytes: config.SCRIPT_MAX_BYTES });
  } catch (err) {
    if (err instanceof ScriptError || err instanceof FileRefusedError) {
      process.stderr.write(`castmatch: ${err.message}\n`);
      process.exitCode = 1;
      return;
    }
    throw err;
  }
  print(b, file, opts.json);
  // People expect `shortlist` to work next; say that nothing was kept and how to keep it.
  if (!opts.json) {
    const f = shellWord(file);
    process.stdout.write(
      `Not saved. To shortlist from it, make it a channel's active project: \`castmatch analyze ${f} --save --channel C\`, or \`/upload ${f}\` in \`castmatch chat --channel C\`.\n`,
    );
  }
}

async function saveAndPrint(file: string, channel: string, opts: AnalyzeOptions): Promise<void> {
  await withApp(opts, async (app) => {
    const project = await saveScript(app, file, channel);
    // The project keeps the whole breakdown (ProjectRecord.breakdown) so it can be shown again
    // without parsing twice; what is printed is what was saved.
    print(project.breakdown as unknown as Breakdown, file, opts.json);
    if (!opts.json) {
      process.stdout.write(
        `Saved as the active project of channel ${channel}: try \`castmatch shortlist ROLE --channel ${channel}\` or \`castmatch chat --channel ${channel}\`.\n`,
      );
    }
  });
}

function print(b: Breakdown, file: string, json?: boolean): void {
  process.stdout.write(
    json ? `${JSON.stringify(breakdownJson(b))}\n` : `${renderText(renderBreakdown(b, { fileName: path.basename(file) }))}\n`,
  );
}
