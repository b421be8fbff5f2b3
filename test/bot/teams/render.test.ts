/** The Adaptive Card a Teams user sees for each part of the reply model. */
import { renderActivity, INLINE_IMAGE_MAX_BYTES } from '../../../src/bot/adapters/teams/render.js';
import { reply, textReply } from '../../../src/bot/reply.js';
import { cardText, elements, buttons, type Json } from './cards.js';

const png = (size: number) => ({ name: 'chart.png', mimeType: 'image/png', data: new Uint8Array(size).fill(7) });
const cardIn = (a: ReturnType<typeof renderActivity>): Json => a.attachments![0]!.content as Json;

test('heading, sections, fields, table and buttons become one Adaptive Card 1.5, with the text as summary and fallback', () => {
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
  const activity = renderActivity(r);
  expect(activity).toMatchObject({ type: 'message', summary: '3 matches for STEEL.' });
  expect(activity.text).toBeUndefined();
  const card = cardIn(activity);
  expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5', fallbackText: '3 matches for STEEL.' });
  expect(cardText(card)).toBe(
    [
      'Shortlist: STEEL',
      'Picked for **range** and _availability_',
      'Role: STEEL',
      'Size: lead',
      'Name',
      'Age',
      'Maya Roe',
      '34',
      'Omar Okafor',
      '',
      '[Book]',
      '[Cancel]',
      'ranked by the hashed embedder',
    ].join('\n'),
  );
  const table = elements(card).find((e) => e.type === 'Table')!;
  expect(table).toMatchObject({ firstRowAsHeader: true, separator: true });
  expect(buttons(card)).toEqual([
    { title: 'Book', data: { skill: 'book-audition', args: { person: 'T1', role: 'STEEL' } } },
    { title: 'Cancel', data: { skill: 'confirm', args: { id: 'x', accept: false } } },
  ]);
  expect(
    elements(card)
      .filter((e) => e.type === 'Action.Submit')
      .map((e) => e.style),
  ).toEqual(['positive', 'destructive']);
});

test('a small image is drawn inside the card; a large one and other files travel as attachments', () => {
  const small = renderActivity(reply('chart').image(png(100), 'Lines per character').build());
  expect(small.attachments).toHaveLength(1);
  const image = elements(cardIn(small)).find((e) => e.type === 'Image')!;
  expect(image).toMatchObject({ altText: 'Lines per character' });
  expect(String(image.url)).toMatch(/^data:image\/png;base64,BwcH/);

  const ics = { name: 'audition.ics', mimeType: 'text/calendar', data: new TextEncoder().encode('BEGIN:VCALENDAR') };
  const large = renderActivity(
    reply('chart')
      .section('Breakdown')
      .image(png(INLINE_IMAGE_MAX_BYTES + 1), 'Lines')
      .file(ics)
      .build(),
  );
  expect(elements(cardIn(large)).some((e) => e.type === 'Image')).toBe(false);
  expect(large.attachments!.slice(1)).toEqual([
    { contentType: 'image/png', name: 'chart.png', contentUrl: expect.stringMatching(/^data:image\/png;base64,/) },
    {
      contentType: 'text/calendar',
      name: 'audition.ics',
      contentUrl: `data:text/calendar;base64,${Buffer.from('BEGIN:VCALENDAR').toString('base64')}`,
    },
  ]);
});

test('a reply with no blocks is a plain text message', () => {
  expect(renderActivity({ text: 'Nothing to show.', blocks: [] })).toEqual({
    type: 'message',
    text: 'Nothing to show.',
    textFormat: 'markdown',
  });
  expect(cardText(cardIn(renderActivity(textReply('Done.'))))).toBe('Done.');
});
