#!/usr/bin/env node
/** The `castmatch` command line. */
import { existsSync } from 'node:fs';
import { Command } from 'commander';
import { chatCommand } from './chat-command.js';
import { routeCommand } from './route-command.js';
import { serveCommand } from './serve-command.js';
import { analyzeCommand } from './analyze-command.js';
import { fail } from './runtime.js';

// A local .env (see .env.example) is read once here; nothing else reads files for configuration.
if (existsSync('.env')) process.loadEnvFile('.env');

const program = new Command('castmatch')
  .description('CastMatch: the casting assistant for Slack and Microsoft Teams')
  .option('--data-dir <dir>', 'where the embedded database and files live (CASTMATCH_DATA_DIR)');

const globals = () => program.opts<{ dataDir?: string }>();

program.command('serve').description('run the bot: HTTP server, scheduler, configured chat adapters')
  .action(() => serveCommand(globals()));

program.command('chat').description('talk to the bot in the terminal (one message per line when piped)')
  .option('--channel <name>', 'channel to talk in', 'general')
  .option('--user <name>', 'who you are', 'me')
  .option('--tz <zone>', 'your IANA time zone, e.g. Europe/London')
  .option('--json', 'print one JSON object per reply')
  .action((o: { channel: string; user: string; json?: boolean; tz?: string }) => chatCommand({ ...globals(), ...o }));

program.command('route').description('show which skill and arguments a message gets, without running it')
  .argument('<text>', 'the message')
  .option('--channel <name>', 'channel whose memory resolves references', 'general')
  .option('--json', 'print {"skill", "args"}')
  .action((text: string, o: { json?: boolean; channel: string }) => routeCommand(text, { ...globals(), ...o }));

program.command('analyze').description('the casting breakdown of a screenplay (Fountain, FDX, PDF, text)')
  .argument('<file>', 'the screenplay')
  .option('--json', 'print the breakdown as JSON')
  .action((file: string, o: { json?: boolean }) => analyzeCommand(file, { ...globals(), ...o }));

program.parseAsync().catch(fail);
