// npm start: build, then run the Electron app. Where the Electron binary is missing it tries once to fetch it;
// where that fails or Electron cannot start, it says so in one line and starts the web host instead.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const extra = process.argv.slice(2);

const build = spawnSync(process.execPath, [path.join(root, 'scripts/build.mjs')], { cwd: root, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

function electronBinary() {
  try {
    const p = require('electron'); // the package exports the binary's path, and throws when it was never downloaded
    return typeof p === 'string' && fs.existsSync(p) ? p : null;
  } catch {
    return null;
  }
}

let binary = electronBinary();
if (!binary) {
  const installer = path.join(root, 'node_modules/electron/install.js');
  if (fs.existsSync(installer)) {
    console.log('未找到 Electron 运行时，正在尝试下载一次…');
    spawnSync(process.execPath, [installer], {
      cwd: path.dirname(installer),
      stdio: 'ignore',
      timeout: 120_000,
      env: { ...process.env, ELECTRON_SKIP_BINARY_DOWNLOAD: '' },
    });
    binary = electronBinary();
  }
}

function startWeb(reason) {
  console.log(`${reason}，改为启动网页版工作台（功能相同，在浏览器中使用）。`);
  const web = spawn(process.execPath, [path.join(root, 'scripts/web.mjs'), ...extra], { cwd: root, stdio: 'inherit' });
  for (const sig of ['SIGINT', 'SIGTERM']) process.on(sig, () => web.kill(sig));
  web.on('exit', (code) => process.exit(code ?? 0));
}

if (!binary) {
  startWeb('无法获得 Electron 运行时（本机不能下载）');
} else {
  const started = Date.now();
  const app = spawn(binary, [root, ...extra], { cwd: root, stdio: 'inherit' });
  app.on('error', () => startWeb('Electron 无法启动'));
  app.on('exit', (code) => {
    // A crash within seconds of launch means Electron cannot run here (missing libraries, no display).
    if (code !== 0 && Date.now() - started < 10_000) startWeb(`Electron 启动失败（退出码 ${code}）`);
    else process.exit(code ?? 0);
  });
}
