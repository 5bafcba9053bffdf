import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** Every .ts file under `root` (tests left out: they may import across freely). */
function sourceFiles(root: string): string[] {
  return readdirSync(root, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') && !e.name.endsWith('.d.ts'))
    .map((e) => join(e.parentPath, e.name));
}

/** Relative imports of a file (static `import … from` and `export … from`, type-only included). */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const found = [...text.matchAll(/^\s*(?:import|export)\s[^;]*?\sfrom\s+['"](\.[^'"]+)['"]/gms)].map((m) => m[1] ?? '');
  return found.map((spec) => resolve(dirname(file), spec));
}

/** The folder of a file below `root` that counts as its owner: `data/synth/x.ts` → `data/synth`. */
function folderOf(root: string, file: string): string {
  return relative(root, dirname(file)) || '.';
}

/** Strongly connected groups of a graph with more than one member (Tarjan), each sorted. */
function cycles(graph: ReadonlyMap<string, ReadonlySet<string>>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string): void => {
    index.set(v, index.size);
    low.set(v, index.get(v) ?? 0);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
      if (!index.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, index.get(w) ?? 0));
    }
    if (low.get(v) !== index.get(v)) return;
    const group: string[] = [];
    for (let w = stack.pop(); w !== undefined; w = stack.pop()) {
      onStack.delete(w);
      group.push(w);
      if (w === v) break;
    }
    if (group.length > 1) out.push(group.sort());
  };
  for (const v of [...graph.keys()].sort()) if (!index.has(v)) visit(v);
  return out;
}

/** Import cycles among the files under `root`, as groups of paths relative to it. */
export function fileCycles(root: string): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const f of sourceFiles(root)) graph.set(relative(root, f), new Set(importsOf(f).map((t) => relative(root, t))));
  return cycles(graph);
}

/**
 * Import cycles among the folders under `root` (a folder imports another when one of its files
 * does; sub-folders count as folders of their own), as groups of folder paths relative to it.
 */
export function folderCycles(root: string): string[][] {
  const graph = new Map<string, Set<string>>();
  for (const f of sourceFiles(root)) {
    const from = folderOf(root, f);
    const edges = graph.get(from) ?? new Set<string>();
    for (const t of importsOf(f)) if (t.startsWith(root)) edges.add(folderOf(root, t));
    edges.delete(from);
    graph.set(from, edges);
  }
  return cycles(graph);
}
