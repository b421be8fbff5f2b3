import path from 'node:path';
import { runCli } from '../../helpers/cli.js';
import { SCRIPTS } from '../../helpers/fixtures.js';

test('castmatch analyze FILE --json prints the documented breakdown shape', async () => {
  const r = await runCli(['analyze', path.join(SCRIPTS, 'brick_and_steel.fdx'), '--json']);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
  const json = JSON.parse(r.stdout) as Record<string, unknown> & {
    characters: Record<string, unknown>[];
    scenes: unknown[];
    pairs: unknown[];
  };
  expect(Object.keys(json)).toEqual(['title', 'format', 'pages', 'scenes', 'characters', 'pairs']);
  expect(json.format).toBe('fdx');
  expect(json.scenes).toHaveLength(8);
  expect(json.scenes[0]).toEqual({ number: 1, heading: "EXT. BRICK'S PATIO - DAY", page: 1 });
  const steel = json.characters.find((c) => c.name === 'STEEL');
  expect(steel).toMatchObject({ speeches: 9, size: 'lead', aliases: expect.arrayContaining(['DICK STEEL']) });
  expect(Object.keys(steel!)).toEqual([
    'name',
    'aliases',
    'speeches',
    'words',
    'speakingScenes',
    'appearsInScenes',
    'firstScene',
    'introduction',
    'gender',
    'ageRange',
    'evidence',
    'confidence',
    'size',
  ]);
  expect(steel).toMatchObject({ gender: 'male', confidence: { gender: 'likely', age: 'likely' } });
  expect(steel!.evidence).toContain('retiree');
  expect(json.pairs[0]).toEqual({ a: 'STEEL', b: 'BRICK', sharedScenes: 4 });
}, 30_000);

test('castmatch analyze on a file that is not a screenplay says so and exits 1', async () => {
  const r = await runCli(['analyze', path.join(SCRIPTS, 'SOURCES.md'), '--json']);
  expect(r.code).toBe(1);
  expect(r.stderr).toMatch(/^castmatch: SOURCES\.md is not something I can read: share a screenplay \(\.fountain/);
  expect(r.stdout).toBe('');
}, 30_000);
