import { sampleStore } from './sample-store.js';
import type { Store } from '../../../src/memory/store.js';
import { HashedEmbedder } from '../../../src/integrations/embeddings/hashed-embedder.js';
import { MemoryVectorIndex } from '../../../src/integrations/vectors/memory-index.js';
import { importRoster } from '../../../src/casting/talent/import/import-roster.js';
import { searchTalent } from '../../../src/casting/talent/search.js';
import { searchTalentSkill } from '../../../src/skills/search-talent/index.js';
import { buttonsOf, csv, replyText, sampleBytes, silentLog, skillContext } from '../../casting/talent/helpers.js';
import { sampleProfiles } from '../../casting/talent/roster-fixture.js';

const TENANT = 'local:studio';
let store: Store;
let vectors: MemoryVectorIndex;
const embedder = new HashedEmbedder(256);
const ctx = (tenant = TENANT, channel = `${tenant}:casting`) => skillContext({ store, embedder, vectors, tenant, channel });
const run = (query: string, c = ctx(), limit?: number) => searchTalentSkill.run(c, { query, ...(limit ? { limit } : {}) });

beforeAll(async () => {
  ({ store, vectors } = await sampleStore(TENANT));
});
afterAll(async () => {
  await store?.close();
});

test('a compact card per person: name, playing range, location and at most three reasons', async () => {
  const r = await run('Tamil-speaking woman who rides horses');
  const cards = r.blocks.flatMap((b) => (b.type === 'section' && /^\*\d+\. /.test(b.text) ? [b] : []));
  expect(cards.length).toBeGreaterThan(0);
  const people = sampleProfiles();
  for (const s of cards) {
    const name = s.text.match(/^\*\d+\. ([^*]+)\*/)![1]!;
    const p = people.find((x) => x.name === name)!;
    expect(s.text).toContain(`plays ${p.playingAgeMin}–${p.playingAgeMax}`);
    expect(s.text).toContain(p.location!);
  }
  // The full matches' reasons, before the divider that sets off any near misses.
  const divider = r.blocks.findIndex((b) => b.type === 'divider');
  const reasons = r.blocks
    .slice(0, divider < 0 ? undefined : divider)
    .filter((b) => b.type === 'context')
    .slice(1);
  expect(reasons.length).toBeGreaterThan(0);
  for (const c of reasons) {
    expect(c.text.split(' · ').length).toBeLessThanOrEqual(3);
    expect(c.text).toMatch(/speaks Tamil \((native|fluent)\)/);
    expect(c.text).toContain('horse riding');
  }
  expect(replyText(r)).toMatch(/Looking for: female · Tamil \(fluent\+\) · horse riding/);
});

test('contact details never reach the channel, whatever the search', async () => {
  const people = sampleProfiles();
  for (const q of ['villain', 'women in their 30s', 'speaks Hindi', 'agent email phone contact']) {
    const text = JSON.stringify(await run(q, ctx(), 20));
    for (const p of people) {
      if (p.contact.email) expect(text).not.toContain(p.contact.email);
      if (p.contact.phone) expect(text).not.toContain(p.contact.phone);
    }
  }
});

test('without an active role each person gets "More like this", and it finds similar people', async () => {
  const c = ctx(TENANT, `${TENANT}:more`);
  const r = await run('shaved head', c, 3);
  const buttons = buttonsOf(r);
  expect(buttons).toHaveLength(3);
  expect(buttons.every((b) => b.label === 'More like this' && b.action.skill === 'search-talent')).toBe(true);
  const listed = await c.memory.lastListed();
  expect(listed?.source).toBe('search');
  expect((await c.memory.lastSearch())?.ids).toEqual(listed?.ids);

  const first = listed!.ids[0]!;
  const firstName = listed!.names[0]!;
  expect(buttons[0]!.action.args).toEqual({ query: `like ${first}` });
  const similar = await searchTalentSkill.run(c, buttons[0]!.action.args as { query: string });
  const text = replyText(similar);
  expect(text).toContain(`People like ${firstName}`);
  expect((await c.memory.lastListed())!.ids).not.toContain(first);
  expect(text).toContain(`similar to ${firstName}`);
});

test('with a role in play, the button shortlists the person for it', async () => {
  const c = ctx(TENANT, `${TENANT}:role`);
  await c.memory.setLastRole('MEERA');
  const r = await run('sings', c, 2);
  const buttons = buttonsOf(r);
  expect(buttons.map((b) => b.label)).toEqual(['Shortlist for MEERA', 'Shortlist for MEERA']);
  const ids = (await c.memory.lastListed())!.ids;
  expect(buttons[1]!.action).toEqual({ skill: 'propose-shortlist', args: { role: 'MEERA', include: [ids[1]] } });
});

test('says what it understood when nobody matches, and when the roster is empty', async () => {
  const none = await run('Welsh-speaking woman over 90 who does parkour');
  expect(replyText(none)).toMatch(/No one on the roster matches female · 90\+ · Welsh \(fluent\+\) · parkour/);
  const empty = await run('anyone', ctx('local:empty-workspace'));
  expect(replyText(empty)).toMatch(/roster is empty/);
});

test('searchTalent answers the CLI with query, filters and results with reasons', async () => {
  const deps = { store, embedder, vectors, log: silentLog };
  const r = await searchTalent(deps, TENANT, 'SAG-AFTRA baritone', { limit: 3 });
  expect(r.query).toBe('SAG-AFTRA baritone');
  expect(r.filters).toEqual({ skills: ['singing (baritone)'], union: 'SAG-AFTRA' });
  expect(r.results.length).toBeGreaterThan(0);
  for (const hit of r.results) {
    expect(hit).toEqual({
      id: expect.any(String),
      name: expect.any(String),
      score: expect.any(Number),
      parts: expect.any(Object),
      reasons: expect.arrayContaining(['singing (baritone)', 'SAG-AFTRA']),
    });
  }
});

test('an import is visible to the next search (the cached roster is invalidated)', async () => {
  const tenant = 'local:fresh';
  const deps = { store, embedder, vectors, log: silentLog };
  await importRoster(
    deps,
    tenant,
    new Uint8Array(
      Buffer.from(
        csv([
          ['id', 'name', 'skills'],
          ['A', 'Ann', 'fencing'],
          ['B', 'Ben', 'ballet'],
          ['C', 'Cy', 'piano'],
        ]),
      ),
    ),
    'a.csv',
  );
  expect((await searchTalent(deps, tenant, 'fencer')).results.map((h) => h.name)).toEqual(['Ann']);
  await importRoster(
    deps,
    tenant,
    new Uint8Array(
      Buffer.from(
        csv([
          ['id', 'name', 'skills'],
          ['D', 'Dee', 'fencing; swimming'],
        ]),
      ),
    ),
    'b.csv',
  );
  expect((await searchTalent(deps, tenant, 'fencer')).results.map((h) => h.name).sort()).toEqual(['Ann', 'Dee']);
});
