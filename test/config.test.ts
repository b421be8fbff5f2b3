import { loadConfig, ConfigError } from '../src/config/config.js';
import { createLogger } from '../src/log/logger.js';
import { Writable } from 'node:stream';

test('runs on embedded defaults with no environment at all', () => {
  const c = loadConfig({});
  expect(c).toMatchObject({ PORT: 3978, CASTMATCH_DATA_DIR: './data', CASTMATCH_TIME_ZONE: 'UTC', AUDITION_MINUTES: 20, REMINDER_OFFSETS_MINUTES: [1440, 60] });
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
  const sink = new Writable({ write(chunk: Buffer, _e, cb) { out += chunk.toString(); cb(); } });
  const log = createLogger('info', sink);
  log.info({ config: { SLACK_BOT_TOKEN: 'xoxb-secret', PORT: 3978 }, talent: { name: 'Meera', email: 'meera@example.com', phone: '+91-1' }, authorization: 'Bearer abc' }, 'hello');
  expect(out).not.toMatch(/xoxb-secret|meera@example.com|\+91-1|Bearer abc/);
  expect(out).toContain('Meera');
  expect(out).toContain('[redacted]');
});
