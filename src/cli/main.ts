#!/usr/bin/env node
/** The `castmatch` command line. */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { chatCommand } from './chat-command.js';
import { routeCommand } from './route-command.js';
import { serveCommand } from './serve-command.js';
import { analyzeCommand } from './analyze-command.js';
import { importTalentCommand } from './import-command.js';
import { searchCommand, shortlistCommand } from './talent-commands.js';
import { demoCommand } from './demo-command.js';
import { fail } from './runtime.js';

// A local .env (see .env.example) is read once here; nothing else reads files for configuration.
if (existsSync('.env')) process.loadEnvFile('.env');

const program = new Command('castmatch')
  .description('CastMatch: the casting assistant for Slack and Microsoft Teams')
  .option('--data-dir <dir>', 'where the embedded database and files live (CASTMATCH_DATA_DIR)')
  // Every subcommand reads or writes the data folder, so each one's --help shows --data-dir too.
  // Set before the subcommands are declared: they copy their help settings from here.
  .configureHelp({ showGlobalOptions: true });

const globals = () => program.opts<{ dataDir?: string }>();

program
  .command('serve')
  .description('run the bot: HTTP server, scheduler, configured chat adapters')
  .action(() => serveCommand(globals()));

program
  .command('chat')
  .description('talk to the bot in the terminal (one message per line when piped)')
  .option('--channel <name>', 'channel to talk in', 'general')
  .option('--user <name>', 'who you are', 'me')
  .option('--tz <zone>', 'your IANA time zone, e.g. Europe/London')
  .option('--json', 'print one JSON object per reply')
  .action((o: { channel: string; user: string; json?: boolean; tz?: string }) => chatCommand({ ...globals(), ...o }));

program
  .command('route')
  .description('show which skill and arguments a message gets, without running it')
  .argument('<text>', 'the message')
  .option('--channel <name>', 'channel whose memory resolves references', 'general')
  .option('--json', 'print {"skill", "args"}')
  .action((text: string, o: { json?: boolean; channel: string }) => routeCommand(text, { ...globals(), ...o }));

program
  .command('analyze')
  .description('the casting breakdown of a screenplay (Fountain, FDX, PDF, text); saved only with --save')
  .argument('<file>', 'the screenplay')
  .option('--json', 'print the breakdown as JSON')
  .option('--save', "also make it the channel's active project, as /upload in chat does (for shortlist)")
  .option('--channel <name>', 'with --save: the channel (default: "general")')
  .action((file: string, o: { json?: boolean; save?: boolean; channel?: string }) => analyzeCommand(file, { ...globals(), ...o }));

program
  .command('import')
  .description('import data into the embedded database')
  .command('talent')
  .description('import a roster (CSV or JSON; see docs/roster-format.md)')
  .argument('<file>', 'the roster file')
  .action((file: string) => importTalentCommand(file, globals()));

program
  .command('search')
  .description('search the roster in plain language')
  .argument('[query]', 'e.g. "Tamil-speaking woman in her 30s who rides horses"')
  .option('--json', 'one JSON line per query: {"query", "filters", "results"}')
  .option('--limit <n>', 'how many people to show')
  .option('--stdin', 'read one query per line from standard input')
  .action((query: string | undefined, o: { json?: boolean; limit?: string; stdin?: boolean }) =>
    searchCommand(query, { ...globals(), ...o }),
  );

program
  .command('shortlist')
  .description("rank the roster for a role of the channel's analyzed script")
  .argument('<role>', 'the role, e.g. STEEL')
  .option('--channel <name>', 'the chat channel whose active project to use', 'general')
  .option('--json', 'print {"role", "results"}')
  .option('--limit <n>', 'how many people to propose')
  .action((role: string, o: { json?: boolean; limit?: string; channel: string }) => shortlistCommand(role, { ...globals(), ...o }));

program
  .command('demo')
  .description('load the sample roster and screenplay, then show what to try')
  .option('--channel <name>', 'the channel whose active project the sample script becomes', 'casting')
  .action((o: { channel: string }) => demoCommand({ ...globals(), ...o }));

program.parseAsync().catch(fail);
