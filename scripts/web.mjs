// npm run web: the workstation in a browser (no Electron). Builds the renderer when it is missing.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
const noOpen = args.includes('--no-open') || process.env.CI === 'true';
const passArgs = args.filter((a) => a !== '--no-open');

if (!fs.existsSync(path.join(root, 'out/renderer/index.html')) || args.includes('--build')) {
  console.log('正在构建界面（首次约需十几秒）…');
  const b = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
  if (b.status !== 0) process.exit(b.status ?? 1);
}

/** Opens the default browser where the OS offers a way; says so when it cannot. */
function openBrowser(url) {
  const cmd =
    process.platform === 'win32'
      ? ['cmd', ['/c', 'start', '""', url]]
      : process.platform === 'darwin'
        ? ['open', [url]]
        : ['xdg-open', [url]];
  try {
    const p = spawn(cmd[0], cmd[1], { stdio: 'ignore', detached: true });
    p.on('error', () => console.log('未能自动打开浏览器，请手动复制上面的地址到浏览器中打开。'));
    p.unref();
  } catch {
    console.log('未能自动打开浏览器，请手动复制上面的地址到浏览器中打开。');
  }
}

const child = spawn(
  process.execPath,
  [
    path.join(root, 'node_modules/tsx/dist/cli.mjs'),
    path.join(root, 'main/web/main.ts'),
    ...passArgs.filter((a) => a !== '--build'),
  ],
  {
    cwd: root,
    stdio: ['inherit', 'pipe', 'inherit'],
  },
);
child.stdout.on('data', (chunk) => {
  const text = chunk.toString();
  process.stdout.write(text);
  const m = /ZWGK_WEB_URL=(\S+)/.exec(text);
  if (m && !noOpen) openBrowser(m[1]);
});
for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => child.kill(sig));
child.on('exit', (code) => process.exit(code ?? 0));
