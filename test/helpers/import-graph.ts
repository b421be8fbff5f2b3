/** The relative imports of every TypeScript file under a folder, read as text (types included). */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';

const IMPORT = /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"](\.{1,2}\/[^'"]+)['"]|import\(\s*['"](\.{1,2}\/[^'"]+)['"]\s*\)/g;

export interface ImportEdge {
  from: string;
  to: string;
}

/** Paths relative to the repository root, `.js` specifiers resolved to their `.ts` sources. */
export async function importGraph(root: string, dir: string): Promise<ImportEdge[]> {
  const entries = await readdir(path.join(root, dir), { withFileTypes: true, recursive: true });
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith('.ts'))
    .map((e) => path.relative(root, path.join(e.parentPath, e.name)));
  const edges: ImportEdge[] = [];
  for (const from of files) {
    const text = await readFile(path.join(root, from), 'utf8');
    for (const m of text.matchAll(IMPORT)) {
      const spec = (m[1] ?? m[2])!;
      const to = path.normalize(path.join(path.dirname(from), spec)).replace(/\.js$/, '.ts');
      edges.push({ from, to });
    }
  }
  return edges;
}

/** Each cycle found, as the list of nodes on it (Tarjan's strongly connected components of two or more). */
export function cycles(edges: { from: string; to: string }[]): string[][] {
  const next = new Map<string, string[]>();
  for (const e of edges) if (e.from !== e.to) next.set(e.from, [...(next.get(e.from) ?? []), e.to]);
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  let counter = 0;
  const visit = (v: string): void => {
    index.set(v, counter);
    low.set(v, counter);
    counter++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v)!, low.get(w)!));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
    }
    if (low.get(v) === index.get(v)) {
      const component: string[] = [];
      let w: string;
      do {
        w = stack.pop()!;
        onStack.delete(w);
        component.push(w);
      } while (w !== v);
      if (component.length > 1) found.push(component.sort());
    }
  };
  for (const v of next.keys()) if (!index.has(v)) visit(v);
  return found;
}

/**
 * The folder-to-folder edges an import makes: between the two sibling folders (or a folder and a
 * sibling file) where the importing and the imported paths part, so `a/x/f.ts → a/y/g.ts` is
 * `a/x → a/y`, and `a/f.ts → a/y/g.ts` is nothing (a parent may use its own subfolders).
 */
export function siblingEdges(edges: ImportEdge[]): ImportEdge[] {
  const out: ImportEdge[] = [];
  for (const { from, to } of edges) {
    const a = from.split('/');
    const b = to.split('/');
    let i = 0;
    while (i < a.length - 1 && i < b.length - 1 && a[i] === b[i]) i++;
    // Only folder → folder: a file importing within its own folder tree is not a folder edge.
    if (i >= a.length - 1 || i >= b.length - 1) continue;
    out.push({ from: a.slice(0, i + 1).join('/'), to: b.slice(0, i + 1).join('/') });
  }
  return out;
}
