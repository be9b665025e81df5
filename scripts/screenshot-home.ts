// Takes the README's picture of the home screen (docs/screenshot-home.png): the example year on a fresh data file,
// through the web host in Debian's Chromium at the office screen size 1366×768, as a user first sees it. Redo it
// whenever the home screen changes:
//   npm run build && npx tsx scripts/screenshot-home.ts [out.png]
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from '@playwright/test';
import { areaServices } from '../main/areas';
import { loadDemo } from '../main/services/demo';
import { Workstation } from '../main/services/workstation';
import { startWebHost } from '../main/web/server';
import { CHROMIUM, OFFICE_SCREEN } from '../test/helpers/chromium';

const out = path.resolve(process.argv[2] ?? 'docs/screenshot-home.png');
const rendererDir = path.resolve('out/renderer');
if (!fs.existsSync(path.join(rendererDir, 'index.html'))) {
  process.stderr.write('请先运行 npm run build。\n');
  process.exit(1);
}
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-screenshot-'));
const dbPath = path.join(dir, 'zwgk.sqlite');
const ws = new Workstation({
  dbPath,
  host: 'cli',
  areas: areaServices,
  autoBackup: false,
  files: { deliver: async (fileName) => ({ fileName, status: 'saved' }) },
}).open();
await loadDemo(ws.context());
ws.close();

const host = await startWebHost({ dbPath, rendererDir });
const browser = await chromium.launch(CHROMIUM);
try {
  const page = await browser.newPage({ viewport: OFFICE_SCREEN, locale: 'zh-CN' });
  await page.goto(host.url);
  await page.getByRole('heading', { name: '首页' }).waitFor();
  // Every chart of the first row drawn, and the fonts in.
  for (const name of [/各章节任务进度/, '任务按预警分布', /各月培训/]) await page.getByRole('img', { name }).waitFor();
  await page.evaluate('document.fonts.ready');
  // The web host's reminder to make a backup is for a new data file, not part of the picture.
  const reminder = page.locator('.ant-alert').filter({ hasText: '建议定期在“数据与备份”中备份' });
  if (await reminder.count()) await reminder.getByRole('button').click();
  // ECharts animates its bars in: wait until the page has stopped changing (two equal pictures in a row).
  let last: Buffer = Buffer.alloc(0);
  for (let i = 0; i < 20; i++) {
    const shot = await page.screenshot();
    if (shot.equals(last)) break;
    last = shot;
    await page.waitForTimeout(300);
  }
  fs.writeFileSync(out, last);
  process.stdout.write(`已保存：${out}\n`);
} finally {
  await browser.close();
  await host.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
