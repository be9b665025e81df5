// Every import points down (docs/ARCHITECTURE.md): no circle of imports anywhere in main/ and shared/, counting
// dynamic import() as much as static imports (a lazy import is still a dependency). An import circle is how the area
// list once came to be imported by the services it lists; ESLint forbids the usual way back (no-restricted-imports),
// this finds any other. Type-only imports are left out: they are erased, and they let a leaf name the shape its user
// gives it (a migration typed by the list that holds it, a context field typed by the module that fills it).
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const f = path.join(dir, e.name);
    return e.isDirectory() ? sourceFiles(f) : /\.tsx?$/.test(e.name) ? [f] : [];
  });
}

/** Each file's relative imports (static, dynamic, re-exports; not `import type`), resolved to files. */
function importGraph(dirs: string[]): Map<string, string[]> {
  const files = dirs.flatMap((d) => sourceFiles(path.join(ROOT, d)));
  const known = new Set(files);
  const resolve = (from: string, spec: string) => {
    const base = path.resolve(path.dirname(from), spec);
    return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts')].find((c) => known.has(c)) ?? null;
  };
  const graph = new Map<string, string[]>();
  for (const f of files) {
    const src = fs.readFileSync(f, 'utf8');
    const specs = [
      ...src.matchAll(
        /(?:^|\n)\s*(?:import|export)\s(?!type\s)[^'";]*?from\s+['"](\.[^'"]+)['"]|import\(\s*['"](\.[^'"]+)['"]\s*\)/g,
      ),
    ].map((m) => m[1] ?? m[2]);
    graph.set(f, [...new Set(specs.map((s) => resolve(f, s)).filter((x): x is string => x !== null))]);
  }
  return graph;
}

/** The circles of the graph: its strongly connected components of more than one file (Tarjan). */
function circles(graph: Map<string, string[]>): string[][] {
  let next = 0;
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const out: string[][] = [];
  const visit = (v: string) => {
    index.set(v, next);
    low.set(v, next++);
    stack.push(v);
    onStack.add(v);
    for (const w of graph.get(v) ?? []) {
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
        component.push(path.relative(ROOT, w));
      } while (w !== v);
      if (component.length > 1) out.push(component.sort());
    }
  };
  for (const v of graph.keys()) if (!index.has(v)) visit(v);
  return out;
}

it('no circle of imports in main/ and shared/ (static and dynamic)', () => {
  const graph = importGraph(['main', 'shared']);
  expect(graph.size).toBeGreaterThan(100);
  expect(circles(graph)).toEqual([]);
});

it('the circle finder finds a circle (a → b → a) and no false one', () => {
  const a = path.join(ROOT, 'a.ts');
  const b = path.join(ROOT, 'b.ts');
  const c = path.join(ROOT, 'c.ts');
  expect(
    circles(
      new Map([
        [a, [b]],
        [b, [a]],
        [c, [a]],
      ]),
    ),
  ).toEqual([['a.ts', 'b.ts']]);
  expect(
    circles(
      new Map([
        [a, [b]],
        [b, [c]],
        [c, []],
      ]),
    ),
  ).toEqual([]);
});
