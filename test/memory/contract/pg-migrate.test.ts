/**
 * PostgreSQL migrations on a database an earlier CastMatch left behind: at version 1, it is
 * upgraded when the store opens, keeps its auditions, and stores the organizer's id from then on;
 * opening again applies nothing. On embedded PGlite always, and on a PostgreSQL server (a schema of
 * its own, dropped afterwards) when DATABASE_URL is set.
 */
import { randomUUID } from 'node:crypto';
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import { migrate } from '../../../src/memory/postgres/migrate.js';
import { migrations } from '../../../src/memory/postgres/migrations/index.js';
import { PgStore } from '../../../src/memory/postgres/pg-store.js';
import { pgliteClient, pgPoolClient, type SqlClient } from '../../../src/memory/postgres/sql-client.js';
import type { AuditionRecord } from '../../../src/memory/records.js';

const old: AuditionRecord = {
  id: 'a-before',
  tenant: 'slack:T0CASTING',
  channel: 'slack:T0CASTING:C0CASTING1',
  role: 'MARIA',
  talentId: 'T00072',
  talentName: 'Meera Patil',
  startsAt: new Date('2026-03-26T11:00:00Z'),
  endsAt: new Date('2026-03-26T11:20:00Z'),
  timeZone: 'Europe/London',
  status: 'booked',
  organizer: 'ana',
  calendarEventId: 'evt-1',
  createdAt: new Date('2026-03-23T09:00:00Z'),
  updatedAt: new Date('2026-03-23T09:00:00Z'),
};

async function upgradeFromVersion1(kind: 'pglite' | 'postgres', client: SqlClient): Promise<void> {
  expect(
    await migrate(
      client,
      migrations.filter((m) => m.version === 1),
    ),
  ).toEqual([1]);
  // An audition as version 1 stored it: there was no organizer id column yet.
  await client.query(
    `INSERT INTO auditions (id, tenant, channel, role, talent_id, talent_name, starts_at, ends_at, time_zone, status,
       organizer, calendar_event_id, created_at, updated_at) VALUES ($1,$2,$3,$4,$5,$6,$7,$8,$9,$10,$11,$12,$13,$14)`,
    [
      old.id,
      old.tenant,
      old.channel,
      old.role,
      old.talentId,
      old.talentName,
      old.startsAt,
      old.endsAt,
      old.timeZone,
      old.status,
      old.organizer,
      old.calendarEventId,
      old.createdAt,
      old.updatedAt,
    ],
  );

  const store = await PgStore.open(kind, client);
  const { rows } = await client.query<{ version: number }>('SELECT version FROM schema_migrations ORDER BY version');
  expect(rows.map((r) => r.version)).toEqual(migrations.map((m) => m.version));
  expect(migrations.map((m) => m.version)).toContain(2);

  const kept = await store.auditions.get(old.id);
  expect(kept).toEqual(old);
  expect(kept).not.toHaveProperty('organizerId');
  expect(await store.auditions.listBetween(old.tenant, new Date('2026-03-26T00:00:00Z'), new Date('2026-03-27T00:00:00Z'))).toEqual([old]);

  const booked: AuditionRecord = {
    ...old,
    id: 'a-after',
    startsAt: new Date('2026-03-26T12:00:00Z'),
    endsAt: new Date('2026-03-26T12:20:00Z'),
    organizerId: 'U0ANA00001',
  };
  await store.auditions.insert(booked);
  expect(await store.auditions.get(booked.id)).toEqual(booked);
  // An old audition can be given its organizer later; the next start applies nothing.
  expect(await store.auditions.update(old.id, { organizerId: 'U0ANA00001' })).toEqual({ ...old, organizerId: 'U0ANA00001' });
  // Version 3 gave auditions the address they were booked at; an old one has none until given one.
  expect(await store.auditions.get(old.id)).not.toHaveProperty('address');
  const address = { platform: 'slack' as const, workspace: 'T0CASTING', channel: 'C0CASTING1', thread: '1764000800.000100' };
  expect((await store.auditions.update(old.id, { address }))?.address).toEqual(address);
  expect(await migrate(client)).toEqual([]);
}

test('PGlite: a database at version 1 is upgraded when the store opens, and keeps its auditions', async () => {
  const client = pgliteClient(await PGlite.create());
  try {
    await upgradeFromVersion1('pglite', client);
  } finally {
    await client.close();
  }
});

const url = process.env.DATABASE_URL;
(url ? test : test.skip)(
  'PostgreSQL (DATABASE_URL): a database at version 1 is upgraded when the store opens, and keeps its auditions',
  async () => {
    const schema = `castmatch_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA ${schema}`);
    const client = pgPoolClient(new pg.Pool({ connectionString: url, max: 2, options: `-c search_path=${schema}` }));
    try {
      await upgradeFromVersion1('postgres', client);
    } finally {
      await client.close();
      await admin.query(`DROP SCHEMA ${schema} CASCADE`);
      await admin.end();
    }
  },
);
