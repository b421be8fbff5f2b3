import { randomUUID } from 'node:crypto';
import { createTestStore } from '../../helpers/store.js';
import type { Store } from '../../../src/memory/store.js';
import type { ProjectRecord } from '../../../src/memory/records.js';
import { HashedEmbedder } from '../../../src/integrations/embeddings/hashed-embedder.js';
import { MemoryVectorIndex } from '../../../src/integrations/vectors/memory-index.js';
import { talentVectorLoader } from '../../../src/casting/talent/vector-loader.js';
import { importRoster } from '../../../src/casting/talent/import/import-roster.js';
import { proposeShortlistSkill, proposeShortlistArgs } from '../../../src/skills/propose-shortlist/index.js';
import { playingRange } from '../../../src/casting/talent/rank/filters.js';
import { buttonsOf, csv, replyText, sampleBytes, silentLog, skillContext } from '../../casting/talent/helpers.js';
import { sampleProfiles } from '../../casting/talent/roster-fixture.js';

const TENANT = 'local:studio';
let store: Store;
let vectors: MemoryVectorIndex;
const embedder = new HashedEmbedder(256);
const people = new Map(sampleProfiles().map((p) => [p.id, p]));
let n = 0;
/** A fresh channel each time: memory never leaks between tests. */
const ctx = (tenant = TENANT) => skillContext({ store, embedder, vectors, tenant, channel: `${tenant}:ch${++n}` });
const run = (c: ReturnType<typeof ctx>, args: Record<string, unknown>) => proposeShortlistSkill.run(c, proposeShortlistArgs.parse(args));

const project: ProjectRecord = {
  id: randomUUID(),
  tenant: TENANT,
  channel: `${TENANT}:casting`,
  title: 'Monsoon Wedding Redux',
  sourceFile: 'mw.fountain',
  fileHash: 'h1',
  createdAt: new Date(),
  breakdown: {},
  roles: [
    {
      name: 'MEERA',
      details: {
        gender: 'female',
        ageRange: [30, 39],
        size: 'lead',
        introduction: 'MEERA (30s), a sharp, watchful detective who rides to every crime scene.',
        skills: ['horse riding'],
        languages: [],
      },
    },
    {
      name: 'RAVI',
      details: {
        gender: 'male',
        ageRange: [50, 60],
        size: 'supporting',
        introduction: 'RAVI (50s), her menacing, shaven-headed uncle.',
        description: 'A quietly menacing villain with a shaved head.',
      },
    },
    { name: 'OLD MAN', details: { gender: 'male', ageRange: null, size: 'day player', introduction: 'An OLD MAN feeds pigeons.' } },
  ],
};

beforeAll(async () => {
  store = await createTestStore();
  vectors = new MemoryVectorIndex(talentVectorLoader(store));
  await importRoster({ store, embedder, vectors, log: silentLog }, TENANT, sampleBytes(), 'sample-roster.csv');
  await store.projects.save(project);
});
afterAll(async () => {
  await store?.close();
});

async function withProject() {
  const c = ctx();
  await c.memory.setActiveProject(project.id);
  return c;
}

test('shortlists a role of the active project: five people who fit, saved with the channel', async () => {
  const c = await withProject();
  const r = await run(c, { role: 'meera' });
  const listed = (await c.memory.lastListed())!;
  expect(listed.source).toBe('shortlist');
  expect(listed.ids).toHaveLength(5);
  for (const id of listed.ids) {
    const p = people.get(id)!;
    expect(p.gender).toBe('female');
    const [lo, hi] = playingRange(p)!;
    expect(lo <= 39 && hi >= 30).toBe(true);
    expect(p.skills).toContain('horse riding');
  }
  expect(await c.memory.lastRole()).toBe('MEERA');
  const saved = (await store.shortlists.get((await c.memory.lastShortlistId())!))!;
  expect(saved).toMatchObject({ role: 'MEERA', projectId: project.id, channel: c.memory.key });
  expect(saved.entries.map((e) => e.talentId)).toEqual(listed.ids);
  expect(saved.entries.every((e) => e.reasons.includes('horse riding'))).toBe(true);
  expect(replyText(r)).toContain('Shortlist: MEERA — Monsoon Wedding Redux');
  // Ranked by fit: scores never increase down the list.
  const scores = saved.entries.map((e) => e.score);
  expect(scores).toEqual([...scores].sort((a, b) => b - a));
});

test('each card has Book, Remove and More like this; Remove drops the person and keeps five', async () => {
  const c = await withProject();
  const r = await run(c, { role: 'MEERA' });
  const ids = (await c.memory.lastListed())!.ids;
  const buttons = buttonsOf(r);
  expect(buttons.map((b) => b.label)).toEqual(ids.flatMap(() => ['Book', 'Remove', 'More like this']));
  expect(buttons[0]!.action).toEqual({ skill: 'book-audition', args: { person: ids[0], role: 'MEERA' } });
  expect(buttons[2]!.action).toEqual({ skill: 'search-talent', args: { query: `like ${ids[0]}` } });
  const remove = buttons[1]!.action;
  expect(remove).toEqual({ skill: 'propose-shortlist', args: { role: 'MEERA', limit: 5, exclude: [ids[0]] } });

  await run(c, remove.args);
  const after = (await c.memory.lastListed())!.ids;
  expect(after).toHaveLength(5);
  expect(after).not.toContain(ids[0]);
  // Removing again keeps the earlier exclusions.
  const second = buttonsOf(await run(c, remove.args)).find((b) => b.label === 'Remove')!;
  expect((second.action.args as { exclude: string[] }).exclude).toEqual([ids[0], after[0]]);
});

test('the role description counts: the menacing, shaved-headed uncle gets villains and shaved heads', async () => {
  const c = await withProject();
  await run(c, { role: 'RAVI', limit: 3 });
  for (const id of (await c.memory.lastListed())!.ids) {
    const p = people.get(id)!;
    expect(p.gender).toBe('male');
    expect(p.bio).toMatch(/villain|shaved head|menacing/);
  }
});

test('never shows contact details', async () => {
  const c = await withProject();
  const text = JSON.stringify(await run(c, { role: 'MEERA', limit: 10 }));
  for (const p of people.values()) {
    if (p.contact.email) expect(text).not.toContain(p.contact.email);
    if (p.contact.phone) expect(text).not.toContain(p.contact.phone);
  }
});

test('people already booked at the requested time are left out', async () => {
  const c = await withProject();
  await run(c, { role: 'MEERA' });
  const [top] = (await c.memory.lastListed())!.ids;
  const at = new Date('2026-03-14T15:00:00Z');
  await store.auditions.insert({
    id: randomUUID(),
    tenant: TENANT,
    channel: c.memory.key,
    role: 'OTHER',
    talentId: top!,
    talentName: people.get(top!)!.name,
    startsAt: new Date('2026-03-14T14:50:00Z'),
    endsAt: new Date('2026-03-14T15:10:00Z'),
    timeZone: 'UTC',
    status: 'booked',
    organizer: 'ana',
    createdAt: new Date(),
    updatedAt: new Date(),
  });
  const r = await run(c, { role: 'MEERA', at: at.toISOString() });
  expect((await c.memory.lastListed())!.ids).not.toContain(top);
  expect(replyText(r)).toMatch(/Left out 1 already booked/);
  // At another time they are available again.
  await run(c, { role: 'MEERA', at: '2026-03-15T09:00:00Z' });
  expect((await c.memory.lastListed())!.ids).toContain(top);
});

test('a role described in words works without a project', async () => {
  const c = ctx();
  await run(c, { role: 'a tough cop in his 50s who boxes', limit: 3 });
  const ids = (await c.memory.lastListed())!.ids;
  expect(ids.length).toBeGreaterThan(0);
  for (const id of ids) {
    const p = people.get(id)!;
    expect(p.gender).toBe('male');
    const [lo, hi] = playingRange(p)!;
    expect(lo <= 59 && hi >= 50).toBe(true);
  }
});

test('too demanding a role is relaxed step by step, and the reply says what was relaxed', async () => {
  const c = ctx();
  const r = await run(c, { role: 'SELKIE', description: 'a Welsh-speaking woman in her 20s who does scuba diving and archery' });
  expect((await c.memory.lastListed())!.ids).toHaveLength(5);
  expect(replyText(r)).toMatch(/I relaxed: skills \(scuba diving, archery\)/);
  for (const id of (await c.memory.lastListed())!.ids) expect(people.get(id)!.gender).toBe('female');
});

test('near-duplicate profiles are not both proposed', async () => {
  const tenant = 'local:dupes';
  const bio = 'A wiry actor with a shaved head, often cast as a villain, quietly menacing.';
  const rows = [
    ['id', 'name', 'gender', 'playing_age_min', 'playing_age_max', 'bio'],
    ['D1', 'Dev Rao', 'male', '40', '48', bio],
    ['D2', 'Dev Rao (agency copy)', 'male', '40', '48', bio],
    ['E1', 'Eli Stone', 'male', '41', '47', 'A gentle giant with a full beard, often cast as a village elder.'],
    ['F1', 'Finn Roy', 'male', '42', '49', 'A stocky actor often cast as a tough cop.'],
  ];
  await importRoster({ store, embedder, vectors, log: silentLog }, tenant, new Uint8Array(Buffer.from(csv(rows))), 'dupes.csv');
  const c = ctx(tenant);
  const r = await run(c, { role: 'VILLAIN', description: 'a menacing villain with a shaved head, man in his 40s', limit: 3 });
  const ids = (await c.memory.lastListed())!.ids;
  expect(ids.filter((id) => id === 'D1' || id === 'D2')).toHaveLength(1);
  expect(ids).toHaveLength(3);
  expect(replyText(r)).toMatch(/Skipped 1 near-duplicate/);
});

test('an unknown role lists the project roles; no project and no description asks for a script', async () => {
  const c = await withProject();
  const unknown = await run(c, { role: 'PRIYA' });
  expect(unknown.isError).toBe(true);
  expect(replyText(unknown)).toContain('Monsoon Wedding Redux has no role “PRIYA”. Its roles: MEERA, RAVI, OLD MAN.');
  expect(buttonsOf(unknown).map((b) => b.label)).toEqual(['Shortlist MEERA', 'Shortlist RAVI', 'Shortlist OLD MAN']);

  const nothing = await run(ctx(), { role: 'MEERA' });
  expect(nothing.isError).toBe(true);
  expect(replyText(nothing)).toMatch(/no script has been analyzed in this channel.*analyze it, or describe the role/);
});

test('a bad time is refused with an example', async () => {
  const r = await run(await withProject(), { role: 'MEERA', at: 'next blursday' });
  expect(r.isError).toBe(true);
  expect(replyText(r)).toMatch(/not a date and time I can read/);
});
