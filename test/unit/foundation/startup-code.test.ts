// What the window's start-up code carries (issue 22): everything renderer/main.tsx and renderer/early.ts reach by static
// imports is fetched, compiled and run before the first screen can render. A trace of the cold start showed schema
// building (zod) as a third of that code's evaluation, and screens, dialogs and settings forms in it only because a home
// card imported a helper from a screen's module. So: no schemas and no holiday data at start-up, no screen but the home
// screen, no settings card, none of antd's heavy components; and early.ts reaches only the call module.
import fs from 'node:fs';
import path from 'node:path';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '../../..');

/** The modules an entry reaches by static imports (dynamic import() starts a chunk of its own). */
async function staticGraph(entry: string): Promise<string[]> {
  const r = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: 'esm',
    splitting: true,
    outdir: 'out/startup-graph',
    jsx: 'automatic',
    loader: { '.css': 'empty' },
    logLevel: 'error',
  });
  const inputs = (r.metafile as Metafile).inputs;
  const imports = new Map<string, string[]>();
  for (const [file, input] of Object.entries(inputs))
    imports.set(
      file,
      input.imports.filter((i) => i.kind === 'import-statement').map((i) => i.path),
    );
  const seen = new Set([entry]);
  const queue = [entry];
  while (queue.length)
    for (const next of imports.get(queue.shift()!) ?? [])
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
  return [...seen];
}

describe('the start-up code', () => {
  let main: string[];
  beforeAll(async () => {
    main = await staticGraph('renderer/main.tsx');
  }, 60_000);

  it('carries no schemas and no holiday data', () => {
    const offenders = main.filter((m) => /node_modules\/(zod|chinese-days)\//.test(m));
    expect(offenders).toEqual([]);
  });

  it('carries no screen but the home screen, and no settings card', () => {
    const ours = main.filter((m) => m.startsWith('renderer/'));
    expect(ours.filter((m) => /Screen\.tsx$/.test(m) && m !== 'renderer/features/home/HomeScreen.tsx')).toEqual([]);
    expect(ours.filter((m) => /SettingsCard\.tsx$/.test(m))).toEqual([]);
    // It does carry the home screen and its cards (the test would pass on an empty graph otherwise).
    expect(ours).toContain('renderer/features/home/HomeScreen.tsx');
    expect(ours).toContain('renderer/features/ab/AbHomeCard.tsx');
  });

  it('uses none of antd’s tables, forms, pickers, uploads or modals', () => {
    // antd is one package: what the start-up chunk holds of it is what our start-up modules import by name.
    const used = main
      .filter((m) => m.startsWith('renderer/'))
      .flatMap((m) =>
        [...fs.readFileSync(path.join(ROOT, m), 'utf8').matchAll(/import\s*\{([^}]*)\}\s*from\s*'antd'/g)].flatMap(
          (i) => i[1].split(',').map((n) => `${n.trim().split(/\s/)[0]} (${m})`),
        ),
      );
    const heavy = /^(Table|Form|DatePicker|Upload|Modal|Tree|Steps|Result|Drawer|Tabs|InputNumber) /;
    expect(used.filter((u) => heavy.test(u))).toEqual([]);
    expect(used.some((u) => u.startsWith('Card '))).toBe(true);
  });

  it('early.ts reaches only the call module and what it needs', async () => {
    const early = await staticGraph('renderer/early.ts');
    expect(early.filter((m) => m.includes('node_modules'))).toEqual([]);
    expect(early.sort()).toEqual(
      [
        'renderer/early.ts',
        'renderer/api/call.ts',
        'shared/ipc/reads.ts',
        'shared/ipc/errors.ts',
        'shared/ipc/result.ts',
      ].sort(),
    );
  });
});
