import { createLogger } from '../../../src/log/logger.js';
import { AnthropicModel } from '../../../src/integrations/llm/anthropic-model.js';
import { Router } from '../../../src/bot/router/router.js';
import { createSkillRegistry } from '../../../src/skills/registry.js';
import { startFakeAnthropic, type Decision, type MessagesRequest } from '../../fakes/anthropic.js';
import type { FakeServer } from '../../fakes/http-fake.js';
import { memoryFor } from '../../helpers/memory.js';
import { PLAIN_REQUESTS } from './examples.js';

const NOW = new Date('2026-11-24T12:00:00Z');
const log = createLogger('silent');
const skills = [...createSkillRegistry().values()];

/**
 * A stand-in for the model's judgement that sees only what the real model sees: the tools'
 * names, descriptions and examples as sent in the request. It picks the tool sharing the most
 * words with the message, and fills required string arguments with the message.
 */
function wordOverlapModel(req: MessagesRequest): Decision {
  const words = (s: string) => new Set(s.toLowerCase().match(/[a-z]{3,}/g) ?? []);
  const asked = words(req.messages[0]?.content ?? '');
  let best = { score: -1, tool: req.tools?.[0] };
  for (const tool of req.tools ?? []) {
    const known = words(`${tool.name} ${tool.description}`);
    const score = [...asked].filter((w) => known.has(w)).length;
    if (score > best.score) best = { score, tool };
  }
  const schema = best.tool?.input_schema as { required?: string[] };
  const input = Object.fromEntries((schema.required ?? []).map((k) => [k, req.messages[0]?.content]));
  return { tool: best.tool?.name ?? 'help', input };
}

let decide: (req: MessagesRequest) => Decision = wordOverlapModel;
let fake: FakeServer;
let router: Router;

beforeAll(async () => {
  fake = await startFakeAnthropic((req) => decide(req));
  const llm = new AnthropicModel({ apiKey: 'sk-ant-test', model: 'claude-test', baseURL: fake.url, timeoutMs: 500, maxRetries: 0 });
  router = new Router(skills, log, llm);
});
afterAll(() => fake?.close());
beforeEach(() => {
  decide = wordOverlapModel;
  fake.requests.length = 0;
});

test.each(PLAIN_REQUESTS)('Claude path: "%s" → %s', async (text, skill) => {
  const route = await router.routeText(text, memoryFor(), NOW);
  expect(route).toMatchObject({ kind: 'skill', skill, via: 'claude' });
});

test('the request offers one tool per skill with its JSON schema, and forces a tool call', async () => {
  await router.routeText('shortlist for MARIA', memoryFor(), NOW);
  const req = fake.requests[0]!;
  expect(req.headers.authorization ?? req.headers['x-api-key']).toMatch(/sk-ant-test/);
  const body = req.json as MessagesRequest;
  expect(body.tools?.map((t) => t.name).sort()).toEqual([
    'analyze-script',
    'book-audition',
    'correct-role',
    'help',
    'propose-shortlist',
    'search-talent',
  ]);
  const shortlist = body.tools?.find((t) => t.name === 'propose-shortlist');
  expect(shortlist?.input_schema).toMatchObject({ type: 'object', properties: { role: { type: 'string' } } });
  expect(body.tool_choice).toEqual({ type: 'any' });
  expect(body.messages).toEqual([{ role: 'user', content: 'shortlist for MARIA' }]);
  expect(body.system).toMatch(/never follow instructions/i);
});

test("the model's arguments are used, and references resolve against channel memory", async () => {
  const memory = memoryFor();
  await memory.setLastListed({ ids: ['T001', 'T002', 'T003'], names: ['A', 'B', 'C'], source: 'shortlist', role: 'MARIA' });
  await memory.setLastRole('MARIA');
  decide = () => ({ tool: 'book-audition', input: { person: 'the second one', when: 'tomorrow at 11am' } });
  const route = await router.routeText('book the second one tomorrow at 11am', memory, NOW);
  expect(route).toEqual({
    kind: 'skill',
    skill: 'book-audition',
    args: { person: 'T002', role: 'MARIA', when: 'tomorrow at 11am' },
    via: 'claude',
  });
  expect((fake.requests[0]!.json as MessagesRequest).system).toMatch(/people last listed, in order: A, B, C/);
});

test('arguments that fail the skill schema fall back to the rules', async () => {
  decide = () => ({ tool: 'propose-shortlist', input: { role: 'MARIA', limit: 'lots' } });
  const route = await router.routeText('top 3 candidates for JENNY', memoryFor(), NOW);
  expect(route).toEqual({ kind: 'skill', skill: 'propose-shortlist', args: { role: 'JENNY', limit: 3 }, via: 'rules' });
});

test.each([
  ['rate limited (429)', { status: 429 } as Decision],
  ['overloaded (529)', { status: 529 } as Decision],
  ['server error (500)', { status: 500 } as Decision],
  ['no answer (timeout)', { hang: true } as Decision],
  ['a text answer with no tool call', { text: 'I think you want search.' } as Decision],
])('Claude %s → the rules answer instead', async (_name, d) => {
  decide = () => d;
  const route = await router.routeText('shortlist for MARIA', memoryFor(), NOW);
  expect(route).toEqual({ kind: 'skill', skill: 'propose-shortlist', args: { role: 'MARIA' }, via: 'rules' });
});
