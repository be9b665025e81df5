// Start-up speed (issue 9): in Chromium, through the web host on the example data, the time from navigation to an
// interactive home screen and from a menu click to each main screen, beside a blank page served by the same host
// code (the floor: what any page costs on this machine right now). Each run opens a fresh browser context, so the
// library chunk is fetched and parsed cold as on a first start. Needs `npm run build` (done here when missing).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import { loadDemo } from '../../main/services/demo';
import { startWebHost } from '../../main/web/server';
import { Workstation } from '../../main/services/workstation';
import { printTable, type BenchSection } from './types';

const RUNS = 3;
const SCREENS: [path: string, heading: string][] = [
  ['points', '上级要点'],
  ['plan', '实施方案与任务'],
  ['ab', 'AB岗'],
  ['training', '培训'],
  ['org', '单位与人员'],
  ['data', '数据与备份'],
  ['settings', '设置'],
];

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

async function timed(fn: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await fn();
  return performance.now() - t0;
}

export const startupBench: BenchSection = {
  name: 'startup',
  title: '窗口打开速度：首页与各页面可操作的时间（相对同一服务上的空白页）',
  async run() {
    const rendererDir = path.resolve('out/renderer');
    if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
      const b = spawnSync(process.execPath, ['node_modules/electron-vite/bin/electron-vite.js', 'build'], {
        stdio: 'inherit',
      });
      if (b.status !== 0) throw new Error('构建界面失败');
    }
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-bench-startup-'));
    const blankDir = path.join(dir, 'blank');
    fs.mkdirSync(blankDir);
    fs.writeFileSync(
      path.join(blankDir, 'index.html'),
      '<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>空白</title></head><body><h2>空白</h2></body></html>',
    );
    const dbPath = path.join(dir, 'demo.sqlite');
    const ws = new Workstation({
      dbPath,
      host: 'cli',
      autoBackup: false,
      files: {
        deliver: async () => {
          throw new Error('不导出');
        },
      },
    }).open();
    await loadDemo(ws.context());
    ws.close();

    const app = await startWebHost({ dbPath, rendererDir });
    const blank = await startWebHost({ dbPath: path.join(dir, 'blank.sqlite'), rendererDir: blankDir });
    let browser: Browser | undefined;
    try {
      browser = await chromium.launch({
        executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
        args: [
          '--no-sandbox',
          '--disable-gpu',
          '--disable-background-networking',
          '--disable-component-update',
          '--no-first-run',
        ],
      });
      const floor: number[] = [];
      const home: number[] = [];
      const screens = new Map<string, number[]>(SCREENS.map(([p]) => [p, []]));
      for (let i = 0; i < RUNS; i++) {
        const ctx = await browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN' });
        const page = await ctx.newPage();
        floor.push(
          await timed(async () => {
            await page.goto(blank.url);
            await page.getByRole('heading', { name: '空白' }).waitFor();
          }),
        );
        // Interactive: the home heading and the plan card's content are on screen (the first call has answered).
        home.push(
          await timed(async () => {
            await page.goto(app.url);
            await page.getByRole('heading', { name: '首页' }).waitFor();
            await page.getByRole('menuitem', { name: '实施方案与任务' }).waitFor();
          }),
        );
        for (const [p, heading] of SCREENS) {
          screens.get(p)!.push(
            await timed(async () => {
              await page.getByRole('menuitem', { name: heading }).click();
              await page.getByRole('heading', { name: heading, exact: true }).first().waitFor();
            }),
          );
        }
        await ctx.close();
      }
      const f = median(floor);
      const rows: (string | number)[][] = [['页面', '中位数（毫秒）', '相对空白页']];
      rows.push(['空白页（基准）', f.toFixed(0), '1.0×']);
      rows.push(['首页（冷启动，可操作）', median(home).toFixed(0), `${(median(home) / f).toFixed(1)}×`]);
      for (const [p, heading] of SCREENS) {
        const m = median(screens.get(p)!);
        rows.push([`${heading}（首次打开）`, m.toFixed(0), `${(m / f).toFixed(1)}×`]);
      }
      printTable(rows);
      const assets = fs.readdirSync(path.join(rendererDir, 'assets'));
      const size = (re: RegExp) =>
        assets.filter((a) => re.test(a)).reduce((n, a) => n + fs.statSync(path.join(rendererDir, 'assets', a)).size, 0);
      console.log(
        `  界面文件：库 ${(size(/^vendor-.*\.js$/) / 1024).toFixed(0)} KB，本程序入口 ${(size(/^index-.*\.js$/) / 1024).toFixed(0)} KB，另有 ${assets.filter((a) => /\.js$/.test(a)).length - 2} 个按页面加载的文件`,
      );
    } finally {
      await browser?.close();
      await app.close();
      await blank.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  },
};
