import path from 'node:path';
import { writeFile } from 'node:fs/promises';
import { conversation, createTestApp, SCRIPTS, visibleText, type TestApp } from '../../helpers/app.js';
import { startFakeAnthropic, type Decision, type MessagesRequest } from '../../fakes/anthropic.js';
import type { FakeServer } from '../../fakes/http-fake.js';
import { ChannelMemory } from '../../../src/memory/channel-memory.js';
import { tempDir } from '../../helpers/store.js';

describe('offline', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await createTestApp();
  });
  afterAll(() => app?.dispose());

  test('an uploaded screenplay becomes the breakdown, with chart and shortlist buttons, and the active project', async () => {
    const chat = conversation(app, 'brick');
    const {
      replies: [r],
      progress,
    } = await chat.upload(path.join(SCRIPTS, 'brick_and_steel.fountain'));
    expect(progress[0]).toBe('Reading brick_and_steel.fountain…');
    expect(progress[1]).toMatch(/^Found \d+ characters in 8 scenes…$/);
    const text = visibleText(r!);
    expect(text).toMatch(/Scenes: 8/);
    expect(text).toMatch(/Speaking roles: 7/);
    expect(text).toMatch(/STEEL \| lead/);
    expect(text).toContain('[Shortlist STEEL]');
    const png = r!.files?.[0];
    expect(png?.mimeType).toBe('image/png');
    expect(Buffer.from(png!.data.subarray(0, 8)).toString('hex')).toBe('89504e470d0a1a0a');

    const memory = new ChannelMemory('local:studio:brick', app.db.store.channels);
    const project = await app.db.store.projects.get((await memory.activeProjectId())!);
    expect(project?.roles.map((x) => x.name)).toEqual(expect.arrayContaining(['STEEL', 'BRICK', 'COGNITO']));
    expect(project?.roles.find((x) => x.name === 'STEEL')?.details.size).toBe('lead');
  });

  test('a bad file gets a clear answer and stores nothing', async () => {
    const dir = await tempDir();
    const empty = path.join(dir, 'draft.fountain');
    await writeFile(empty, '');
    const chat = conversation(app, 'bad');
    const {
      replies: [r],
    } = await chat.upload(empty);
    expect(r?.isError).toBe(true);
    expect(r?.text).toMatch(/empty/i);
    expect(await new ChannelMemory('local:studio:bad', app.db.store.channels).activeProjectId()).toBeUndefined();
  });

  test('/cast analyze with nothing attached says what to upload', async () => {
    const {
      replies: [r],
    } = await conversation(app, 'nofile').say('/cast analyze');
    expect(r?.text).toMatch(/Upload a screenplay/);
  });
});

describe('with Claude', () => {
  let app: TestApp;
  let fake: FakeServer;
  let decide: (req: MessagesRequest) => Decision;

  beforeAll(async () => {
    fake = await startFakeAnthropic((req) => decide(req));
    app = await createTestApp({ ANTHROPIC_API_KEY: 'sk-ant-test', ANTHROPIC_BASE_URL: fake.url, ANTHROPIC_TIMEOUT_MS: '2000' });
  });
  afterAll(async () => {
    await app?.dispose();
    await fake?.close();
  });
  beforeEach(() => {
    fake.requests.length = 0;
  });

  /** Notes for whichever listed characters the request names, as the model would give them. */
  const notesFor = (req: MessagesRequest): Decision => {
    const names = (req.messages[0]?.content.match(/^Characters: (.*)$/m)?.[1] ?? '').split(', ');
    return {
      tool: 'record_casting_notes',
      input: {
        roles: names.map((name) => ({
          name,
          description: `${name} is written with swagger.`,
          // STEEL's description rests on words of the script; the others' on words it does not contain.
          descriptionQuote: name === 'STEEL' ? 'his former  partner and fellow retiree' : 'a hard-boiled legend of the force',
          skills: name === 'STEEL' ? ['stage combat'] : [],
          ...(name === 'MINION'
            ? {
                gender: { value: 'male', quote: 'His minion approaches offscreen' },
                age: { min: 20, max: 30, quote: 'a young minion in a tracksuit' },
              }
            : {}),
          ...(name === 'BRICK' ? { age: { min: 30, max: 35, quote: 'thirty-something' } } : {}),
        })),
      },
    };
  };

  test('roles get casting descriptions through one side-effect-free tool, cached by file hash', async () => {
    decide = notesFor;
    const chat = conversation(app, 'notes');
    const {
      replies: [r],
    } = await chat.upload(path.join(SCRIPTS, 'brick_and_steel.fountain'));
    expect(visibleText(r!)).toContain('STEEL is written with swagger.');
    expect(visibleText(r!)).toContain('Scenes demand: stage combat');
    // Only what the script bears out is kept: no quote found, no description, gender or age.
    expect(visibleText(r!)).not.toContain('BRICK is written with swagger.');
    const row = (role: string) => r!.blocks.flatMap((b) => (b.type === 'table' ? b.rows : [])).find((x) => x[0] === role);
    // Claude's quoted gender fills MINION's (a model's reading: likely, marked ~); its unquoted age does not.
    expect(row('MINION')?.slice(-2)).toEqual(['male ~', '—']);
    expect(row('BRICK')?.slice(-2)).toEqual(['male ~', '55–75 ~']);
    const req = fake.requests.map((x) => x.json as MessagesRequest).find((x) => x.tools?.[0]?.name === 'record_casting_notes')!;
    expect(req.tools?.map((t) => t.name)).toEqual(['record_casting_notes']);
    expect(req.tool_choice).toEqual({ type: 'tool', name: 'record_casting_notes' });
    expect(req.system).toMatch(/never instructions/);
    expect(req.messages[0]?.content).toMatch(/<script>[\s\S]*BRICK[\s\S]*<\/script>/);

    const before = fake.requests.length;
    await conversation(app, 'notes-again').upload(path.join(SCRIPTS, 'brick_and_steel.fountain'));
    expect(fake.requests.length).toBe(before);
  });

  test.each([[529], [429]] as const)('Claude answering %i falls back to the offline breakdown and says so', async (status) => {
    decide = () => ({ status });
    const {
      replies: [r],
    } = await conversation(app, `down-${status}`).upload(path.join(SCRIPTS, 'silent_as_murderers.fountain'));
    expect(r?.isError).toBeFalsy();
    expect(visibleText(r!)).toMatch(/INA \| lead/);
    expect(visibleText(r!)).toMatch(/Claude was unavailable .* offline breakdown/);
  });
});
