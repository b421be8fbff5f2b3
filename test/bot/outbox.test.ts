/**
 * The outbox routes proactive posts by the platform of the address: into conversations and, for
 * reminders to an organizer, directly to a person. With no adapter of that platform in the process
 * (the terminal, `castmatch serve` without chat credentials) it logs what it would have sent.
 */
import { Writable } from 'node:stream';
import { Outbox } from '../../src/bot/outbox.js';
import { reply } from '../../src/bot/reply.js';
import type { ConversationAddress } from '../../src/bot/message.js';
import { createLogger } from '../../src/log/logger.js';
import { RecordingPoster } from '../ops/support.js';

const note = reply('Reminder: Maya Roe auditions for STEEL in 1 hour').build();
const casting: ConversationAddress = { platform: 'slack', workspace: 'T0CASTING', channel: 'C0CASTING1' };

test("posts and direct messages go to the poster of the address's platform", async () => {
  const lines: string[] = [];
  const outbox = new Outbox(
    createLogger(
      'info',
      new Writable({
        write(chunk, _enc, cb) {
          lines.push(String(chunk));
          cb();
        },
      }),
    ),
  );
  const slack = new RecordingPoster('slack');
  const teams = new RecordingPoster('teams');
  outbox.register(slack);
  outbox.register(teams);
  await outbox.post(casting, note);
  await outbox.postDirect(casting, 'U0ANA00001', note);
  expect(slack.posts).toEqual([{ address: casting, reply: note }]);
  expect(slack.direct).toEqual([{ from: casting, userId: 'U0ANA00001', reply: note }]);
  expect(teams.posts).toEqual([]);
  expect(teams.direct).toEqual([]);
  expect(lines).toEqual([]);
});

test('with no adapter of that platform running, a direct message is logged as one, to whom, with its text', async () => {
  const lines: string[] = [];
  const outbox = new Outbox(
    createLogger(
      'info',
      new Writable({
        write(chunk, _enc, cb) {
          lines.push(String(chunk));
          cb();
        },
      }),
    ),
  );
  await outbox.postDirect({ platform: 'local', workspace: 'studio', channel: 'casting' }, 'ana', note);
  expect(lines.map((l) => JSON.parse(l) as Record<string, unknown>)).toEqual([
    expect.objectContaining({
      msg: 'direct message (no adapter running for platform)',
      platform: 'local',
      workspace: 'studio',
      user: 'ana',
      text: expect.stringContaining('Reminder: Maya Roe auditions for STEEL in 1 hour'),
    }),
  ]);
});
