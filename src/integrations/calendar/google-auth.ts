/**
 * Credentials for Google Calendar from `GOOGLE_SERVICE_ACCOUNT_JSON`: the key file's JSON text or a
 * path to it. A service account key gives a JWT client that impersonates a Workspace user through
 * domain-wide delegation (`subject`); an OAuth client's `authorized_user` JSON (client id, secret,
 * refresh token) gives a refreshing OAuth client. The key itself is never logged.
 */
import { readFileSync } from 'node:fs';
import { auth } from 'googleapis/build/src/apis/calendar/index.js';
import { CastMatchError } from '../../errors/castmatch-error.js';

/** Read and write events, and read free/busy of calendars shared with the account. */
export const CALENDAR_SCOPES = ['https://www.googleapis.com/auth/calendar'];

/** The auth clients CastMatch builds; both are OAuth2 clients, which googleapis accepts. */
export type GoogleAuthClient = InstanceType<typeof auth.JWT> | InstanceType<typeof auth.OAuth2>;

/** Google's OAuth token endpoint, where both client kinds get their access tokens. */
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';

interface CredentialJson {
  type?: string;
  client_email?: string;
  private_key?: string;
  private_key_id?: string;
  client_id?: string;
  client_secret?: string;
  refresh_token?: string;
}

/** The credentials could not be read: names what to fix, never echoes the secret. */
export class GoogleCredentialsError extends CastMatchError<'google_credentials_invalid'> {
  constructor(message: string, options?: { cause?: unknown }) {
    super('google_credentials_invalid', `GOOGLE_SERVICE_ACCOUNT_JSON: ${message}`, options);
  }
}

/** Parses the variable: JSON text when it starts with `{`, otherwise a path to the JSON file. */
export function readCredentialJson(value: string): CredentialJson {
  const text = value.trimStart().startsWith('{') ? value : readKeyFile(value);
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    throw new GoogleCredentialsError('is neither valid JSON nor a path to a JSON key file', { cause: err });
  }
  if (typeof parsed !== 'object' || parsed === null) throw new GoogleCredentialsError('must be a JSON object');
  return parsed as CredentialJson;
}

function readKeyFile(path: string): string {
  try {
    return readFileSync(path.trim(), 'utf8');
  } catch (err) {
    throw new GoogleCredentialsError(`could not read the key file at ${path.trim()}`, { cause: err });
  }
}

/**
 * Builds the auth client. A service account acts as `subject` (GOOGLE_IMPERSONATE_USER) when
 * given: without delegation it could only see its own, empty calendar.
 */
export function googleAuthFromJson(value: string, opts: GoogleAuthOptions = {}): GoogleAuthClient {
  const client = buildClient(readCredentialJson(value), opts);
  if (opts.tokenUrl && opts.tokenUrl !== GOOGLE_TOKEN_URL) redirectTokenRequests(client, opts.tokenUrl);
  return client;
}

export interface GoogleAuthOptions {
  /** The Workspace user a service account acts as (domain-wide delegation). */
  subject?: string;
  scopes?: string[];
  /**
   * Where access tokens are fetched; Google's endpoint unless given (a local fake in tests). The
   * JWT signer hard-codes Google's URL, so requests to it are rewritten on this client's transport.
   */
  tokenUrl?: string;
}

function buildClient(json: CredentialJson, opts: GoogleAuthOptions): GoogleAuthClient {
  const scopes = opts.scopes ?? CALENDAR_SCOPES;
  if (json.type === 'service_account' || (json.client_email && json.private_key)) {
    if (!json.client_email || !json.private_key)
      throw new GoogleCredentialsError('a service account key needs client_email and private_key');
    return new auth.JWT({
      email: json.client_email,
      key: json.private_key,
      scopes,
      ...(json.private_key_id ? { keyId: json.private_key_id } : {}),
      ...(opts.subject ? { subject: opts.subject } : {}),
    });
  }
  if (json.type === 'authorized_user') {
    if (!json.client_id || !json.client_secret || !json.refresh_token) {
      throw new GoogleCredentialsError('an OAuth client (authorized_user) needs client_id, client_secret and refresh_token');
    }
    const client = new auth.OAuth2({ clientId: json.client_id, clientSecret: json.client_secret });
    client.setCredentials({ refresh_token: json.refresh_token });
    return client;
  }
  throw new GoogleCredentialsError(
    'expected a service account key ("type": "service_account") or an OAuth client ("type": "authorized_user")',
  );
}

/** Sends this client's token requests to `tokenUrl` instead of Google's endpoint. */
function redirectTokenRequests(client: GoogleAuthClient, tokenUrl: string): void {
  client.transporter.interceptors.request.add({
    resolved: async (options) => {
      if (String(options.url).startsWith(GOOGLE_TOKEN_URL)) options.url = new URL(tokenUrl);
      return options;
    },
  });
}
