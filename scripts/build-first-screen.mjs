// Builds the renderer's code that draws the first screen on the host (renderer/first-screen/draw.tsx, issue 22) for
// Node: one file, out/first-screen/draw.cjs, which the web host and Electron load at run time (main/app/first-screen.ts).
// Run by `npm run build` after electron-vite's build; a test may name another file to build to (its first argument).
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
await build({
  entryPoints: [path.join(root, 'renderer/first-screen/draw.tsx')],
  outfile: process.argv[2] ?? path.join(root, 'out/first-screen/draw.cjs'),
  bundle: true,
  platform: 'node',
  format: 'cjs',
  jsx: 'automatic',
  minify: true,
  // React's production build, as the window's.
  define: { 'process.env.NODE_ENV': '"production"' },
  tsconfig: path.join(root, 'tsconfig.web.json'),
  legalComments: 'none',
  logLevel: 'error',
});
