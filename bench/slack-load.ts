/**
 * The Slack side of the ack benchmark, run as a process of its own: Slack is another machine, so
 * signing requests and reading answers must not share the bot's event loop and inflate what it
 * measures. Reads its plan as JSON from argv, sends bursts of signed `/cast` commands, and prints
 * each request's time to the HTTP answer (ms), and the wall-clock time the first burst left, as one
 * JSON line.
 */
import { createHmac } from 'node:crypto';
import http from 'node:http';

export interface LoadPlan {
  url: string;
  secret: string;
  responseUrl: string;
  commands: number;
  concurrency: number;
  /** Requests numbered below this are sent first, `concurrency` at a time, and not reported. */
  warmup: number;
  /** Pause after the warm-up (ms), for the turns it started to finish. */
  settleMs: number;
}

function signedBody(plan: LoadPlan, i: number): { body: string; headers: http.OutgoingHttpHeaders } {
  const body = new URLSearchParams({
    command: '/cast',
    text: i % 2 ? 'help' : 'shortlist MARIA',
    team_id: 'T0BENCH',
    channel_id: `C0BENCH${i % 7}`,
    user_id: `U0BENCH${i % 13}`,
    user_name: 'bench',
    response_url: plan.responseUrl,
    // Slack gives every invocation its own trigger id; a repeated one is dropped as a replay.
    trigger_id: `t${process.pid}-${i}`,
  }).toString();
  const at = Math.floor(Date.now() / 1000);
  const signature = `v0=${createHmac('sha256', plan.secret).update(`v0:${at}:${body}`).digest('hex')}`;
  return {
    body,
    headers: {
      'content-type': 'application/x-www-form-urlencoded',
      'content-length': Buffer.byteLength(body),
      'x-slack-request-timestamp': String(at),
      'x-slack-signature': signature,
    },
  };
}

export interface LoadResult {
  samples: number[];
  firstSentAt: number;
}

async function runLoad(plan: LoadPlan): Promise<LoadResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: plan.concurrency });
  const send = (i: number): Promise<number> => {
    const { body, headers } = signedBody(plan, i);
    return new Promise<number>((resolve, reject) => {
      let started = 0;
      const req = http.request(plan.url, { method: 'POST', agent, headers }, (res) => {
        res.resume();
        res.on('end', () =>
          res.statusCode === 200 ? resolve(performance.now() - started) : reject(new Error(`slash command answered ${res.statusCode}`)),
        );
      });
      // The clock starts as the request is handed to its socket, right before its bytes are
      // written: a burst's requests are built one after another, and the time this process spends
      // building the later ones is the sender's, not the bot's.
      req.on('socket', () => {
        started = performance.now();
      });
      req.on('error', reject);
      req.end(body);
    });
  };
  // The warm-up goes out in full bursts too, so that the measured bursts find their keep-alive
  // connections open, as Slack's own requests do under steady load.
  for (let i = 0; i < plan.warmup; i += plan.concurrency) {
    await Promise.all(Array.from({ length: Math.min(plan.concurrency, plan.warmup - i) }, (_, j) => send(i + j)));
  }
  await new Promise((r) => setTimeout(r, plan.settleMs));
  const samples: number[] = [];
  const firstSentAt = Date.now();
  for (let i = 0; i < plan.commands; i += plan.concurrency) {
    const burst = Array.from({ length: Math.min(plan.concurrency, plan.commands - i) }, (_, j) => send(plan.warmup + i + j));
    const times = await Promise.all(burst);
    if (process.env.BENCH_DEBUG) process.stderr.write(`burst ${i / plan.concurrency}: ${times.map((t) => t.toFixed(0)).join(' ')}\n`);
    samples.push(...times);
  }
  agent.destroy();
  return { samples, firstSentAt };
}

const plan = JSON.parse(process.argv[2] ?? '') as LoadPlan;
process.stdout.write(`${JSON.stringify(await runLoad(plan))}\n`);
