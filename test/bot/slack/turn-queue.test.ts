import { TurnQueue } from '../../../src/bot/adapters/slack/turn-queue.js';

/** A job that records its start and finishes when told. */
function gate(name: string, started: string[]) {
  let finish!: () => void;
  const done = new Promise<void>((r) => {
    finish = r;
  });
  return {
    job: async () => {
      started.push(name);
      await done;
      return name;
    },
    finish,
  };
}

/** Lets pending promise callbacks and the queue's start-up immediates run. */
const tick = async () => {
  for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
};

describe('TurnQueue', () => {
  it('runs at most `concurrency` turns at once and starts the next as one finishes', async () => {
    const started: string[] = [];
    const q = new TurnQueue(2);
    const [a, b, c] = ['a', 'b', 'c'].map((n) => gate(n, started));
    const results = [q.run(a!.job), q.run(b!.job), q.run(c!.job)];
    await tick();
    expect(started).toEqual(['a', 'b']);
    expect(q.size).toBe(3);
    a!.finish();
    await results[0];
    await tick();
    expect(started).toEqual(['a', 'b', 'c']);
    b!.finish();
    c!.finish();
    await expect(Promise.all(results)).resolves.toEqual(['a', 'b', 'c']);
    expect(q.size).toBe(0);
  });

  it('starts no turn while a request awaits its acknowledgement, and fills every free slot on release', async () => {
    const started: string[] = [];
    const q = new TurnQueue(2);
    const release = q.hold();
    const jobs = ['a', 'b', 'c'].map((n) => gate(n, started));
    const results = jobs.map((j) => q.run(j.job));
    await tick();
    expect(started).toEqual([]);
    release();
    release(); // a second call must not release another request's hold
    await tick();
    expect(started).toEqual(['a', 'b']);
    for (const j of jobs) j.finish();
    await Promise.all(results);
    expect(started).toEqual(['a', 'b', 'c']);
  });

  it('lets running turns go on while held, and waits for the last of several holds', async () => {
    const started: string[] = [];
    const q = new TurnQueue(1);
    const a = gate('a', started);
    const b = gate('b', started);
    const first = q.run(a.job);
    await tick();
    const releaseOne = q.hold();
    const releaseTwo = q.hold();
    const second = q.run(b.job);
    a.finish();
    await expect(first).resolves.toBe('a');
    releaseOne();
    await tick();
    expect(started).toEqual(['a']);
    releaseTwo();
    await tick();
    expect(started).toEqual(['a', 'b']);
    b.finish();
    await second;
  });

  it('starts no turn for a request read right behind the one just acknowledged', async () => {
    const started: string[] = [];
    const q = new TurnQueue(1);
    const a = gate('a', started);
    const releaseFirst = q.hold();
    const result = q.run(a.job);
    // The first request is answered; before the event loop polls again, the next one is read.
    releaseFirst();
    const releaseSecond = q.hold();
    await tick();
    expect(started).toEqual([]);
    releaseSecond();
    await tick();
    expect(started).toEqual(['a']);
    a.finish();
    await result;
  });

  it('puts a turn whose start was already scheduled back in line when a request arrives first', async () => {
    const started: string[] = [];
    const q = new TurnQueue(2);
    const [a, b] = ['a', 'b'].map((n) => gate(n, started));
    const results = [q.run(a!.job), q.run(b!.job)];
    // Both starts are scheduled; a request is read before they run.
    const release = q.hold();
    await tick();
    expect(started).toEqual([]);
    expect(q.size).toBe(2);
    release();
    await tick();
    expect(started).toEqual(['a', 'b']);
    a!.finish();
    b!.finish();
    await Promise.all(results);
  });

  it('refuses a concurrency that is not a positive integer', () => {
    expect(() => new TurnQueue(0)).toThrow(/positive integer/);
  });
});
