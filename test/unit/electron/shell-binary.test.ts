// Smoke tests that start the real Electron binary. On machines where it could not be downloaded (these build
// machines, CI) they skip themselves and say why; everything that can be checked without it is in
// shell-static.test.ts.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { METHODS } from '../../../shared/ipc/contract';
import { makeTempDir } from '../../helpers/workstation';

const ROOT = path.resolve(__dirname, '../../..');

/** The Electron executable, or the reason there is none. */
function findElectron(): { binary: string } | { reason: string } {
  try {
    const p: unknown = createRequire(path.join(ROOT, 'package.json'))('electron');
    if (typeof p !== 'string') return { reason: 'require("electron") 没有返回可执行文件路径' };
    if (!fs.existsSync(p)) return { reason: `Electron 可执行文件不存在：${p}` };
    return { binary: p };
  } catch (e) {
    return { reason: `没有 Electron 可执行文件（require("electron") 失败：${(e as Error).message}）` };
  }
}

const found = findElectron();
const reason =
  'reason' in found ? `跳过 Electron 冒烟测试：${found.reason}。这些检查需要在能下载 Electron 的机器上运行。` : '';
if (reason) console.log(reason);

const dir = makeTempDir('zwgk-electron-');
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

/**
 * Bundles the real shell modules (security.ts, register.ts with dispatch and the contract) for Electron's Node and
 * runs a small main script against them; it prints one JSON line with what it observed.
 */
async function runInElectron(binary: string): Promise<Record<string, unknown>> {
  const { build } = await import('esbuild');
  await build({
    entryPoints: { shell: path.join(__dirname, 'smoke-entry.ts') },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    outdir: dir,
    external: ['electron'],
    logLevel: 'silent',
  });
  fs.writeFileSync(path.join(dir, 'preload.cjs'), '');
  fs.writeFileSync(
    path.join(dir, 'main.cjs'),
    `
const { app, BrowserWindow, ipcMain } = require('electron');
const shell = require('./shell.js');
app.enableSandbox();
app.whenReady().then(async () => {
  const out = {};
  const win = new BrowserWindow({ show: false, webPreferences: shell.secureWebPreferences(require('path').join(__dirname, 'preload.cjs')) });
  await win.loadURL('data:text/html,<title>t</title>');
  out.prefs = win.webContents.getLastWebPreferences();
  out.nodeInPage = await win.webContents.executeJavaScript('typeof require + "/" + typeof process');
  shell.registerAll();
  out.registered = shell.METHODS.filter((m) => { try { ipcMain.handle('api:' + m, () => null); return false; } catch { return true; } });
  console.log('SMOKE=' + JSON.stringify(out));
  app.exit(0);
}).catch((e) => { console.error(e); app.exit(1); });
`,
  );
  const r = spawnSync(binary, ['--no-sandbox', path.join(dir, 'main.cjs')], {
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, ELECTRON_ENABLE_LOGGING: '0' },
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('SMOKE='));
  if (!line) throw new Error(`Electron 冒烟脚本没有输出结果（退出码 ${r.status}）：${r.stderr.slice(0, 2000)}`);
  return JSON.parse(line.slice('SMOKE='.length)) as Record<string, unknown>;
}

describe('Electron shell (real binary)', () => {
  let observed: Record<string, unknown> | null = null;
  const observe = async () => (observed ??= await runInElectron((found as { binary: string }).binary));

  it.skipIf(!('binary' in found))(
    'opens the window sandboxed, context-isolated and without Node in the page',
    async (ctx) => {
      if (!('binary' in found)) return ctx.skip(reason);
      const o = await observe();
      expect(o.prefs).toMatchObject({
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
        webSecurity: true,
      });
      expect(o.nodeInPage).toBe('undefined/undefined');
    },
  );

  it.skipIf(!('binary' in found))('registers one IPC channel per method', async (ctx) => {
    if (!('binary' in found)) return ctx.skip(reason);
    const o = await observe();
    expect(o.registered).toEqual([...METHODS]);
  });
});
