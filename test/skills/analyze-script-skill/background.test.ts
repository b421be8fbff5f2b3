/** In chat, voices and crowds are listed apart as background: no table row, no Shortlist button, no role on the project. */
import path from 'node:path';
import { conversation, createTestApp, visibleText, type TestApp } from '../../helpers/app.js';
import { ChannelMemory } from '../../../src/memory/channel-memory.js';

let app: TestApp;
beforeAll(async () => {
  app = await createTestApp({ EMBEDDING_MODEL: 'hashed-64' });
});
afterAll(() => app?.dispose());

const SCRIPT = path.resolve('test/fixtures/scripts/town-square.fountain');

test('the breakdown names the background once and offers shortlists for roles only', async () => {
  const {
    replies: [r],
  } = await conversation(app, 'square').upload(SCRIPT);
  const shown = visibleText(r!);
  expect(shown).toContain("Background, not cast as roles: ALL, MAN'S VOICE, THE CROWD, VARIOUS TOWNFOLK, VOICE, WOMAN'S VOICE.");
  expect(shown).not.toMatch(/^THE CROWD \|/m);
  expect(shown).not.toMatch(/\[Shortlist (THE CROWD|MAN'S VOICE)\]/);
  const project = await app.db.store.projects.get(
    (await new ChannelMemory('local:studio:square', app.db.store.channels).activeProjectId())!,
  );
  expect(project!.roles.map((x) => x.name)).toEqual(['ANNA']);
  const {
    replies: [s],
  } = await conversation(app, 'square').say('shortlist for THE CROWD');
  expect(visibleText(s!)).toMatch(/has no role “THE CROWD”/);
});
