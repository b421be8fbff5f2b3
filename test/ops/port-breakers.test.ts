/**
 * The breaker decorators of the vector index (the real Pinecone client against a local fake that
 * fails, hangs and recovers), the calendar and the embedder: reads are retried and fall back with a
 * note for the reply; writes are neither retried nor silently redirected; an open breaker fails fast.
 */
import { startFakeServer, json, type FakeServer } from '../fakes/http-fake.js';
import { collectNotices } from '../../src/integrations/degradation.js';
import { PineconeVectorIndex } from '../../src/integrations/vectors/pinecone-index.js';
import { MemoryVectorIndex } from '../../src/integrations/vectors/memory-index.js';
import { VectorIndexError, VectorModelMismatchError, type VectorIndex } from '../../src/integrations/vectors/vector-index.js';
import type { CalendarEvent, CalendarEventInput, CalendarPort } from '../../src/integrations/calendar/calendar.js';
import type { Embedder } from '../../src/integrations/embeddings/embedder.js';
import { HashedEmbedder } from '../../src/integrations/embeddings/hashed-embedder.js';
import {
  BreakerRegistry,
  BreakerOpenError,
  breakerVectorIndex,
  breakerCalendar,
  breakerEmbedder,
  backoffDelay,
  retryIdempotent,
  CalendarUnavailableError,
  EmbedderUnavailableError,
  VECTORS_DEGRADED_NOTE,
  FREEBUSY_DEGRADED_NOTE,
  BOOKING_DEGRADED_NOTE,
  EMBEDDER_DEGRADED_NOTE,
} from '../../src/integrations/resilience/index.js';
import { breakerCheck } from '../../src/ops/checks.js';
import { sleep } from './support.js';

const fastRetry = { baseDelayMs: 5, maxDelayMs: 20 };
let registry: BreakerRegistry;
beforeEach(() => {
  registry = new BreakerRegistry();
});
afterEach(() => registry.shutdown());

describe('vector index', () => {
  let pinecone: FakeServer;
  let mode: 'fail' | 'hang' | 'ok' = 'fail';
  const paths = () => pinecone.requests.map((r) => r.path);

  beforeAll(async () => {
    pinecone = await startFakeServer((req, res) => {
      if (mode === 'hang') return;
      if (mode === 'fail') return json(res, 503, { error: { code: 'UNAVAILABLE', message: 'service unavailable' } });
      if (req.path === '/query')
        return json(res, 200, {
          matches: [
            { id: 'p2', score: 0.97 },
            { id: 'p1', score: 0.5 },
          ],
          namespace: 'studio',
        });
      return json(res, 200, { upsertedCount: 1 });
    });
  });
  afterAll(() => pinecone?.close());
  beforeEach(() => {
    pinecone.requests.length = 0;
  });

  // The in-process fallback, fed as in production from the stored vectors.
  const local = () =>
    new MemoryVectorIndex(async () => [
      { id: 'p1', vector: Float32Array.from([1, 0, 0]), metadata: {}, model: 'm' },
      { id: 'p2', vector: Float32Array.from([0, 1, 0]), metadata: {}, model: 'm' },
    ]);
  const remote = () => new PineconeVectorIndex({ apiKey: 'pc-test', indexHost: pinecone.url, maxRetries: 0 });
  const q = Float32Array.from([1, 0, 0]);

  test('a failing Pinecone is retried, then the search is served by the in-process index and says so; once open, no request is made', async () => {
    mode = 'fail';
    const index = breakerVectorIndex(remote(), local(), {
      registry,
      timeoutMs: 1_000,
      volumeThreshold: 3,
      resetMs: 1_500,
      retry: fastRetry,
    });
    const first = await collectNotices(() => index.query('studio', q, { topK: 2, model: 'm' }));
    expect(first.result.map((m) => m.id)).toEqual(['p1', 'p2']);
    expect(first.notices).toEqual([VECTORS_DEGRADED_NOTE]);
    expect(paths()).toEqual(['/query', '/query', '/query']);
    expect(index.breaker.state).toBe('open');

    const second = await collectNotices(() => index.query('studio', q, { topK: 2, model: 'm' }));
    expect(second.result.map((m) => m.id)).toEqual(['p1', 'p2']);
    expect(second.notices).toEqual([VECTORS_DEGRADED_NOTE]);
    expect(paths()).toHaveLength(3);

    // A write while open fails fast with a message a user can act on, and touches nothing.
    await expect(index.upsert('studio', [{ id: 'p3', vector: q, metadata: {} }], 'm')).rejects.toThrow(
      /Pinecone is unavailable.*nothing was changed/,
    );
    expect(paths()).toHaveLength(3);

    // Recovery: after the reset period the next query reaches Pinecone and no note is added.
    mode = 'ok';
    await sleep(1_550);
    const third = await collectNotices(() => index.query('studio', q, { topK: 2, model: 'm' }));
    expect(third.result.map((m) => m.id)).toEqual(['p2', 'p1']);
    expect(third.notices).toEqual([]);
    expect(index.breaker.state).toBe('closed');
  });

  test('a hanging Pinecone times out within the read budget and falls back', async () => {
    mode = 'hang';
    const index = breakerVectorIndex(remote(), local(), { registry, timeoutMs: 150, retry: fastRetry });
    const started = performance.now();
    const { result, notices } = await collectNotices(() => index.query('studio', q, { topK: 1, model: 'm' }));
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(result.map((m) => m.id)).toEqual(['p1']);
    expect(notices).toEqual([VECTORS_DEGRADED_NOTE]);
  });

  test('a failed write is not retried and not redirected to the fallback', async () => {
    mode = 'fail';
    const fallback = local();
    const index = breakerVectorIndex(remote(), fallback, { registry, timeoutMs: 1_000, retry: fastRetry });
    await expect(index.upsert('studio', [{ id: 'p3', vector: Float32Array.from([0, 0, 1]), metadata: {} }], 'm')).rejects.toBeInstanceOf(
      VectorIndexError,
    );
    expect(paths()).toEqual(['/vectors/upsert']);
    const stillTwo = await fallback.query('studio', Float32Array.from([0, 0, 1]), { topK: 5 });
    expect(stillTwo.map((m) => m.id).sort()).toEqual(['p1', 'p2']);
  });

  test("a refused query (model mismatch) is the caller's problem: no fallback, no note, no failure counted", async () => {
    const refusing: VectorIndex = {
      kind: 'pinecone',
      upsert: async () => undefined,
      delete: async () => undefined,
      query: async () => {
        throw new VectorModelMismatchError('studio', 'a', 'b');
      },
    };
    const index = breakerVectorIndex(refusing, local(), { registry, volumeThreshold: 1 });
    const out = await collectNotices(() => index.query('studio', q, { topK: 1 }).catch((e: unknown) => e));
    expect(out.result).toBeInstanceOf(VectorModelMismatchError);
    expect(out.notices).toEqual([]);
    expect(index.breaker.snapshot().counts.failure).toBe(0);
    expect(index.breaker.state).toBe('closed');
  });
});

describe('calendar', () => {
  const input: CalendarEventInput = {
    summary: 'Audition',
    description: '',
    start: new Date('2026-12-01T10:00:00Z'),
    end: new Date('2026-12-01T10:20:00Z'),
    timeZone: 'UTC',
    attendees: [{ name: 'Meera' }],
    videoLink: true,
  };
  const busy = [{ start: new Date('2026-12-01T09:00:00Z'), end: new Date('2026-12-01T09:30:00Z'), calendar: 'team' }];

  function fakeCalendar(kind: 'google' | 'local', behaviour: { fail?: { status?: number; message: string } } = {}) {
    const calls: string[] = [];
    const act = async <T>(name: string, value: T): Promise<T> => {
      calls.push(name);
      if (behaviour.fail)
        throw Object.assign(new Error(behaviour.fail.message), behaviour.fail.status ? { status: behaviour.fail.status } : {});
      return value;
    };
    const port: CalendarPort = {
      kind,
      freeBusy: () => act('freeBusy', kind === 'local' ? busy : []),
      create: () =>
        act<CalendarEvent>('create', {
          id: `${kind}-1`,
          ...(kind === 'local' ? { ics: new Uint8Array([1]) } : { videoLink: 'https://meet' }),
        }),
      update: () => act<CalendarEvent>('update', { id: `${kind}-1` }),
      delete: () => act('delete', undefined),
    };
    return { port, calls, behaviour };
  }

  test('free/busy is retried on a 503, then read from the local calendar with a note; a failed booking is neither retried nor duplicated locally', async () => {
    const google = fakeCalendar('google', { fail: { status: 503, message: 'backendError' } });
    const local = fakeCalendar('local');
    const cal = breakerCalendar(google.port, local.port, { registry, volumeThreshold: 10, retry: fastRetry });

    const fb = await collectNotices(() => cal.freeBusy(['team'], new Date(), new Date()));
    expect(fb.result).toEqual(busy);
    expect(fb.notices).toEqual([FREEBUSY_DEGRADED_NOTE]);
    expect(google.calls).toEqual(['freeBusy', 'freeBusy', 'freeBusy']);

    // One failed insert may still have landed in Google: it is reported, not booked twice.
    await expect(cal.create(input)).rejects.toMatchObject({ status: 503 });
    expect(google.calls.filter((c) => c === 'create')).toHaveLength(1);
    expect(local.calls).not.toContain('create');
  });

  test('a booking lands locally with an .ics while the breaker is open, and Google is not called', async () => {
    const google = fakeCalendar('google', { fail: { status: 503, message: 'backendError' } });
    const local = fakeCalendar('local');
    const cal = breakerCalendar(google.port, local.port, { registry, volumeThreshold: 1, resetMs: 60_000, retry: { attempts: 1 } });
    await cal.freeBusy(['team'], new Date(), new Date());
    expect(cal.breaker.state).toBe('open');
    google.calls.length = 0;

    const created = await collectNotices(() => cal.create(input));
    expect(created.result.id).toBe('local-1');
    expect(created.result.ics).toBeDefined();
    expect(created.notices).toEqual([BOOKING_DEGRADED_NOTE]);
    expect(google.calls).toEqual([]);
  });

  test('a 404 is not an outage: rethrown at once, nothing falls back', async () => {
    const google = fakeCalendar('google', { fail: { status: 404, message: 'Not Found' } });
    const local = fakeCalendar('local');
    const cal = breakerCalendar(google.port, local.port, { registry, retry: fastRetry });
    const out = await collectNotices(() => cal.freeBusy(['team'], new Date(), new Date()).catch((e: unknown) => e));
    expect((out.result as Error).message).toBe('Not Found');
    expect(out.notices).toEqual([]);
    expect(google.calls).toEqual(['freeBusy']);
    expect(local.calls).toEqual([]);
  });

  test('while open, changes to a Google event fail fast with a clear message; a probe that answers closes the breaker', async () => {
    const google = fakeCalendar('google', { fail: { status: 500, message: 'internal' } });
    const cal = breakerCalendar(google.port, fakeCalendar('local').port, {
      registry,
      volumeThreshold: 1,
      resetMs: 60_000,
      retry: { attempts: 1 },
      probe: () => google.port.freeBusy(['team'], new Date(), new Date()),
    });
    await cal.freeBusy(['team'], new Date(), new Date());
    expect(cal.breaker.state).toBe('open');
    google.calls.length = 0;
    await expect(cal.update('google-1', input)).rejects.toBeInstanceOf(CalendarUnavailableError);
    await expect(cal.delete('google-1')).rejects.toThrow(/Google Calendar is unavailable right now, so the cancellation was not made/);
    expect(google.calls).toEqual([]);

    const check = breakerCheck(cal.breaker);
    expect(await check.run()).toMatchObject({ ok: false, detail: expect.stringContaining('probe failed: internal') });
    delete google.behaviour.fail;
    expect(await check.run()).toMatchObject({ ok: true });
    expect(cal.breaker.state).toBe('closed');
  });
});

describe('embedder', () => {
  const failing = (model: string, dimensions: number): Embedder & { calls: number } => ({
    model,
    dimensions,
    calls: 0,
    async embed() {
      this.calls++;
      throw Object.assign(new Error('upstream 502'), { status: 502 });
    },
  });

  test('vectors of another model never stand in: the call fails with a message saying what to do', async () => {
    const primary = failing('pinecone:multilingual-e5-large', 1024);
    const e = breakerEmbedder(primary, new HashedEmbedder(512), { registry, retry: fastRetry });
    const out = await collectNotices(() => e.embedQueries(['tall actor']).catch((err: unknown) => err));
    expect(out.result).toBeInstanceOf(EmbedderUnavailableError);
    expect((out.result as Error).message).toMatch(/unavailable right now.*Nothing was changed; try again/);
    expect(primary.calls).toBe(3);
  });

  test("a fallback making the same model's vectors serves the call, with a note", async () => {
    const hashed = new HashedEmbedder(64);
    const primary = failing(hashed.model, hashed.dimensions);
    const e = breakerEmbedder(primary, hashed, { registry, retry: fastRetry });
    const out = await collectNotices(() => e.embed(['tall actor']));
    expect(out.result).toEqual(await hashed.embed(['tall actor']));
    expect(out.notices).toEqual([EMBEDDER_DEGRADED_NOTE]);
  });
});

describe('retry', () => {
  test('backoff doubles up to the ceiling, with jitter below it', () => {
    const top = () => 0.999;
    expect([1, 2, 3, 4, 5, 6].map((n) => backoffDelay(n, { baseDelayMs: 100, maxDelayMs: 1_000, random: top }))).toEqual([
      99, 199, 399, 799, 999, 999,
    ]);
    expect(backoffDelay(3, { baseDelayMs: 100, random: () => 0 })).toBe(0);
  });

  test('an open breaker is never retried, and no attempt starts past the budget', async () => {
    let calls = 0;
    await expect(
      retryIdempotent(
        async () => {
          calls++;
          throw new BreakerOpenError('x');
        },
        { attempts: 5 },
      ),
    ).rejects.toBeInstanceOf(BreakerOpenError);
    expect(calls).toBe(1);

    calls = 0;
    const slept: number[] = [];
    await expect(
      retryIdempotent(
        async () => {
          calls++;
          throw new Error('down');
        },
        {
          attempts: 10,
          baseDelayMs: 100,
          maxDelayMs: 100,
          budgetMs: 250,
          random: () => 0.99,
          sleep: async (ms) => {
            slept.push(ms);
            await sleep(ms);
          },
        },
      ),
    ).rejects.toThrow('down');
    expect(calls).toBe(3);
    expect(slept).toEqual([99, 99]);
  });
});
