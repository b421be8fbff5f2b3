/**
 * Configuration, read once at start-up. Nothing else in the code reads `process.env`.
 * A missing or malformed variable stops start-up with a message naming it; secrets have no defaults.
 */
import { z } from 'zod';
import { certificateProblems, pemFile, thumbprint } from './certificate.js';
import { CastMatchError } from '../errors/castmatch-error.js';

const port = z.coerce.number().int().min(0).max(65535);
const positiveInt = z.coerce.number().int().positive();
const url = z.string().url();
const optionalSecret = z.string().min(1).optional();
const csv = z.string().transform((s) =>
  s
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean),
);

export const configSchema = z.object({
  PORT: port.default(3978),
  /** Where the HTTP server listens; default every interface, or only this machine in Teams emulator mode. */
  HOST: z.string().optional(),
  CASTMATCH_DATA_DIR: z.string().default('./data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  CASTMATCH_TIME_ZONE: z.string().default('UTC').refine(isTimeZone, 'must be an IANA time zone such as Europe/London'),

  DATABASE_URL: url.optional(),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional(),

  ANTHROPIC_API_KEY: optionalSecret,
  ANTHROPIC_BASE_URL: url.optional(),
  ANTHROPIC_MODEL: z.string().default('claude-sonnet-5'),
  ANTHROPIC_TIMEOUT_MS: positiveInt.default(20000),

  SLACK_BOT_TOKEN: optionalSecret,
  SLACK_SIGNING_SECRET: optionalSecret,
  SLACK_APP_TOKEN: optionalSecret,
  SLACK_CLIENT_ID: z.string().optional(),
  SLACK_CLIENT_SECRET: optionalSecret,
  SLACK_STATE_SECRET: optionalSecret,
  SLACK_API_URL: url.default('https://slack.com/api/'),

  MICROSOFT_APP_ID: z.string().optional(),
  MICROSOFT_APP_PASSWORD: optionalSecret,
  /** Certificate credentials instead of a password; the files are read (and checked) here, once. */
  MICROSOFT_APP_CERTIFICATE_THUMBPRINT: thumbprint.optional(),
  MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: pemFile('private key').optional(),
  MICROSOFT_APP_CERTIFICATE_X5C_FILE: pemFile('certificate').optional(),
  MICROSOFT_APP_TENANT_ID: z.string().optional(),
  MICROSOFT_APP_TYPE: z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant'),
  BOT_OPENID_METADATA_URL: url.optional(),
  /** Serve /api/messages without credentials (Bot Framework Emulator, local Teams tests). */
  TEAMS_EMULATOR: z.stringbool().default(false),

  EMBEDDING_MODEL: z.string().default('use-lite-512'),
  /** Requests the offline rules cannot place are compared by meaning with the shipped encoder; `off` leaves them to the rules. */
  ROUTER_ENCODER: z.enum(['use', 'off']).default('use'),
  PINECONE_API_KEY: optionalSecret,
  PINECONE_INDEX: z.string().default('castmatch-talent'),
  PINECONE_INDEX_HOST: url.optional(),
  PINECONE_CONTROLLER_URL: url.optional(),

  GOOGLE_SERVICE_ACCOUNT_JSON: optionalSecret,
  GOOGLE_IMPERSONATE_USER: z.string().email().optional(),
  GOOGLE_CALENDAR_ID: z.string().default('primary'),
  GOOGLE_TEAM_CALENDARS: csv.optional(),
  GOOGLE_API_ROOT_URL: url.optional(),

  AUDITION_MINUTES: positiveInt.default(20),
  AUDITION_BUFFER_MINUTES: z.coerce.number().int().min(0).default(0),
  REMINDER_OFFSETS_MINUTES: z
    .string()
    .transform((s) => s.split(',').map((p) => Number(p.trim())))
    .pipe(z.array(z.number().int().positive()))
    .default([1440, 60]),
  SCRIPT_MAX_BYTES: positiveInt.default(20 * 1024 * 1024),
  ROSTER_MAX_BYTES: positiveInt.default(20 * 1024 * 1024),

  OPS_CHANNEL: z.string().optional(),
  /** A bearer token that shows /readyz's details to callers elsewhere (this machine always sees them). */
  OPS_TOKEN: optionalSecret,
  HEALTH_INTERVAL: z.string().default('1 minute'),
  /** Unset: the container's memory limit, else the machine's (src/ops/memory-limit.ts). */
  MEMORY_LIMIT_MB: positiveInt.optional(),
  SHUTDOWN_GRACE_MS: positiveInt.default(10000),
  ALERT_DEPENDENCY_DOWN_MINUTES: positiveInt.default(5),
  ALERT_MEMORY_PERCENT: z.coerce.number().int().min(1).max(100).default(80),
  ALERT_REPLY_P95_MS: positiveInt.default(2000),
  ALERT_ERROR_RATE_PERCENT: z.coerce.number().min(0).max(100).default(5),
  ALERT_MIN_REPLIES: positiveInt.default(20),
});

export type Config = Omit<z.infer<typeof configSchema>, 'HOST'> & { HOST: string };

export class ConfigError extends CastMatchError<'config_invalid'> {
  constructor(readonly problems: string[]) {
    super(
      'config_invalid',
      `Configuration is not valid:\n${problems.map((p) => `  - ${p}`).join('\n')}\nSee .env.example for every variable.`,
    );
  }
}

/** Validates the environment once; throws ConfigError naming every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  // Empty strings mean "unset" in .env files and CI matrices; treat them so.
  const cleaned = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = configSchema.safeParse(cleaned);
  if (!parsed.success) {
    throw new ConfigError(parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`));
  }
  const cfg = parsed.data;
  const problems: string[] = [];
  if (cfg.SLACK_BOT_TOKEN && !cfg.SLACK_SIGNING_SECRET && !cfg.SLACK_APP_TOKEN) {
    problems.push('SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN unless SLACK_APP_TOKEN (Socket Mode) is set');
  }
  const certificate =
    cfg.MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE || cfg.MICROSOFT_APP_CERTIFICATE_THUMBPRINT || cfg.MICROSOFT_APP_CERTIFICATE_X5C_FILE;
  if (cfg.MICROSOFT_APP_ID && !cfg.MICROSOFT_APP_PASSWORD && !certificate && cfg.MICROSOFT_APP_TYPE !== 'UserAssignedMSI') {
    problems.push(
      'MICROSOFT_APP_PASSWORD: required with MICROSOFT_APP_ID (or a certificate: MICROSOFT_APP_CERTIFICATE_THUMBPRINT and MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE)',
    );
  }
  problems.push(...certificateProblems(cfg));
  if (cfg.MICROSOFT_APP_TYPE === 'SingleTenant' && cfg.MICROSOFT_APP_ID && !cfg.MICROSOFT_APP_TENANT_ID) {
    problems.push('MICROSOFT_APP_TENANT_ID: required for a SingleTenant app');
  }
  // The emulator answers /api/messages without checking who sent it: only this machine may reach it.
  const unauthenticatedTeams = cfg.TEAMS_EMULATOR && !cfg.MICROSOFT_APP_ID;
  if (unauthenticatedTeams && cfg.HOST && !isLoopbackHost(cfg.HOST)) {
    problems.push(
      `HOST: TEAMS_EMULATOR=true answers Teams messages without checking who sent them, so it listens on this machine only; leave HOST unset or set 127.0.0.1 (not ${cfg.HOST})`,
    );
  }
  if (problems.length) throw new ConfigError(problems);
  return { ...cfg, HOST: cfg.HOST ?? (unauthenticatedTeams ? '127.0.0.1' : '0.0.0.0') };
}

/** A HOST that only this machine can reach (a local-only route may be exposed on it). */
export function isLoopbackHost(host: string): boolean {
  return host === 'localhost' || host === '::1' || /^127\.\d+\.\d+\.\d+$/.test(host);
}

function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Names of the variables holding secrets: the logger redacts these wherever they appear. */
export const SECRET_KEYS = [
  'ANTHROPIC_API_KEY',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'MICROSOFT_APP_PASSWORD',
  'MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE',
  'PINECONE_API_KEY',
  'GOOGLE_SERVICE_ACCOUNT_JSON',
  'DATABASE_URL',
  'MONGODB_URI',
] as const;
