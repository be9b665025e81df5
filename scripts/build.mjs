// npm run build (and npm start, npm run web before they start): the window's code for both hosts (electron-vite:
// out/main, out/preload, out/renderer), then the host's drawing of the first screen (out/first-screen).
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
for (const step of [
  [path.join(root, 'node_modules/electron-vite/bin/electron-vite.js'), 'build'],
  [path.join(root, 'scripts/build-first-screen.mjs')],
]) {
  const b = spawnSync(process.execPath, step, { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}
