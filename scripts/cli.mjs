// npm run cli: runs main/cli.ts from a cached esbuild bundle, rebuilt whenever a source file is newer.
// Starting through tsx costs seconds on an office PC; the bundle starts in a fraction of a second, which matters
// for parse-points, a command other tools call once per file.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const cacheDir = path.join(root, 'node_modules', '.cache', 'zwgk-cli');
const bundle = path.join(cacheDir, 'cli.mjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(full));
    else if (/\.(ts|json)$/.test(entry.name)) newest = Math.max(newest, fs.statSync(full).mtimeMs);
  }
  return newest;
}

const sourcesChanged = () => {
  const built = fs.existsSync(bundle) ? fs.statSync(bundle).mtimeMs : 0;
  return (
    ['main', 'shared'].some((d) => newestSource(path.join(root, d)) > built) ||
    fs.statSync(path.join(root, 'package-lock.json')).mtimeMs > built
  );
};

if (sourcesChanged()) {
  const { build } = await import('esbuild');
  // Built into a temp folder and swapped in, so two commands started at once never run half a bundle.
  const tmp = `${cacheDir}.${process.pid}.tmp`;
  fs.rmSync(tmp, { recursive: true, force: true });
  // ESM with code splitting: each area's commands are a chunk loaded only when one of them runs. parse-worker is
  // the worker every file reader runs in (main/import/worker/run.ts finds it beside the chunks).
  await build({
    entryPoints: {
      cli: path.join(root, 'main/cli.ts'),
      'parse-worker': path.join(root, 'main/import/worker/entry.ts'),
    },
    bundle: true,
    splitting: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    external: ['better-sqlite3', '@resvg/resvg-js', 'electron'],
    logLevel: 'error',
    legalComments: 'none',
    // Bundled CommonJS libraries still call require() for Node built-ins.
    banner: {
      js: "import { createRequire as __zwgkRequire } from 'node:module'; const require = __zwgkRequire(import.meta.url);",
    },
  });
  fs.rmSync(cacheDir, { recursive: true, force: true });
  fs.renameSync(tmp, cacheDir);
}

await import(pathToFileURL(bundle).href);
