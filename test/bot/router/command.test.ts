/**
 * `/cast …` commands reach their skill by the slash grammar, with references to channel memory
 * resolved; `castmatch route "/cast …"` asks `routeCommand` too (test/cli/route-command.test.ts).
 */
import { createLogger } from '../../../src/log/logger.js';
import { Router } from '../../../src/bot/router/router.js';
import { createSkillRegistry } from '../../../src/skills/registry.js';
import { memoryFor } from '../../helpers/memory.js';

const NOW = new Date('2026-11-24T12:00:00Z'); // a Tuesday
const router = new Router([...createSkillRegistry().values()], createLogger('silent'));

test('each /cast command reaches its skill, via the command, as a chat message with that command does', async () => {
  const cases: [string, string, Record<string, unknown>][] = [
    ['book Meera for MARIA Thursday 3pm', 'book-audition', { op: 'book', person: 'Meera', role: 'MARIA', when: 'Thursday 3pm' }],
    ['search tall men', 'search-talent', { query: 'tall men' }],
    ['help', 'help', {}],
    ['shortlist MARIA', 'propose-shortlist', { role: 'MARIA' }],
  ];
  for (const [text, skill, args] of cases) {
    const memory = memoryFor();
    const route = await router.routeCommand(text, memory, NOW);
    expect(route).toEqual({ kind: 'skill', skill, args, via: 'command' });
    const message = {
      address: { platform: 'local' as const, workspace: 'local', channel: 'test' },
      user: { id: 'u1' },
      text: `/cast ${text}`,
      command: { name: '/cast', text },
      addressed: true,
      receivedAt: NOW,
    };
    expect(await router.route(message, memory, NOW)).toEqual(route);
  }
});

test('a /cast command resolves "her" and "the second one" from the channel, as the router does for chat', async () => {
  const memory = memoryFor();
  await memory.setLastRole('MARIA');
  await memory.setLastListed({ ids: ['T00072', 'T00004'], names: ['Meera Patil', 'Omar Okafor'], source: 'shortlist', role: 'MARIA' });
  expect(await router.routeCommand('shortlist her', memory, NOW)).toMatchObject({ skill: 'propose-shortlist', args: { role: 'MARIA' } });
  expect(await router.routeCommand('book the second one Thursday 3pm', memory, NOW)).toMatchObject({
    skill: 'book-audition',
    args: { person: 'T00004', role: 'MARIA', when: 'Thursday 3pm' },
  });
});
