import { z } from 'zod';
import { LlmError, type LanguageModel, type ToolCall, type ToolCallRequest } from '../../../src/integrations/llm/language-model.js';
import { understandQuery } from '../../../src/casting/talent/query/index.js';
import { talentQuerySchema } from '../../../src/casting/talent/query/filter-schema.js';
import { buildVocabulary } from '../../../src/casting/talent/query/vocabulary.js';
import { sampleProfiles } from './roster-fixture.js';
import { silentLog } from './helpers.js';
import { topQuartileFloor } from './roster-csv.js';

const vocab = buildVocabulary(sampleProfiles());

/** A language model that answers with a scripted tool call (or error) and records what it was asked. */
class ScriptedModel implements LanguageModel {
  readonly model = 'claude-test';
  requests: ToolCallRequest[] = [];
  constructor(private readonly answer: () => ToolCall | null) {}
  async callTool(req: ToolCallRequest): Promise<ToolCall | null> {
    this.requests.push(req);
    return this.answer();
  }
}

const REQUEST = 'Tamil-speaking woman in her 30s who rides horses, based in Chennai';

test('Claude is asked through one forced talent_query tool whose schema is the zod schema', async () => {
  const llm = new ScriptedModel(() => ({ tool: 'talent_query', input: { filters: {}, freeText: '' } }));
  await understandQuery(REQUEST, vocab, { llm, log: silentLog });
  const req = llm.requests[0]!;
  expect(req.forceTool).toBe('talent_query');
  expect(req.user).toBe(REQUEST);
  expect(req.system).not.toContain(REQUEST);
  const { $schema: _s, ...expected } = z.toJSONSchema(talentQuerySchema) as Record<string, unknown>;
  expect(req.tools).toEqual([expect.objectContaining({ name: 'talent_query', inputSchema: expected })]);
  // The roster's own terms are offered so the answer can use them.
  expect(req.system).toContain('horse riding');
  expect(req.system).toContain('Chennai');
});

test("Claude's answer is validated and mapped onto the roster's terms", async () => {
  const llm = new ScriptedModel(() => ({
    tool: 'talent_query',
    input: {
      filters: {
        gender: 'woman',
        ageRange: { min: 30, max: 39 },
        languages: [{ language: 'tamil', minFluency: 'fluent' }],
        skills: ['horseback riding', 'underwater welding'],
        city: 'chennai',
      },
      freeText: '',
    },
  }));
  const q = await understandQuery(REQUEST, vocab, { llm, log: silentLog });
  expect(q).toEqual({
    via: 'llm',
    filters: {
      gender: 'female',
      ageRange: { min: 30, max: 39 },
      languages: [{ language: 'Tamil', minFluency: 'fluent' }],
      skills: ['horse riding'],
      city: 'Chennai',
    },
    // A skill nobody on the roster has is searched as text rather than filtering everyone out.
    freeText: 'underwater welding',
  });
});

test('the same request gives the same filters on both paths', async () => {
  const rules = await understandQuery(REQUEST, vocab, { log: silentLog });
  const llm = new ScriptedModel(() => ({
    tool: 'talent_query',
    input: {
      filters: {
        gender: 'female',
        ageRange: { min: 30, max: 39 },
        languages: [{ language: 'Tamil', minFluency: 'fluent' }],
        skills: ['horse riding'],
        city: 'Chennai',
      },
      freeText: '',
    },
  }));
  const viaLlm = await understandQuery(REQUEST, vocab, { llm, log: silentLog });
  expect(viaLlm.filters).toEqual(rules.filters);
  expect(rules.via).toBe('rules');
});

test('an ethnicity the user did not ask for is dropped', async () => {
  const llm = new ScriptedModel(() => ({
    tool: 'talent_query',
    input: { filters: { ethnicity: 'South Asian', languages: [{ language: 'Tamil', minFluency: 'fluent' }] }, freeText: '' },
  }));
  const q = await understandQuery('Tamil speaker', vocab, { llm, log: silentLog });
  expect(q.filters).toEqual({ languages: [{ language: 'Tamil', minFluency: 'fluent' }] });
});

test.each([
  [
    'the model fails (LlmError)',
    () => {
      throw new LlmError('overloaded', 'busy');
    },
  ],
  ['the model answers without a tool call', () => null],
  ['the tool input is invalid', () => ({ tool: 'talent_query', input: { filters: { ageRange: { min: 50, max: 20 } }, freeText: 3 } })],
  ['another tool is called', () => ({ tool: 'book_audition', input: {} })],
])('falls back to the rules when %s', async (_what, answer) => {
  const q = await understandQuery(REQUEST, vocab, { llm: new ScriptedModel(answer as () => ToolCall | null), log: silentLog });
  expect(q.via).toBe('rules');
  expect(q.filters).toMatchObject({ gender: 'female', city: 'Chennai', skills: ['horse riding'] });
});

test("Claude's relative height word is measured against the roster, whatever numbers it adds", async () => {
  const llm = new ScriptedModel(() => ({
    tool: 'talent_query',
    input: {
      filters: { gender: 'male', ageRange: { min: 40, max: 49 }, height: { word: 'tall', byGender: { male: { min: 150 } } } },
      freeText: '',
    },
  }));
  const viaLlm = await understandQuery('tall actor in his forties', vocab, { llm, log: silentLog });
  const rules = await understandQuery('tall actor in his forties', vocab, { log: silentLog });
  expect(viaLlm.filters).toEqual(rules.filters);
  expect(viaLlm.filters.height).toEqual({ word: 'tall', min: topQuartileFloor('male') });
});

test("Claude's look words are mapped onto the looks bios are searched for; unknown ones stay free text", async () => {
  const llm = new ScriptedModel(() => ({
    tool: 'talent_query',
    input: { filters: { height: { min: 186 }, looks: ['shaved head', 'Burly', 'purple hair'] }, freeText: '' },
  }));
  const q = await understandQuery('burly man with a shaved head and purple hair, over 185 cm', vocab, { llm, log: silentLog });
  expect(q.filters).toEqual({ height: { min: 186 }, looks: ['bald', 'burly'] });
  expect(q.freeText).toBe('purple hair');
});
