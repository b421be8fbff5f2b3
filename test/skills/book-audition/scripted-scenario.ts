/**
 * The done-when conversation for issue 5 (run by scripted-conversation*.test.ts), one line per turn as a casting coordinator would type it:
 * analyze a script, import the roster, shortlist a role, book two people, list, reschedule one,
 * cancel the other. Run on the embedded calendar (.ics attachments) and on Google (the fake
 * Calendar server records insert, patch and delete).
 */
import { generateKeyPairSync } from 'node:crypto';
import path from 'node:path';
import { createTestApp, conversation, visibleText, ROSTER, SCRIPTS, type TestApp } from '../../helpers/app.js';
import { ChannelMemory } from '../../../src/memory/channel-memory.js';
import { createCalendar } from '../../../src/integrations/calendar/index.js';
import { loadConfig } from '../../../src/config/config.js';
import { createLogger } from '../../../src/log/logger.js';
import { startFakeGoogleCalendar, type FakeGoogleCalendar } from '../../fakes/google-calendar.js';
import { seedProject, CHANNEL, TENANT } from './helpers.js';
import type { Reply } from '../../../src/bot/reply.js';

// Monday 23 March 2026, 09:00 GMT: "this week" runs to Sunday the 29th.
const now = new Date('2026-03-23T09:00:00Z');

/** Defines the scenario's test on one calendar (one file per calendar keeps each file quick). */
export function scriptedConversation(kind: 'local' | 'google'): void {
  describe(`on the ${kind} calendar`, () => {
    let app: TestApp;
    let fake: FakeGoogleCalendar | undefined;

    beforeAll(async () => {
      const env: Record<string, string> = { EMBEDDING_MODEL: 'hashed-64', CASTMATCH_TIME_ZONE: 'Europe/London' };
      const services: Parameters<typeof createTestApp>[1] = { now: () => now, schedulerPollMs: 100 };
      if (kind === 'google') {
        fake = await startFakeGoogleCalendar();
        const { privateKey } = generateKeyPairSync('rsa', {
          modulusLength: 2048,
          privateKeyEncoding: { type: 'pkcs8', format: 'pem' },
          publicKeyEncoding: { type: 'spki', format: 'pem' },
        });
        Object.assign(env, {
          GOOGLE_SERVICE_ACCOUNT_JSON: JSON.stringify({
            type: 'service_account',
            client_email: 'bot@p.iam.gserviceaccount.com',
            private_key: privateKey,
          }),
          GOOGLE_API_ROOT_URL: fake.rootUrl,
        });
        services.services = {
          calendar: await createCalendar(loadConfig(env), {
            store: undefined as never,
            log: createLogger('silent'),
            google: { tokenUrl: fake.tokenUrl },
          }),
        };
      }
      // The scheduler is not started: the clock is fixed in March, so Agenda (on the real clock)
      // would run the reminders at once; this scenario checks they are scheduled, reminders.test.ts that they fire.
      app = await createTestApp(env, services);
    });
    afterAll(async () => {
      await app?.dispose();
      await fake?.close();
    });

    test('script → roster → shortlist → book two → list → reschedule one → cancel the other', async () => {
      const chat = conversation(app);
      const say = async (text: string): Promise<Reply> => {
        const { replies } = await chat.say(text);
        expect(replies).toHaveLength(1);
        return replies[0]!;
      };
      const confirm = async (proposal: Reply, [accept, decline] = ['Confirm', 'Cancel']): Promise<Reply> => {
        expect(visibleText(proposal)).toContain(`[${accept}] [${decline}]`);
        const { replies } = await chat.press(accept, proposal);
        expect(replies[0]!.isError).toBeFalsy();
        return replies[0]!;
      };
      const memory = new ChannelMemory(CHANNEL, app.db.store.channels);

      await chat.upload(path.join(SCRIPTS, 'brick_and_steel.fountain'), 'analyze this script');
      // Script analysis is written concurrently; until it lands, the project it would make is seeded.
      if (!(await memory.activeProjectId()))
        await seedProject(app, CHANNEL, [
          { name: 'BRICK', details: { gender: 'male', ageRange: [50, 70] } },
          { name: 'STEEL', details: { gender: 'male', ageRange: [50, 70] } },
        ]);

      expect((await chat.upload(ROSTER)).replies[0]!.text).toMatch(/400 new/);
      const shortlist = await say('shortlist for STEEL');
      expect(shortlist.text).toMatch(/^Shortlist for STEEL/);
      const listed = (await memory.lastListed())!;
      const [first, second] = listed.names;

      const a = await confirm(await say('book the first one for STEEL Thursday 3pm'));
      expect(a.text).toBe(`Booked ${first} for STEEL, Thu 26 Mar, 15:00–15:20 GMT.`);
      const b = await confirm(await say('book the second one for STEEL Thursday 4pm'));
      expect(b.text).toBe(`Booked ${second} for STEEL, Thu 26 Mar, 16:00–16:20 GMT.`);

      const list = await say('auditions this week');
      expect(list.text).toBe(
        `Auditions this week (2):\n1. Thu 26 Mar, 15:00–15:20 GMT ${first} (STEEL)\n2. Thu 26 Mar, 16:00–16:20 GMT ${second} (STEEL)`,
      );

      const moved = await confirm(await say(`reschedule ${first}'s audition to Friday 11am`));
      expect(moved.text).toBe(`Moved: ${first} (STEEL) is now Fri 27 Mar, 11:00–11:20 GMT.`);
      const cancelled = await confirm(await say(`cancel ${second}'s audition`), ['Cancel audition', 'Keep it']);
      expect(cancelled.text).toMatch(new RegExp(`^Cancelled: ${second}'s audition for STEEL, Thu 26 Mar, 16:00–16:20 GMT`));

      // The stored auditions and the scheduled reminders match the conversation.
      const rows = await app.db.store.auditions.listBetween(TENANT, now, new Date('2026-04-30T00:00:00Z'));
      expect(rows.map((r) => [r.talentName, r.startsAt.toISOString(), r.status])).toEqual([[first, '2026-03-27T11:00:00.000Z', 'booked']]);
      const kept = rows[0]!;
      const jobs = await app.scheduler.pending('audition:');
      expect(jobs.map((j) => [j.key, j.runAt?.toISOString()]).sort()).toEqual([
        [`audition:${kept.id}:1440`, '2026-03-26T11:00:00.000Z'],
        [`audition:${kept.id}:60`, '2026-03-27T10:00:00.000Z'],
      ]);

      if (kind === 'local') {
        // Each change came with an invitation that parses: booking, move (same UID, later SEQUENCE), cancellation.
        const ics = [a, b, moved, cancelled].map((r) =>
          new TextDecoder().decode(r.files!.find((f) => f.name.endsWith('.ics'))!.data).replace(/\r\n /g, ''),
        );
        for (const text of ics) {
          expect(text).toMatch(/^BEGIN:VCALENDAR\r\n/m);
          expect(text).toMatch(/^BEGIN:VEVENT\r$/m);
          expect(text).toMatch(/^DTSTART:\d{8}T\d{6}Z\r$/m);
          expect(text).toMatch(/^ATTENDEE;.*CN="[^"]+":urn:castmatch:attendee:T\d{5}\r$/m);
          expect(text).toMatch(/END:VEVENT\r\nEND:VCALENDAR/);
        }
        expect(ics[0]).toContain('DTSTART:20260326T150000Z');
        expect(ics[2]).toContain('DTSTART:20260327T110000Z');
        expect(ics[2]).toContain(`UID:${kept.id}@castmatch`);
        expect(ics[3]).toContain('METHOD:CANCEL');
      } else {
        expect(fake!.calls('insert')).toHaveLength(2);
        expect(fake!.calls('patch')).toHaveLength(1);
        expect(fake!.calls('delete')).toHaveLength(1);
        expect(fake!.calls('patch')[0]!.path).toContain(`/events/${kept.calendarEventId}`);
        expect([...fake!.events.values()].map((e) => e.summary)).toEqual([
          `Audition: ${first} for STEEL (${(await app.db.store.projects.get(kept.projectId!))!.title})`,
        ]);
      }
    });
  });
}
