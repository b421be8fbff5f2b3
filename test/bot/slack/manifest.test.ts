/**
 * manifests/slack/manifest.yaml against Slack's own manifest JSON Schema (ajv), plus the rules the
 * schema cannot express: a request URL for events, commands and interactivity unless Socket Mode,
 * a scope for every event, and the scopes, command and paths the adapter actually uses.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { load } from 'js-yaml';
import { BOT_SCOPES, SLACK_PATHS } from '../../../src/bot/adapters/slack/index.js';

const SCHEMAS = path.resolve(process.cwd(), 'test/fixtures/slack-manifest-schema');
const MANIFEST = path.resolve(process.cwd(), 'manifests/slack/manifest.yaml');
const REMOTE = 'https://raw.githubusercontent.com/slackapi/manifest-schema/v0.5.0/schemas';

interface Manifest {
  features: { slash_commands?: { command: string; url?: string }[] };
  oauth_config: { scopes: { bot: string[] }; redirect_urls?: string[] };
  settings: {
    socket_mode_enabled?: boolean;
    event_subscriptions?: { request_url?: string; bot_events?: string[] };
    interactivity?: { is_enabled: boolean; request_url?: string };
  };
}

/** The scope Slack requires for each bot event CastMatch subscribes to. */
const EVENT_SCOPE: Record<string, string> = {
  app_mention: 'app_mentions:read',
  'message.channels': 'channels:history',
  'message.groups': 'groups:history',
  'message.im': 'im:history',
  file_shared: 'files:read',
};

/** Cross-field rules Slack enforces on import that its JSON Schema does not. */
function crossFieldProblems(m: Manifest): string[] {
  const problems: string[] = [];
  const socket = m.settings.socket_mode_enabled === true;
  const events = m.settings.event_subscriptions?.bot_events ?? [];
  if (!socket) {
    if (events.length && !m.settings.event_subscriptions?.request_url)
      problems.push('settings.event_subscriptions.request_url: required unless socket_mode_enabled');
    if (m.settings.interactivity?.is_enabled && !m.settings.interactivity.request_url)
      problems.push('settings.interactivity.request_url: required unless socket_mode_enabled');
    for (const c of m.features.slash_commands ?? [])
      if (!c.url) problems.push(`features.slash_commands ${c.command}: url required unless socket_mode_enabled`);
  }
  const scopes = new Set(m.oauth_config.scopes.bot);
  for (const e of events) if (EVENT_SCOPE[e] && !scopes.has(EVENT_SCOPE[e])) problems.push(`event ${e} needs scope ${EVENT_SCOPE[e]}`);
  if (m.features.slash_commands?.length && !scopes.has('commands')) problems.push('slash commands need the commands scope');
  return problems;
}

let validate: ValidateFunction;
let manifest: Manifest;

beforeAll(async () => {
  const json = async (name: string) => JSON.parse(await readFile(path.join(SCHEMAS, name), 'utf8')) as Record<string, unknown>;
  // Slack's schema is draft-07 with a few annotation keywords of its own; formats are not checked.
  const ajv = new Ajv({ strict: false, allErrors: true, validateFormats: false });
  ajv.addSchema(await json('manifest.schema.1.0.0.json'), `${REMOTE}/manifest.schema.1.0.0.json`);
  ajv.addSchema(await json('manifest.schema.2.0.0.json'), `${REMOTE}/manifest.schema.2.0.0.json`);
  validate = ajv.compile(await json('manifest.schema.json'));
  manifest = load(await readFile(MANIFEST, 'utf8')) as Manifest;
});

test("the validator is live: it accepts Slack's valid sample and rejects the invalid one", async () => {
  const sample = async (name: string) => JSON.parse(await readFile(path.join(SCHEMAS, name), 'utf8')) as unknown;
  expect(validate(await sample('v1_manifest.valid.json'))).toBe(true);
  expect(validate(await sample('v1_manifest.invalid.json'))).toBe(false);
});

test("the CastMatch manifest passes Slack's manifest schema", () => {
  const ok = validate(manifest);
  expect(validate.errors ?? []).toEqual([]);
  expect(ok).toBe(true);
});

test('the manifest satisfies the cross-field rules, and each rule catches its mistake', () => {
  expect(crossFieldProblems(manifest)).toEqual([]);
  const broken = structuredClone(manifest);
  delete broken.settings.event_subscriptions!.request_url;
  delete broken.settings.interactivity!.request_url;
  delete broken.features.slash_commands![0]!.url;
  broken.oauth_config.scopes.bot = broken.oauth_config.scopes.bot.filter((s) => s !== 'files:read' && s !== 'commands');
  expect(crossFieldProblems(broken)).toEqual([
    'settings.event_subscriptions.request_url: required unless socket_mode_enabled',
    'settings.interactivity.request_url: required unless socket_mode_enabled',
    'features.slash_commands /cast: url required unless socket_mode_enabled',
    'event file_shared needs scope files:read',
    'slash commands need the commands scope',
  ]);
  // In Socket Mode, Slack needs no request URLs.
  const socket = structuredClone(broken);
  socket.settings.socket_mode_enabled = true;
  socket.oauth_config.scopes.bot = manifest.oauth_config.scopes.bot;
  expect(crossFieldProblems(socket)).toEqual([]);
});

test("the manifest asks for the scopes the adapter installs with, and points at the adapter's paths", () => {
  expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...BOT_SCOPES].sort());
  expect(manifest.features.slash_commands?.map((c) => c.command)).toEqual(['/cast']);
  expect(new URL(manifest.features.slash_commands![0]!.url!).pathname).toBe(SLACK_PATHS.commands);
  expect(new URL(manifest.settings.event_subscriptions!.request_url!).pathname).toBe(SLACK_PATHS.events);
  expect(new URL(manifest.settings.interactivity!.request_url!).pathname).toBe(SLACK_PATHS.interactions);
  expect(manifest.oauth_config.redirect_urls?.map((u) => new URL(u).pathname)).toEqual([SLACK_PATHS.redirect]);
});
