/**
 * `castmatch demo [--channel C]`: the sample roster and the sample screenplay loaded into the data
 * folder through the paths `castmatch import talent` and `castmatch analyze --save` take, then the
 * commands to try next. Running it again changes nothing: the roster re-imports as unchanged, and a
 * script that is already the channel's active project is not stored again.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { App } from '../app.js';
import type { ProjectRecord } from '../memory/records.js';
import { importTalent } from './import-command.js';
import { activeProject } from './local-workspace.js';
import { withApp, type GlobalOptions } from './runtime.js';
import { saveScript } from './save-script.js';
import { shellWord } from './shell-word.js';

// The examples ship beside src/ and dist/, so the demo works from any working directory.
const EXAMPLES = fileURLToPath(new URL('../../examples/', import.meta.url));
const SAMPLE_ROSTER = path.join(EXAMPLES, 'talent/sample-roster.csv');
const SAMPLE_SCRIPT = path.join(EXAMPLES, 'scripts/brick_and_steel.fountain');

export interface DemoOptions extends GlobalOptions {
  channel: string;
}

export async function demoCommand(opts: DemoOptions): Promise<void> {
  await withApp(opts, async (app) => {
    // The default embedding model takes tens of seconds over 400 profiles; say why nothing moves.
    process.stderr.write('Importing the sample roster (400 people; the first time takes a while)…\n');
    if (!(await importTalent(app, SAMPLE_ROSTER))) throw new Error(`nothing could be imported from ${SAMPLE_ROSTER}`);
    const { project, unchanged } = await loadScript(app, opts.channel);
    const name = path.basename(SAMPLE_SCRIPT);
    process.stdout.write(
      unchanged
        ? `${name}: unchanged, already the active project of channel ${opts.channel}\n`
        : `${name}: "${project.title}", ${project.roles.length} roles, now the active project of channel ${opts.channel}\n`,
    );
    process.stdout.write(nextSteps(project, opts));
  });
}

async function loadScript(app: App, channel: string): Promise<{ project: ProjectRecord; unchanged: boolean }> {
  const current = await activeProject(app, channel);
  // Same bytes as the project already active: storing it again would only add a duplicate.
  const hash = createHash('sha256')
    .update(await readFile(SAMPLE_SCRIPT))
    .digest('hex');
  if (current?.fileHash === hash) return { project: current, unchanged: true };
  return { project: await saveScript(app, SAMPLE_SCRIPT, channel), unchanged: false };
}

function nextSteps(project: ProjectRecord, opts: DemoOptions): string {
  // Run as an npm script, `castmatch` is not on the user's PATH; npx finds this package's own bin.
  const cmd = process.env.npm_lifecycle_event ? 'npx castmatch' : 'castmatch';
  const dataDir = opts.dataDir ? ` --data-dir ${shellWord(opts.dataDir)}` : '';
  const [lead = 'ROLE', second = lead] = project.roles.map((r) => r.name);
  return [
    '',
    'Try it:',
    `  ${cmd} chat --channel ${opts.channel}${dataDir}`,
    `  > shortlist for ${lead}`,
    '  > book the second one Thursday 3pm',
    '  > confirm',
    `  ${cmd} shortlist ${second} --channel ${opts.channel}${dataDir}`,
    `  ${cmd} search "woman in her 30s who speaks Tamil"${dataDir}`,
    '',
  ].join('\n');
}
