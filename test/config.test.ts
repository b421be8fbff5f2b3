import { loadConfig, ConfigError } from '../src/config/config.js';
import { createLogger } from '../src/log/logger.js';
import { Writable } from 'node:stream';
import { certificateDir, type CertificateDir, type TestCertificate } from './helpers/certificates.js';

test('runs on embedded defaults with no environment at all', () => {
  const c = loadConfig({});
  expect(c).toMatchObject({
    PORT: 3978,
    CASTMATCH_DATA_DIR: './data',
    CASTMATCH_TIME_ZONE: 'UTC',
    AUDITION_MINUTES: 20,
    REMINDER_OFFSETS_MINUTES: [1440, 60],
  });
  expect(c.ANTHROPIC_API_KEY).toBeUndefined();
});

test('a malformed variable stops start-up with a message naming it', () => {
  expect(() => loadConfig({ PORT: 'eighty' })).toThrow(/PORT/);
  expect(() => loadConfig({ CASTMATCH_TIME_ZONE: 'Mars/Olympus' })).toThrow(/CASTMATCH_TIME_ZONE: must be an IANA time zone/);
  expect(() => loadConfig({ MONGODB_URI: 'localhost:27017' })).toThrow(/MONGODB_URI/);
  expect(() => loadConfig({ REMINDER_OFFSETS_MINUTES: '60,soon' })).toThrow(/REMINDER_OFFSETS_MINUTES/);
});

test('every problem is reported at once, and cross-variable requirements are checked', () => {
  try {
    loadConfig({ PORT: '-1', SLACK_BOT_TOKEN: 'xoxb-1', MICROSOFT_APP_ID: 'abc' });
    throw new Error('expected a ConfigError');
  } catch (err) {
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).problems.join('\n')).toMatch(/PORT/);
  }
  expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1' })).toThrow(/SLACK_SIGNING_SECRET: required with SLACK_BOT_TOKEN/);
  expect(() => loadConfig({ MICROSOFT_APP_ID: 'abc' })).toThrow(/MICROSOFT_APP_PASSWORD/);
  expect(() => loadConfig({ SLACK_BOT_TOKEN: 'xoxb-1', SLACK_APP_TOKEN: 'xapp-1' })).not.toThrow();
});

test('empty strings count as unset', () => {
  expect(loadConfig({ ANTHROPIC_API_KEY: '', PORT: '' })).toMatchObject({ PORT: 3978 });
});

test('secrets and private contact details never reach the log', () => {
  let out = '';
  const sink = new Writable({
    write(chunk: Buffer, _e, cb) {
      out += chunk.toString();
      cb();
    },
  });
  const log = createLogger('info', sink);
  log.info(
    {
      config: { SLACK_BOT_TOKEN: 'xoxb-secret', PORT: 3978 },
      talent: { name: 'Meera', email: 'meera@example.com', phone: '+91-1' },
      authorization: 'Bearer abc',
    },
    'hello',
  );
  expect(out).not.toMatch(/xoxb-secret|meera@example.com|\+91-1|Bearer abc/);
  expect(out).toContain('Meera');
  expect(out).toContain('[redacted]');
});

describe('Teams certificate credentials', () => {
  let certs: CertificateDir;
  let a: TestCertificate;
  let b: TestCertificate;
  const APP = { MICROSOFT_APP_ID: '3c1d2e4f-5a6b-4c7d-8e9f-0a1b2c3d4e5f' };
  beforeAll(() => {
    certs = certificateDir();
    a = certs.make('a');
    b = certs.make('b');
  });
  afterAll(() => certs.remove());
  const problems = (env: Record<string, string>) => {
    try {
      loadConfig(env);
    } catch (err) {
      if (err instanceof ConfigError) return err.problems;
      throw err;
    }
    return [];
  };

  test('a thumbprint and a private key file replace the password; the key is read once, here', () => {
    const c = loadConfig({
      ...APP,
      MICROSOFT_APP_CERTIFICATE_THUMBPRINT: a.x509.fingerprint.toLowerCase(),
      MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: a.keyFile,
    });
    expect(c.MICROSOFT_APP_CERTIFICATE_THUMBPRINT).toBe(a.thumbprint);
    expect(c.MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE?.pem).toBe(a.key);
    expect(c.MICROSOFT_APP_PASSWORD).toBeUndefined();
    // The certificate alone (subject name and issuer) names the thumbprint.
    expect(() =>
      loadConfig({ ...APP, MICROSOFT_APP_CERTIFICATE_X5C_FILE: a.certFile, MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: a.keyFile }),
    ).not.toThrow();
  });

  test('half a certificate, or a password and a certificate, is an error naming the variables', () => {
    expect(problems({ ...APP, MICROSOFT_APP_CERTIFICATE_THUMBPRINT: a.thumbprint })).toEqual([
      "MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: required with MICROSOFT_APP_CERTIFICATE_THUMBPRINT (the certificate's private key, PEM)",
    ]);
    expect(problems({ ...APP, MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: a.keyFile })).toEqual([
      'MICROSOFT_APP_CERTIFICATE_THUMBPRINT: required with MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE (or give the certificate itself in MICROSOFT_APP_CERTIFICATE_X5C_FILE)',
    ]);
    expect(problems({ ...APP, MICROSOFT_APP_CERTIFICATE_X5C_FILE: a.certFile })).toEqual([
      "MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: required with MICROSOFT_APP_CERTIFICATE_X5C_FILE (the certificate's private key, PEM)",
    ]);
    expect(
      problems({
        ...APP,
        MICROSOFT_APP_PASSWORD: 'secret',
        MICROSOFT_APP_CERTIFICATE_THUMBPRINT: a.thumbprint,
        MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: a.keyFile,
      }),
    ).toEqual([
      'MICROSOFT_APP_PASSWORD and MICROSOFT_APP_CERTIFICATE_THUMBPRINT/MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: set a password or a certificate, not both',
    ]);
    expect(problems({ MICROSOFT_APP_CERTIFICATE_THUMBPRINT: a.thumbprint, MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: a.keyFile })).toEqual(
      ['MICROSOFT_APP_ID: required with MICROSOFT_APP_CERTIFICATE_*'],
    );
    expect(
      problems({
        ...APP,
        MICROSOFT_APP_TYPE: 'UserAssignedMSI',
        MICROSOFT_APP_TENANT_ID: 't',
        MICROSOFT_APP_CERTIFICATE_THUMBPRINT: a.thumbprint,
        MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: a.keyFile,
      }),
    ).toEqual([expect.stringMatching(/^MICROSOFT_APP_CERTIFICATE_\*: not used with MICROSOFT_APP_TYPE=UserAssignedMSI/)]);
  });

  test('a missing, unreadable or wrong file stops start-up naming the variable and the file', () => {
    const missing = `${certs.dir}/nowhere.pem`;
    expect(
      problems({ ...APP, MICROSOFT_APP_CERTIFICATE_THUMBPRINT: a.thumbprint, MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: missing }),
    ).toEqual([`MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: cannot read the private key file ${missing} (ENOENT)`]);
    expect(
      problems({ ...APP, MICROSOFT_APP_CERTIFICATE_THUMBPRINT: a.thumbprint, MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: certs.dir }),
    ).toEqual([`MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: cannot read the private key file ${certs.dir} (EISDIR)`]);
    expect(
      problems({ ...APP, MICROSOFT_APP_CERTIFICATE_THUMBPRINT: a.thumbprint, MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: a.certFile }),
    ).toEqual([expect.stringMatching(/^MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: .*a\.cert\.pem is not a PEM private key/)]);
    expect(
      problems({ ...APP, MICROSOFT_APP_CERTIFICATE_X5C_FILE: a.keyFile, MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: a.keyFile }),
    ).toEqual([expect.stringMatching(/^MICROSOFT_APP_CERTIFICATE_X5C_FILE: .*a\.key\.pem is not a PEM certificate/)]);
    expect(
      problems({ ...APP, MICROSOFT_APP_CERTIFICATE_THUMBPRINT: 'not-hex', MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: a.keyFile }),
    ).toEqual(["MICROSOFT_APP_CERTIFICATE_THUMBPRINT: must be the certificate's SHA-1 thumbprint: 40 hex digits"]);
  });

  test('with the certificate given, the thumbprint and the key must be its own', () => {
    expect(
      problems({
        ...APP,
        MICROSOFT_APP_CERTIFICATE_X5C_FILE: a.certFile,
        MICROSOFT_APP_CERTIFICATE_THUMBPRINT: b.thumbprint,
        MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: a.keyFile,
      }),
    ).toEqual([
      `MICROSOFT_APP_CERTIFICATE_THUMBPRINT: does not match the certificate in MICROSOFT_APP_CERTIFICATE_X5C_FILE, whose thumbprint is ${a.thumbprint}`,
    ]);
    expect(
      problems({ ...APP, MICROSOFT_APP_CERTIFICATE_X5C_FILE: a.certFile, MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: b.keyFile }),
    ).toEqual([
      'MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: is not the private key of the certificate in MICROSOFT_APP_CERTIFICATE_X5C_FILE',
    ]);
  });

  test('the private key never reaches the log', () => {
    let out = '';
    const sink = new Writable({
      write(chunk: Buffer, _e, cb) {
        out += chunk.toString();
        cb();
      },
    });
    const config = loadConfig({
      ...APP,
      MICROSOFT_APP_CERTIFICATE_THUMBPRINT: a.thumbprint,
      MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE: a.keyFile,
    });
    const log = createLogger('info', sink);
    log.info({ config }, 'config');
    log.info({ keyFile: config.MICROSOFT_APP_CERTIFICATE_PRIVATE_KEY_FILE }, 'under another name');
    expect(out).toContain('[redacted]');
    expect(out).toContain(a.keyFile);
    expect(out).not.toContain('PRIVATE KEY');
    expect(out).not.toContain(a.key.split('\n')[1]!);
  });
});

test('Teams emulator mode (no credentials) listens on this machine only, and refuses to be opened wider', () => {
  expect(loadConfig({}).HOST).toBe('0.0.0.0');
  expect(loadConfig({ TEAMS_EMULATOR: 'true' }).HOST).toBe('127.0.0.1');
  expect(loadConfig({ TEAMS_EMULATOR: 'true', HOST: '::1' }).HOST).toBe('::1');
  expect(() => loadConfig({ TEAMS_EMULATOR: 'true', HOST: '0.0.0.0' })).toThrow(
    /HOST: TEAMS_EMULATOR=true answers Teams messages without checking who sent them, so it listens on this machine only/,
  );
  // With credentials, requests are authenticated: any interface will do.
  expect(loadConfig({ TEAMS_EMULATOR: 'true', MICROSOFT_APP_ID: 'app', MICROSOFT_APP_PASSWORD: 'secret', HOST: '0.0.0.0' }).HOST).toBe(
    '0.0.0.0',
  );
});
