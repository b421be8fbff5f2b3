/**
 * The layers of src, as each folder's README states them: every import points down, no two
 * folders import each other, no file takes part in an import cycle, and only the adapters know a
 * chat platform (botbuilder, which Microsoft no longer develops, stays inside the Teams adapter).
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { cycles, importGraph, siblingEdges, type ImportEdge } from './helpers/import-graph.js';

/** What every part may import: the one error base. */
const FOUNDATION = ['errors'];

/** What each top-level part of src may import (besides itself and the foundation). The READMEs say the same. */
const MAY_IMPORT: Record<string, string[]> = {
  errors: [],
  config: [],
  log: ['config'],
  memory: ['config', 'log'],
  scheduler: ['config', 'log', 'memory'],
  integrations: ['config', 'log', 'memory', 'scheduler'],
  casting: ['config', 'log', 'memory', 'scheduler', 'integrations'],
  bot: ['config', 'log', 'memory', 'scheduler', 'integrations'],
  skills: ['config', 'log', 'memory', 'scheduler', 'integrations', 'casting', 'bot'],
  ops: ['config', 'log', 'memory', 'scheduler', 'integrations', 'bot'],
  'app.ts': ['config', 'log', 'memory', 'scheduler', 'integrations', 'casting', 'bot', 'skills', 'ops'],
  cli: ['config', 'log', 'memory', 'scheduler', 'integrations', 'casting', 'bot', 'skills', 'ops', 'app.ts'],
};

const part = (file: string) => file.split('/')[1]!;

/** Imports that break the table, as "from → to" lines. */
function layerViolations(edges: ImportEdge[]): string[] {
  return edges
    .filter(
      ({ from, to }) => part(from) !== part(to) && !FOUNDATION.includes(part(to)) && !(MAY_IMPORT[part(from)] ?? []).includes(part(to)),
    )
    .map(({ from, to }) => `${from} → ${to}`);
}

const PLATFORM_SDK =
  /from\s+['"](@slack\/[^'"]+|botbuilder[^'"]*|botframework-[^'"]+|@microsoft\/teams[^'"]*)['"]|import\(\s*['"](@slack\/|botbuilder|botframework-|@microsoft\/teams)/;

async function sources(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile() && e.name.endsWith('.ts')).map((e) => path.join(e.parentPath, e.name));
}

let edges: ImportEdge[];
beforeAll(async () => {
  edges = await importGraph(process.cwd(), 'src');
});

test('every part of src lives in the layer table', async () => {
  const parts = (await readdir('src')).filter((p) => !p.endsWith('.md'));
  expect(parts.sort()).toEqual(Object.keys(MAY_IMPORT).sort());
});

test('every import points down the layers', () => {
  expect(layerViolations(edges)).toEqual([]);
});

test('no two folders import each other, at any depth', () => {
  expect(cycles(siblingEdges(edges))).toEqual([]);
});

test('no file is part of an import cycle', () => {
  expect(cycles(edges)).toEqual([]);
});

test('every folder under src has a README saying what lives there', async () => {
  const entries = await readdir('src', { withFileTypes: true, recursive: true });
  const folders = ['src', ...entries.filter((e) => e.isDirectory()).map((e) => path.join(e.parentPath, e.name))];
  const missing: string[] = [];
  for (const dir of folders.filter((d) => d !== 'src')) {
    if (!(await readFile(path.join(dir, 'README.md'), 'utf8').catch(() => ''))) missing.push(dir);
  }
  expect(missing).toEqual([]);
});

test('each folder README states the same rule as the table', async () => {
  for (const [dir, allowed] of Object.entries(MAY_IMPORT)) {
    if (dir.endsWith('.ts')) continue;
    const readme = await readFile(path.join('src', dir, 'README.md'), 'utf8').catch(() => '');
    // The rule runs to its first full stop (a `.ts` inside a name is not one).
    const rule = readme.match(/^May import:((?:[^.]|\.(?!\s|$))*)/m)?.[1] ?? '';
    const named = [...rule.matchAll(/`src\/([a-z]+(?:\.ts)?)`/g)].map((m) => m[1]!);
    expect({ dir, named: named.sort() }).toEqual({ dir, named: [...allowed].sort() });
  }
});

test.each(['src/casting', 'src/skills', 'src/memory', 'src/integrations', 'src/scheduler'])(
  '%s imports no chat platform SDK',
  async (dir) => {
    const offenders: string[] = [];
    for (const file of await sources(dir)) if (PLATFORM_SDK.test(await readFile(file, 'utf8'))) offenders.push(file);
    expect(offenders).toEqual([]);
  },
);

test('botbuilder is used only inside the Teams adapter', async () => {
  const offenders: string[] = [];
  for (const file of await sources('src')) {
    if (file.startsWith(path.join('src', 'bot', 'adapters', 'teams'))) continue;
    if (/from\s+['"](botbuilder|botframework-)/.test(await readFile(file, 'utf8'))) offenders.push(file);
  }
  expect(offenders).toEqual([]);
});

describe('the checks catch what they are for', () => {
  test('a platform SDK import', () => {
    expect(PLATFORM_SDK.test("import { App } from '@slack/bolt';")).toBe(true);
    expect(PLATFORM_SDK.test("import { CloudAdapter } from 'botbuilder';")).toBe(true);
    expect(PLATFORM_SDK.test("import { z } from 'zod';")).toBe(false);
  });

  test('an import that runs up the layers', () => {
    expect(layerViolations([{ from: 'src/casting/talent/a.ts', to: 'src/bot/reply.ts' }])).toEqual([
      'src/casting/talent/a.ts → src/bot/reply.ts',
    ]);
    expect(layerViolations([{ from: 'src/skills/x/a.ts', to: 'src/casting/b.ts' }])).toEqual([]);
  });

  test('two folders that import each other, and a file cycle', () => {
    const pair = [
      { from: 'src/bot/http/a.ts', to: 'src/bot/adapters/b.ts' },
      { from: 'src/bot/adapters/c.ts', to: 'src/bot/http/d.ts' },
    ];
    expect(cycles(siblingEdges(pair))).toEqual([['src/bot/adapters', 'src/bot/http']]);
    expect(
      cycles([
        { from: 'a.ts', to: 'b.ts' },
        { from: 'b.ts', to: 'c.ts' },
        { from: 'c.ts', to: 'a.ts' },
      ]),
    ).toEqual([['a.ts', 'b.ts', 'c.ts']]);
    expect(cycles(pair)).toEqual([]);
  });
});
