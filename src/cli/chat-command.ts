/** `castmatch chat`: the terminal conversation, interactive on a TTY, one message per line otherwise. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import readline from 'node:readline';
import { createApp } from '../app.js';
import { parseUpload, TerminalChat } from '../bot/adapters/terminal/terminal-chat.js';
import { fileIntake, type FileIntake } from '../bot/file-intake.js';
import { cliLogger, configFrom, type GlobalOptions } from './runtime.js';
import { checkReadableFile } from './local-files.js';
import { checkTimeZoneOption, utcNotice } from './time-zone-option.js';

export interface ChatOptions extends GlobalOptions {
  channel: string;
  user: string;
  json?: boolean;
  tz?: string;
}

export async function chatCommand(opts: ChatOptions): Promise<void> {
  checkTimeZoneOption(opts.tz);
  const config = configFrom(opts);
  const log = cliLogger(config);
  const app = await createApp({ config, log });
  const intake = fileIntake(config);
  const interactive = process.stdin.isTTY && !opts.json;
  const chat = new TerminalChat(
    app.engine,
    {
      channel: opts.channel,
      user: opts.user,
      filesDir: path.join(config.CASTMATCH_DATA_DIR, 'files'),
      ...(opts.tz ? { timeZone: opts.tz } : {}),
    },
    (text) => process.stderr.write(`… ${text}\n`),
  );

  const notice = utcNotice(opts.tz);
  if (notice) process.stderr.write(`${notice}\n`);
  const rl = readline.createInterface({ input: process.stdin, output: interactive ? process.stdout : undefined, terminal: interactive });
  if (interactive) {
    process.stdout.write(`CastMatch chat in #${opts.channel} as ${opts.user}. Type "help", "/upload PATH", or Ctrl-D to leave.\n`);
    rl.setPrompt('> ');
    rl.prompt();
  }
  // Lines are handled strictly in order, even when they arrive faster than replies.
  let queue = Promise.resolve();
  rl.on('line', (line) => {
    queue = queue.then(async () => {
      const problem = await uploadProblem(line, intake);
      if (problem) {
        // Answered like a reply, so a script reading one answer per line stays in step; the exit code tells it later.
        process.exitCode = 1;
        process.stdout.write(
          opts.json
            ? `${JSON.stringify({ text: `castmatch: ${problem}`, blocks: [], files: [], isError: true })}\n`
            : `castmatch: ${problem}\n\n`,
        );
      } else {
        for (const out of await chat.say(line)) {
          if (opts.json) {
            process.stdout.write(
              `${JSON.stringify({ text: out.reply.text, blocks: out.reply.blocks, files: out.files, ...(out.reply.isError ? { isError: true } : {}) })}\n`,
            );
          } else {
            process.stdout.write(`${out.text}\n${out.files.map((f) => `  (saved ${f.name} to ${f.path})\n`).join('')}\n`);
          }
        }
      }
      if (interactive) rl.prompt();
    });
  });
  await new Promise<void>((resolve) => rl.on('close', () => resolve()));
  await queue;
  await app.close();
}

/**
 * `/upload PATH [text]` (TerminalChat's grammar) of a file that cannot be read, or that CastMatch
 * refuses (its type or size): said here in one line, naming the file. The bot would only see an
 * upload that failed, or a file its router passes over when text comes with it, and answer with
 * its help.
 */
async function uploadProblem(line: string, intake: FileIntake): Promise<string | undefined> {
  const upload = await parseUpload(line);
  if (!upload) return undefined;
  if (!upload.path) return '/upload needs the path of a file, e.g. /upload examples/scripts/brick_and_steel.fountain';
  try {
    await checkReadableFile(upload.path);
    intake.admit({ name: path.basename(upload.path), size: (await stat(upload.path)).size });
  } catch (err) {
    return (err as Error).message;
  }
  return undefined;
}
