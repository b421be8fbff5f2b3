/** The Block Kit a Slack user sees for each part of the reply model, within Slack's limits. */
import { renderMessage, renderProgress, chunkText } from '../../../src/bot/adapters/slack/render.js';
import { SLACK_LIMITS } from '../../../src/bot/adapters/slack/limits.js';
import { decodeAction } from '../../../src/bot/adapters/slack/actions.js';
import { reply, textReply, type Reply } from '../../../src/bot/reply.js';
import { blocksText, buttonsOf, type Json } from './harness.js';

test('heading, section, fields, table, buttons, context and divider become Block Kit with the text as fallback', () => {
  const r = reply('3 matches for STEEL.')
    .heading('Shortlist: STEEL')
    .section('Picked for *range* and _availability_')
    .fields([
      { label: 'Role', value: 'STEEL' },
      { label: 'Size', value: 'lead' },
    ])
    .divider()
    .table(['Name', 'Age'], [['Maya Roe', '34'], ['Omar Okafor']])
    .buttons([
      { label: 'Book', style: 'primary', action: { skill: 'book-audition', args: { person: 'T1', role: 'STEEL' } } },
      { label: 'Cancel', style: 'danger', action: { skill: 'confirm', args: { id: 'x', accept: false } } },
    ])
    .context('ranked by the hashed embedder')
    .build();
  const { text, blocks } = renderMessage(r);
  expect(text).toBe('3 matches for STEEL.');
  expect(blocks.map((b) => b.type)).toEqual(['header', 'section', 'section', 'divider', 'section', 'actions', 'context']);
  expect(blocksText(blocks)).toBe(
    [
      'Shortlist: STEEL',
      'Picked for *range* and _availability_',
      '*Role*\nSTEEL',
      '*Size*\nlead',
      '```Name         Age\nMaya Roe     34\nOmar Okafor```',
      '[Book]',
      '[Cancel]',
      'ranked by the hashed embedder',
    ].join('\n'),
  );
  const buttons = buttonsOf(blocks);
  expect(buttons.map((b) => decodeAction(b.value))).toEqual([
    { skill: 'book-audition', args: { person: 'T1', role: 'STEEL' } },
    { skill: 'confirm', args: { id: 'x', accept: false } },
  ]);
  expect(new Set(buttons.map((b) => b.actionId)).size).toBe(2);
  expect((blocks[5] as unknown as Json).elements).toEqual([
    expect.objectContaining({ style: 'primary' }),
    expect.objectContaining({ style: 'danger' }),
  ]);
});

test('an image is not a block: it is uploaded beside the message', () => {
  const png = { name: 'chart.png', mimeType: 'image/png', data: new Uint8Array(4) };
  const { blocks } = renderMessage(reply('chart').section('Breakdown').image(png, 'Lines per character').build());
  expect(blocks.map((b) => b.type)).toEqual(['section']);
});

test('a huge reply stays within Slack limits: 50 blocks, 3,000 characters a section, buttons kept, the cut said', () => {
  const long = Array.from({ length: 400 }, (_, i) => `Line ${i}: ${'x'.repeat(40)}`).join('\n');
  const b = reply('A very long answer.').heading('H'.repeat(400));
  for (let i = 0; i < 80; i++) b.section(`Part ${i}`);
  b.section(long).fields(Array.from({ length: 23 }, (_, i) => ({ label: `F${i}`, value: 'v'.repeat(2500) })));
  b.buttons(
    Array.from({ length: 30 }, (_, i) => ({
      label: `Button ${i} ${'y'.repeat(100)}`,
      action: { skill: 'search-talent', args: { query: `q${i}` } },
    })),
  );
  const { text, blocks } = renderMessage(b.build());
  expect(text).toBe('A very long answer.');
  expect(blocks.length).toBeLessThanOrEqual(SLACK_LIMITS.blocks);
  for (const block of blocks as unknown as Json[]) {
    const t = (block.text as Json | undefined)?.text;
    if (block.type === 'header') expect(String(t).length).toBeLessThanOrEqual(SLACK_LIMITS.headerText);
    if (block.type === 'section' && t) expect(String(t).length).toBeLessThanOrEqual(SLACK_LIMITS.sectionText);
    const fields = (block.fields ?? []) as Json[];
    expect(fields.length).toBeLessThanOrEqual(SLACK_LIMITS.sectionFields);
    for (const f of fields) expect(String(f.text).length).toBeLessThanOrEqual(SLACK_LIMITS.fieldText);
    const elements = (block.elements ?? []) as Json[];
    if (block.type === 'actions') expect(elements.length).toBeLessThanOrEqual(SLACK_LIMITS.actionElements);
    for (const e of elements)
      if (e.type === 'button') expect(String((e.text as Json).text).length).toBeLessThanOrEqual(SLACK_LIMITS.buttonText);
  }
  // The closing buttons survive the cut (all 30, over two actions blocks), and the cut is announced.
  expect(buttonsOf(blocks)).toHaveLength(30);
  expect(blocksText(blocks)).toMatch(/more parts not shown: Slack shows at most 50 per message/);
});

test('a button whose action cannot fit in a Slack value is left out rather than sent broken', () => {
  const r: Reply = {
    text: 't',
    blocks: [
      {
        type: 'actions',
        buttons: [
          { label: 'ok', action: { skill: 'search-talent', args: { query: 'a' } } },
          { label: 'huge', action: { skill: 'search-talent', args: { query: 'z'.repeat(3000) } } },
        ],
      },
    ],
  };
  expect(buttonsOf(renderMessage(r).blocks).map((b) => b.label)).toEqual(['ok']);
});

test('progress is one context line; plain replies are one section; long text splits on line breaks', () => {
  expect(renderProgress('Reading pages…')).toEqual({
    text: '⏳ Reading pages…',
    blocks: [{ type: 'context', elements: [{ type: 'mrkdwn', text: '⏳ Reading pages…' }] }],
  });
  expect(renderMessage(textReply('Done.')).blocks).toEqual([{ type: 'section', text: { type: 'mrkdwn', text: 'Done.' } }]);
  const parts = chunkText(`${'a'.repeat(2000)}\n${'b'.repeat(2000)}`, 3000);
  expect(parts).toEqual(['a'.repeat(2000), 'b'.repeat(2000)]);
});

test('data cannot ping anyone: <!everyone>, <!channel> and <@U…> from a roster or a script are shown, not sent as mentions', () => {
  const hostile = 'Sam <!everyone> & <@U0BOSS0001> <!channel> <https://evil.example|click>';
  const m = renderMessage(
    reply(hostile)
      .section(`*1. ${hostile}*`)
      .fields([{ label: 'Who', value: hostile }])
      .table(['Name'], [[hostile]])
      .context(hostile)
      .build(),
  );
  const shown = JSON.stringify(m);
  for (const mention of ['<!everyone>', '<!channel>', '<@U0BOSS0001>', '<https://']) expect(shown).not.toContain(mention);
  expect(m.text).toBe('Sam &lt;!everyone&gt; &amp; &lt;@U0BOSS0001&gt; &lt;!channel&gt; &lt;https://evil.example|click&gt;');
  expect(JSON.stringify(m.blocks)).toContain('*1. Sam &lt;!everyone&gt; &amp;');
  expect(renderProgress('Reading <!here>.fountain').text).toBe('⏳ Reading &lt;!here&gt;.fountain');
});
