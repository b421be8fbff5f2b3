/**
 * The behaviour every Store implementation owes its callers, as one jest suite. Each runner
 * (pglite, postgres, mongo) calls `describeStoreContract` with a function that opens a fresh,
 * empty store. The store is opened once per suite; every test uses its own keys so they never
 * see each other's data.
 */
import { randomUUID } from 'node:crypto';
import { channelKey, tenantKey, type ConversationAddress } from '../../../src/bot/message.js';
import type { Store } from '../../../src/memory/store.js';
import type {
  AuditionRecord,
  PendingConfirmation,
  ProjectRecord,
  ShortlistRecord,
  TalentProfile,
  TalentRecord,
} from '../../../src/memory/records.js';

export interface OpenedStore {
  store: Store;
  close(): Promise<void>;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A key no other test (or earlier run against the same server) uses. */
const unique = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;

function profile(id: string, name: string, extra: Partial<TalentProfile> = {}): TalentProfile {
  return {
    id,
    name,
    languages: [{ language: 'English', fluency: 'native' }],
    accents: ['RP'],
    skills: ['stage combat'],
    credits: [{ title: 'Hamlet', size: 'lead', year: 2021 }],
    contact: { email: `${id}@agency.example` },
    ...extra,
  };
}

function talent(tenant: string, id: string, name: string, hash: string, updatedAt = new Date('2026-01-01T00:00:00Z')): TalentRecord {
  return { tenant, profile: profile(id, name), contentHash: hash, updatedAt };
}

function audition(tenant: string, id: string, startsAt: string, minutes: number, extra: Partial<AuditionRecord> = {}): AuditionRecord {
  const start = new Date(startsAt);
  return {
    id,
    tenant,
    channel: `${tenant}:C1`,
    role: 'HAMLET',
    talentId: 't-1',
    talentName: 'Ada Actor',
    startsAt: start,
    endsAt: new Date(start.getTime() + minutes * 60_000),
    timeZone: 'Europe/London',
    status: 'booked',
    organizer: 'U-casting',
    createdAt: new Date('2026-01-01T00:00:00Z'),
    updatedAt: new Date('2026-01-01T00:00:00Z'),
    ...extra,
  };
}

export function describeStoreContract(name: string, open: () => Promise<OpenedStore>): void {
  describe(`Store contract: ${name}`, () => {
    let opened: OpenedStore;
    let store: Store;

    beforeAll(async () => {
      opened = await open();
      store = opened.store;
    });
    afterAll(async () => {
      await opened?.close();
    });

    test('answers a ping', async () => {
      await expect(store.ping()).resolves.toBeUndefined();
    });

    describe('channel memory', () => {
      test('round-trips JSON values and answers undefined for what was never set', async () => {
        const ch = unique('slack:T1:C');
        const value = { query: 'tall baritone', ids: ['t-1', 't-2'], page: 2, nested: { ok: true, none: null } };
        await store.channels.set(ch, 'lastSearch', value);
        await store.channels.set(ch, 'activeProjectId', 'p-1');
        expect(await store.channels.get(ch, 'lastSearch')).toEqual(value);
        expect(await store.channels.get(ch, 'activeProjectId')).toBe('p-1');
        expect(await store.channels.get(ch, 'lastRole')).toBeUndefined();
        expect(await store.channels.get(unique('slack:T1:C'), 'lastSearch')).toBeUndefined();
      });

      test('keeps channels apart across platform, workspace and channel', async () => {
        const ws = unique('W');
        const addresses: Pick<ConversationAddress, 'platform' | 'workspace' | 'channel'>[] = [
          { platform: 'slack', workspace: ws, channel: 'C1' },
          { platform: 'teams', workspace: ws, channel: 'C1' },
          { platform: 'slack', workspace: `${ws}-other`, channel: 'C1' },
          { platform: 'slack', workspace: ws, channel: 'C2' },
        ];
        for (const [i, a] of addresses.entries()) await store.channels.set(channelKey(a), 'lastRole', `role-${i}`);
        for (const [i, a] of addresses.entries()) {
          expect(await store.channels.get(channelKey(a), 'lastRole')).toBe(`role-${i}`);
          expect(await store.channels.all(channelKey(a))).toEqual({ lastRole: `role-${i}` });
        }
        await store.channels.delete(channelKey(addresses[0]!), 'lastRole');
        expect(await store.channels.get(channelKey(addresses[0]!), 'lastRole')).toBeUndefined();
        expect(await store.channels.get(channelKey(addresses[1]!), 'lastRole')).toBe('role-1');
      });

      test('set overwrites, delete removes, all lists every live field', async () => {
        const ch = unique('slack:T1:C');
        await store.channels.set(ch, 'lastRole', 'OPHELIA');
        await store.channels.set(ch, 'lastRole', 'HAMLET');
        await store.channels.set(ch, 'activeProjectId', 'p-9');
        expect(await store.channels.all(ch)).toEqual({ lastRole: 'HAMLET', activeProjectId: 'p-9' });
        await store.channels.delete(ch, 'activeProjectId');
        await store.channels.delete(ch, 'neverSet');
        expect(await store.channels.all(ch)).toEqual({ lastRole: 'HAMLET' });
        expect(await store.channels.all(unique('slack:T1:C'))).toEqual({});
      });

      test('undefined is refused rather than stored, and the old value stays', async () => {
        const ch = unique('slack:T1:C');
        await store.channels.set(ch, 'lastRole', 'HAMLET');
        await expect(store.channels.set(ch, 'lastRole', undefined)).rejects.toThrow();
        expect(await store.channels.get(ch, 'lastRole')).toBe('HAMLET');
      });

      test('a field set with a lifetime is gone once it has passed, and a later set without one stays', async () => {
        const ch = unique('slack:T1:C');
        await store.channels.set(ch, 'draft', { step: 1 }, 150);
        await store.channels.set(ch, 'kept', 'yes');
        expect(await store.channels.get(ch, 'draft')).toEqual({ step: 1 });
        await sleep(400);
        expect(await store.channels.get(ch, 'draft')).toBeUndefined();
        expect(await store.channels.all(ch)).toEqual({ kept: 'yes' });
        await store.channels.set(ch, 'draft', { step: 2 });
        await sleep(50);
        expect(await store.channels.get(ch, 'draft')).toEqual({ step: 2 });
      });

      test('setIfAbsent sets once, refuses while the field lives, and takes over an expired one', async () => {
        const ch = unique('slack:T1:C');
        expect(await store.channels.setIfAbsent(ch, 'lock', 'first', 150)).toBe(true);
        expect(await store.channels.setIfAbsent(ch, 'lock', 'second', 150)).toBe(false);
        expect(await store.channels.get(ch, 'lock')).toBe('first');
        await sleep(400);
        expect(await store.channels.setIfAbsent(ch, 'lock', 'third')).toBe(true);
        expect(await store.channels.get(ch, 'lock')).toBe('third');
        expect(await store.channels.setIfAbsent(ch, 'lock', 'fourth')).toBe(false);
      });

      test('setIfAbsent raced five times sets exactly once', async () => {
        const ch = unique('slack:T1:C');
        const results = await Promise.all([1, 2, 3, 4, 5].map((n) => store.channels.setIfAbsent(ch, 'lock', n, 60_000)));
        expect(results.filter(Boolean)).toHaveLength(1);
        expect(await store.channels.get(ch, 'lock')).toBe(results.indexOf(true) + 1);
      });

      test('recent turns keep only the newest `cap`, oldest first, per channel', async () => {
        const ch = unique('slack:T1:C');
        const other = unique('slack:T1:C');
        const base = Date.parse('2026-03-01T10:00:00Z');
        for (let i = 1; i <= 7; i++) {
          await store.channels.appendTurn(
            ch,
            {
              at: new Date(base + i * 1000),
              userId: `U${i}`,
              text: `message ${i}`,
              ...(i % 2 ? { skill: 'search-talent' } : {}),
            },
            5,
          );
        }
        await store.channels.appendTurn(other, { at: new Date(base), userId: 'U9', text: 'elsewhere' }, 5);
        const turns = await store.channels.recentTurns(ch, 10);
        expect(turns.map((t) => t.text)).toEqual(['message 3', 'message 4', 'message 5', 'message 6', 'message 7']);
        expect(turns[0]).toEqual({ at: new Date(base + 3000), userId: 'U3', text: 'message 3', skill: 'search-talent' });
        expect(turns[1]).toEqual({ at: new Date(base + 4000), userId: 'U4', text: 'message 4' });
        expect(turns[1]).not.toHaveProperty('skill');
        expect((await store.channels.recentTurns(ch, 2)).map((t) => t.text)).toEqual(['message 6', 'message 7']);
        expect((await store.channels.recentTurns(other, 10)).map((t) => t.text)).toEqual(['elsewhere']);
        expect(await store.channels.recentTurns(unique('slack:T1:C'), 10)).toEqual([]);
      });
    });

    describe('talent', () => {
      test('upserts by id and writes only the rows whose hash changed', async () => {
        const tenant = unique('slack:T');
        const first = [talent(tenant, 't-1', 'Ada', 'h1'), talent(tenant, 't-2', 'Ben', 'h2'), talent(tenant, 't-3', 'Cy', 'h3')];
        expect(await store.talent.upsertMany(first)).toEqual({ inserted: 3, updated: 0, unchanged: 0 });

        const later = new Date('2026-02-01T00:00:00Z');
        const second = [
          talent(tenant, 't-1', 'Ada', 'h1', later),
          talent(tenant, 't-2', 'Ben Renamed', 'h2b', later),
          talent(tenant, 't-3', 'Cy', 'h3', later),
          talent(tenant, 't-4', 'Di', 'h4', later),
        ];
        expect(await store.talent.upsertMany(second)).toEqual({ inserted: 1, updated: 1, unchanged: 2 });
        // An unchanged row keeps its old timestamp: it was not rewritten.
        expect((await store.talent.get(tenant, 't-1'))?.updatedAt).toEqual(first[0]!.updatedAt);
        const changed = await store.talent.get(tenant, 't-2');
        expect(changed?.profile.name).toBe('Ben Renamed');
        expect(changed?.contentHash).toBe('h2b');
        expect(changed?.updatedAt).toEqual(later);
        expect(await store.talent.count(tenant)).toBe(4);
        expect(await store.talent.upsertMany([])).toEqual({ inserted: 0, updated: 0, unchanged: 0 });
      });

      test('round-trips the whole profile, including private contact and unknown columns', async () => {
        const tenant = unique('slack:T');
        const full = profile('t-9', 'Eve Example', {
          gender: 'female',
          pronouns: 'she/her',
          playingAgeMin: 30,
          playingAgeMax: 40,
          heightCm: 170,
          location: 'London',
          union: 'Equity',
          bio: 'Classical actor.',
          extra: { 'Dr. Notes': 'x', $weird: 'y' },
          contact: { email: 'eve@agency.example', phone: '+44 20 7946 0000' },
        });
        await store.talent.upsertMany([{ tenant, profile: full, contentHash: 'hx', updatedAt: new Date('2026-01-05T00:00:00Z') }]);
        const got = await store.talent.get(tenant, 't-9');
        expect(got).toEqual({ tenant, profile: full, contentHash: 'hx', updatedAt: new Date('2026-01-05T00:00:00Z') });
        expect(got).not.toHaveProperty('vector');
        expect(await store.talent.get(tenant, 'nobody')).toBeUndefined();
      });

      test('keeps vectors exactly, and a re-import without a vector keeps the old one', async () => {
        const tenant = unique('slack:T');
        const vector = new Float32Array([0.1, -2.5, 3.14159, 1e-7, 0]);
        await store.talent.upsertMany([{ ...talent(tenant, 't-1', 'Ada', 'h1'), vector, model: 'use-lite-512' }]);
        const got = await store.talent.get(tenant, 't-1');
        expect(got?.vector).toBeInstanceOf(Float32Array);
        expect(Array.from(got?.vector ?? [])).toEqual(Array.from(vector));
        expect(got?.model).toBe('use-lite-512');

        expect(await store.talent.upsertMany([talent(tenant, 't-1', 'Ada B', 'h1b')])).toEqual({ inserted: 0, updated: 1, unchanged: 0 });
        const after = await store.talent.get(tenant, 't-1');
        expect(after?.profile.name).toBe('Ada B');
        expect(Array.from(after?.vector ?? [])).toEqual(Array.from(vector));
        expect(after?.model).toBe('use-lite-512');
      });

      test('keeps tenants apart and lists by id', async () => {
        const a = unique('slack:TA');
        const b = unique('teams:TB');
        await store.talent.upsertMany([talent(a, 't-3', 'Cy', 'h'), talent(a, 't-1', 'Ada', 'h'), talent(a, 't-2', 'Ben', 'h')]);
        await store.talent.upsertMany([talent(b, 't-1', 'Someone Else', 'other')]);
        expect((await store.talent.list(a)).map((t) => t.profile.id)).toEqual(['t-1', 't-2', 't-3']);
        expect((await store.talent.get(a, 't-1'))?.profile.name).toBe('Ada');
        expect((await store.talent.get(b, 't-1'))?.profile.name).toBe('Someone Else');
        expect(await store.talent.count(a)).toBe(3);
        expect(await store.talent.count(b)).toBe(1);
        expect(await store.talent.list(unique('slack:TZ'))).toEqual([]);
      });

      test('a batch with a bad row writes nothing', async () => {
        const tenant = unique('slack:T');
        const bad = { ...talent(tenant, 'x', 'No Id', 'h'), profile: { ...profile('x', 'No Id'), id: undefined as unknown as string } };
        await expect(store.talent.upsertMany([talent(tenant, 't-1', 'Ada', 'h1'), bad])).rejects.toThrow();
        expect(await store.talent.count(tenant)).toBe(0);
      });
    });

    describe('projects and shortlists', () => {
      const project = (id: string, channel: string, fileHash: string, createdAt: string, title = 'Hamlet'): ProjectRecord => ({
        id,
        tenant: 'slack:T1',
        channel,
        title,
        sourceFile: 'hamlet.fountain',
        fileHash,
        roles: [
          { name: 'HAMLET', details: { size: 'lead', ageMin: 25, ageMax: 35, gender: 'male', lines: 1506 } },
          { name: 'OPHELIA', details: { size: 'supporting', description: "Polonius's daughter." } },
        ],
        breakdown: { title, roles: 2, characters: { 'DR. SMITH': { lines: 3 } }, warnings: [] },
        createdAt: new Date(createdAt),
      });

      test('a project and its roles round-trip; a missing one is undefined', async () => {
        const ch = unique('slack:T1:C');
        const p = project(unique('p'), ch, 'hash-1', '2026-01-01T00:00:00Z');
        await store.projects.save(p);
        expect(await store.projects.get(p.id)).toEqual(p);
        expect(await store.projects.get(unique('p'))).toBeUndefined();
      });

      test('saving again updates title, roles and breakdown but not where it came from', async () => {
        const ch = unique('slack:T1:C');
        const p = project(unique('p'), ch, 'hash-1', '2026-01-01T00:00:00Z');
        await store.projects.save(p);
        const revised = {
          ...p,
          title: 'Hamlet (revised)',
          channel: unique('slack:T1:C'),
          createdAt: new Date('2027-01-01T00:00:00Z'),
          roles: [{ name: 'HAMLET', details: { size: 'lead' } }],
          breakdown: { title: 'Hamlet (revised)' },
        };
        await store.projects.save(revised);
        expect(await store.projects.get(p.id)).toEqual({
          ...p,
          title: 'Hamlet (revised)',
          roles: revised.roles,
          breakdown: revised.breakdown,
        });
      });

      test('findByFileHash finds the newest project of that file in that channel only', async () => {
        const ch = unique('slack:T1:C');
        const older = project(unique('p'), ch, 'hash-x', '2026-01-01T00:00:00Z', 'Old');
        const newer = project(unique('p'), ch, 'hash-x', '2026-02-01T00:00:00Z', 'New');
        await store.projects.save(newer);
        await store.projects.save(older);
        expect((await store.projects.findByFileHash(ch, 'hash-x'))?.id).toBe(newer.id);
        expect(await store.projects.findByFileHash(unique('slack:T1:C'), 'hash-x')).toBeUndefined();
        expect(await store.projects.findByFileHash(ch, 'hash-y')).toBeUndefined();
      });

      test('a shortlist round-trips with and without a project, and saving again replaces its entries', async () => {
        const ch = unique('slack:T1:C');
        const withProject: ShortlistRecord = {
          id: unique('s'),
          channel: ch,
          projectId: 'p-1',
          role: 'HAMLET',
          createdAt: new Date('2026-01-02T00:00:00Z'),
          entries: [
            { talentId: 't-1', name: 'Ada', score: 0.92, reasons: ['age 30 in 25–35', 'RP accent'] },
            { talentId: 't-2', name: 'Ben', score: 0.5, reasons: [] },
          ],
        };
        const { projectId: _drop, ...withoutProject } = { ...withProject, id: unique('s') };
        await store.shortlists.save(withProject);
        await store.shortlists.save(withoutProject);
        expect(await store.shortlists.get(withProject.id)).toEqual(withProject);
        const loose = await store.shortlists.get(withoutProject.id);
        expect(loose).toEqual(withoutProject);
        expect(loose).not.toHaveProperty('projectId');

        const entries = [{ talentId: 't-3', name: 'Cy', score: 0.7, reasons: ['stage combat'] }];
        await store.shortlists.save({ ...withProject, entries });
        expect((await store.shortlists.get(withProject.id))?.entries).toEqual(entries);
        expect(await store.shortlists.get(unique('s'))).toBeUndefined();
      });
    });

    describe('auditions', () => {
      test('an audition round-trips, with its optional fields only when set', async () => {
        const tenant = unique('slack:T');
        const plain = audition(tenant, unique('a'), '2026-05-01T09:00:00Z', 30);
        const full = audition(tenant, unique('a'), '2026-05-01T10:00:00Z', 30, {
          projectId: 'p-1',
          organizerId: 'U0ANA00001',
          calendarEventId: 'evt-1',
          videoLink: 'https://meet.example/abc',
          // A Teams reply chain: the channel id holds colons, the ref holds what posting later needs.
          address: {
            platform: 'teams',
            workspace: 'tenant-1',
            channel: '19:abc@thread.tacv2',
            thread: '1764000600001',
            ref: { serviceUrl: 'https://smba.example/emea/' },
          },
        });
        await store.auditions.insert(plain);
        await store.auditions.insert(full);
        const got = await store.auditions.get(plain.id);
        expect(got).toEqual(plain);
        expect(got).not.toHaveProperty('videoLink');
        expect(got).not.toHaveProperty('organizerId');
        expect(got).not.toHaveProperty('address');
        expect(await store.auditions.get(full.id)).toEqual(full);
        const moved = { ...full.address!, thread: '1764000699999' };
        expect((await store.auditions.update(full.id, { address: moved }))?.address).toEqual(moved);
        expect(
          (await store.auditions.listBetween(tenant, new Date('2026-05-01T10:00:00Z'), new Date('2026-05-01T10:30:00Z')))[0]?.organizerId,
        ).toBe('U0ANA00001');
        expect(await store.auditions.get(unique('a'))).toBeUndefined();
      });

      test('listBetween returns booked auditions of the tenant overlapping [from, to), by start time', async () => {
        const tenant = unique('slack:T');
        const other = unique('slack:T');
        const from = '2026-06-01T09:00:00Z';
        const to = '2026-06-01T12:00:00Z';
        const rows = {
          endsAtFrom: audition(tenant, unique('a'), '2026-06-01T08:30:00Z', 30),
          straddlesFrom: audition(tenant, unique('a'), '2026-06-01T08:45:00Z', 30),
          late: audition(tenant, unique('a'), '2026-06-01T11:30:00Z', 60),
          inside: audition(tenant, unique('a'), '2026-06-01T10:00:00Z', 30),
          startsAtTo: audition(tenant, unique('a'), to, 30),
          cancelled: audition(tenant, unique('a'), '2026-06-01T10:30:00Z', 30, { status: 'cancelled' }),
          otherTenant: audition(other, unique('a'), '2026-06-01T10:00:00Z', 30),
        };
        for (const r of Object.values(rows)) await store.auditions.insert(r);
        const got = await store.auditions.listBetween(tenant, new Date(from), new Date(to));
        expect(got.map((a) => a.id)).toEqual([rows.straddlesFrom.id, rows.inside.id, rows.late.id]);
        expect(got[1]).toEqual(rows.inside);
        expect((await store.auditions.listBetween(other, new Date(from), new Date(to))).map((a) => a.id)).toEqual([rows.otherTenant.id]);
      });

      test('update changes the given fields, returns the result, and can clear an optional one', async () => {
        const tenant = unique('slack:T');
        const a = audition(tenant, unique('a'), '2026-07-01T09:00:00Z', 30, { videoLink: 'https://meet.example/x' });
        await store.auditions.insert(a);
        const updatedAt = new Date('2026-06-15T00:00:00Z');
        const cancelled = await store.auditions.update(a.id, { status: 'cancelled', calendarEventId: 'evt-9', updatedAt });
        expect(cancelled).toEqual({ ...a, status: 'cancelled', calendarEventId: 'evt-9', updatedAt });
        expect(await store.auditions.get(a.id)).toEqual(cancelled);
        expect(await store.auditions.listBetween(tenant, new Date('2026-07-01T00:00:00Z'), new Date('2026-07-02T00:00:00Z'))).toEqual([]);

        const organized = await store.auditions.update(a.id, { organizerId: 'U0BEN00002' });
        expect(organized).toEqual({ ...cancelled, organizerId: 'U0BEN00002' });
        const cleared = await store.auditions.update(a.id, { videoLink: undefined, organizerId: undefined });
        expect(cleared).not.toHaveProperty('videoLink');
        expect(cleared).not.toHaveProperty('organizerId');
        expect(await store.auditions.update(a.id, {})).toEqual(cleared);
        expect(await store.auditions.update(unique('a'), { status: 'cancelled' })).toBeUndefined();
      });
    });

    describe('confirmations', () => {
      const pending = (channel: string, expiresAt: Date): PendingConfirmation => ({
        id: unique('c'),
        channel,
        userId: 'U-casting',
        skill: 'book-audition',
        payload: { talentId: 't-1', startsAt: '2026-05-01T09:00:00.000Z', role: 'HAMLET' },
        summary: 'Book Ada for HAMLET on 1 May 10:00',
        expiresAt,
      });

      test('only its requester in its channel can take it, and only once', async () => {
        const ch = unique('slack:T1:C');
        const now = new Date();
        const p = pending(ch, new Date(now.getTime() + 60_000));
        await store.confirmations.create(p);
        expect(await store.confirmations.get(p.id)).toEqual(p);
        expect(await store.confirmations.take(p.id, ch, 'U-someone-else', now)).toBeUndefined();
        expect(await store.confirmations.take(p.id, unique('slack:T1:C'), 'U-casting', now)).toBeUndefined();
        expect(await store.confirmations.take(p.id, ch, 'U-casting', now)).toEqual(p);
        expect(await store.confirmations.take(p.id, ch, 'U-casting', now)).toBeUndefined();
        expect(await store.confirmations.get(p.id)).toBeUndefined();
      });

      test('an expired confirmation is refused but still known', async () => {
        const ch = unique('slack:T1:C');
        const expiresAt = new Date(Date.now() + 60_000);
        const p = pending(ch, expiresAt);
        await store.confirmations.create(p);
        expect(await store.confirmations.take(p.id, ch, 'U-casting', expiresAt)).toBeUndefined();
        expect(await store.confirmations.take(p.id, ch, 'U-casting', new Date(expiresAt.getTime() + 1))).toBeUndefined();
        expect(await store.confirmations.get(p.id)).toEqual(p);
      });

      test('a sweep deletes what expired before its time, and nothing that still lives', async () => {
        const ch = unique('slack:T1:C');
        const now = Date.now();
        const stale = pending(ch, new Date(now - 2 * 60_000));
        const live = pending(ch, new Date(now + 3_600_000));
        await store.confirmations.create(stale);
        await store.confirmations.create(live);
        await store.channels.set(ch, 'brief', 1, 1);
        await store.channels.set(ch, 'hour', 2, 3_600_000);
        await store.channels.set(ch, 'kept', 3);
        // Everything that expires within the next minute goes; the hour's and the lasting ones stay.
        expect(await store.sweepExpired(new Date(now + 60_000))).toBeGreaterThanOrEqual(2);
        expect(await store.confirmations.get(stale.id)).toBeUndefined();
        expect(await store.confirmations.get(live.id)).toEqual(live);
        expect(await store.channels.all(ch)).toEqual({ hour: 2, kept: 3 });
      });

      test('a double click races: exactly one take wins', async () => {
        const ch = unique('slack:T1:C');
        const p = pending(ch, new Date(Date.now() + 60_000));
        await store.confirmations.create(p);
        const now = new Date();
        const results = await Promise.all([1, 2, 3, 4, 5].map(() => store.confirmations.take(p.id, ch, 'U-casting', now)));
        expect(results.filter((r) => r !== undefined)).toEqual([p]);
      });
    });

    describe('installations', () => {
      test('save, replace, read and delete per platform and workspace', async () => {
        const ws = unique('T');
        const first = {
          platform: 'slack',
          workspace: ws,
          data: { botToken: 'xoxb-1', botUserId: 'UB1', scopes: ['chat:write'] },
          updatedAt: new Date('2026-01-01T00:00:00Z'),
        };
        const teams = {
          platform: 'teams',
          workspace: ws,
          data: { serviceUrl: 'https://smba.example/' },
          updatedAt: new Date('2026-01-01T00:00:00Z'),
        };
        await store.installations.save(first);
        await store.installations.save(teams);
        expect(await store.installations.get('slack', ws)).toEqual(first);

        const second = { ...first, data: { botToken: 'xoxb-2' }, updatedAt: new Date('2026-02-01T00:00:00Z') };
        await store.installations.save(second);
        expect(await store.installations.get('slack', ws)).toEqual(second);
        expect(await store.installations.get('teams', ws)).toEqual(teams);
        expect(await store.installations.get('slack', unique('T'))).toBeUndefined();

        await store.installations.delete('slack', ws);
        expect(await store.installations.get('slack', ws)).toBeUndefined();
        expect(await store.installations.get('teams', ws)).toEqual(teams);
      });
    });

    describe('once keys', () => {
      test('a key is claimed once within its lifetime, and again after it', async () => {
        const key = unique(`event:${tenantKey({ platform: 'slack', workspace: 'T1' })}`);
        expect(await store.once.claim(key, 150)).toBe(true);
        expect(await store.once.claim(key, 150)).toBe(false);
        expect(await store.once.claim(unique('event'), 150)).toBe(true);
        await sleep(400);
        expect(await store.once.claim(key, 60_000)).toBe(true);
        expect(await store.once.claim(key, 60_000)).toBe(false);
      });

      test('a platform retry racing the original is claimed exactly once', async () => {
        const key = unique('event');
        const results = await Promise.all([1, 2, 3, 4, 5].map(() => store.once.claim(key, 60_000)));
        expect(results.filter(Boolean)).toHaveLength(1);
      });
    });
  });
}
