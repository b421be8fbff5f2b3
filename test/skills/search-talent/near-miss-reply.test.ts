/**
 * What a casting director sees when too few people meet a request: the closest others, numbered
 * on from the full matches, each with what it misses, and never a bare "No one" while someone is
 * close. Who should be shown is read from the CSV (test/casting/talent/roster-csv.ts).
 */
import { sampleStore } from './sample-store.js';
import type { Store } from '../../../src/memory/store.js';
import type { Reply } from '../../../src/bot/reply.js';
import { HashedEmbedder } from '../../../src/integrations/embeddings/hashed-embedder.js';
import { MemoryVectorIndex } from '../../../src/integrations/vectors/memory-index.js';
import { searchTalentSkill } from '../../../src/skills/search-talent/index.js';
import { replyText, skillContext } from '../../casting/talent/helpers.js';
import { level, list, overlaps, rows } from '../../casting/talent/roster-csv.js';

const TENANT = 'local:studio';
let store: Store;
let vectors: MemoryVectorIndex;
const embedder = new HashedEmbedder(256);
const ctx = (channel: string) => skillContext({ store, embedder, vectors, tenant: TENANT, channel: `${TENANT}:${channel}` });

beforeAll(async () => {
  ({ store, vectors } = await sampleStore(TENANT));
});
afterAll(async () => {
  await store?.close();
});

/** Each card as its name and the context line right after it. */
function cards(r: Reply): { name: string; next: string }[] {
  return r.blocks.flatMap((b, i) => {
    const name = b.type === 'section' ? b.text.match(/^\*\d+\. ([^*]+)\*/)?.[1] : undefined;
    const after = r.blocks[i + 1];
    return name ? [{ name, next: after?.type === 'context' ? after.text : '' }] : [];
  });
}

test('"Tamil-speaking woman in her 30s who rides horses" shows the close Tamil speakers with what each misses', async () => {
  const [closest] = rows.filter(
    (r) => r.gender === 'female' && overlaps(r, 30, 39) && level(r, 'Tamil') >= 2 && !list(r.skills!).includes('horse riding'),
  );
  const c = ctx('tamil');
  const r = await searchTalentSkill.run(c, { query: 'Tamil-speaking woman in her 30s who rides horses' });
  const text = replyText(r);
  expect(text).toContain('No one on the roster meets all of female · ages 30–39 · Tamil (fluent+) · horse riding');
  expect(text).not.toMatch(/Try fewer requirements/);
  const shown = cards(r);
  expect(shown).toHaveLength(5);
  expect(shown[0]).toEqual({ name: closest!.name, next: 'misses: no horse riding listed' });
  for (const card of shown) expect(card.next).toMatch(/^misses: /);
  // The plain-text fallback says it too.
  expect(r.text).toContain(`1. ${closest!.name} (plays ${closest!.playing_age_min}–${closest!.playing_age_max}`);
  expect(r.text).toContain('— misses: no horse riding listed');
  // "Book the first one" means the first person shown.
  expect((await c.memory.lastListed())!.names).toEqual(shown.map((s) => s.name));
});

test('with some full matches, the near misses follow them under a line that says how many met everything', async () => {
  const full = rows.filter((r) => r.gender === 'female' && list(r.accents!).includes('Irish') && overlaps(r, 50, 120));
  const c = ctx('irish');
  const r = await searchTalentSkill.run(c, { query: 'older woman, Irish accent' });
  const shown = cards(r);
  expect(shown).toHaveLength(5);
  expect(
    shown
      .slice(0, full.length)
      .map((s) => s.name)
      .sort(),
  ).toEqual(full.map((x) => x.name).sort());
  for (const card of shown.slice(0, full.length)) expect(card.next).not.toMatch(/^misses/);
  for (const card of shown.slice(full.length)) expect(card.next).toMatch(/^misses: /);
  expect(replyText(r)).toContain(`Only ${full.length} people meet all of it. The closest others, with what each misses:`);
  expect(r.blocks.some((b) => b.type === 'divider')).toBe(true);
  expect(r.text).toMatch(new RegExp(`\\n${full.length + 1}\\. .* — misses: `));
  expect((await c.memory.lastListed())!.ids).toHaveLength(5);
});
