// A second copy of the workstation on a data file another copy writes (another window, another PC): it is told who
// has the file, opens it read-only with every write control disabled and a banner saying so, and becomes writable
// once the other has closed. The first copy is a real web host in its own process.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect } from '@playwright/test';
import { startWebHost } from '../../main/web/server';
import { bundleHost, startHostProcess } from '../helpers/host-process';
import { Workstation } from '../../main/services/workstation';
import { arrange, BUREAU } from './arrange';
import { areaServices } from '../../main/areas';

test('a file written elsewhere opens read-only: banner, write controls disabled, writable once the other closes', async ({
  page,
}) => {
  const built = await bundleHost('e2e-readonly');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-e2e-ro-'));
  const dbPath = path.join(dir, 'zwgk.sqlite');
  const first = await startHostProcess(built.bundle, built.rendererDir, dbPath);
  try {
    expect(first.opened).toBe('ok');
    for (const [method, input] of [
      ['app.setup', { bureau: BUREAU, year: 2026 }],
      ['departments.create', { name: '办公室' }],
    ] as const) {
      const r = await first.call(method, input);
      expect(r.ok).toBe(true);
    }
    const second = await startWebHost({ dbPath, rendererDir: path.resolve('out/renderer') });
    try {
      await page.goto(second.url);
      await expect(page.getByText('数据文件正在别处使用')).toBeVisible();
      await expect(page.getByText(new RegExp(`正由本电脑（${os.hostname()}）上的政务公开工作台网页版`))).toBeVisible();
      await page.getByRole('button', { name: '以只读方式打开' }).click();

      await expect(page.getByText('只读：不能修改')).toBeVisible();
      await expect(page.getByText('只读', { exact: true })).toBeVisible();
      await page.getByRole('menuitem', { name: '单位与人员' }).click();
      await expect(page.getByRole('cell', { name: '办公室', exact: true })).toBeVisible();
      // Every write control of the screen is disabled, in one place (the shell), the history still readable.
      await expect(page.getByRole('button', { name: '添加科室' })).toBeDisabled();
      await expect(page.getByRole('button', { name: '保存' }).first()).toBeDisabled();
      await expect(page.getByLabel('单位全称')).toBeDisabled();
      await expect(page.getByRole('button', { name: '修改记录' }).first()).toBeEnabled();
      // The year can still be switched (for this window only).
      await expect(page.getByLabel('工作年度')).toBeEnabled();

      // The other copy closes: 改为可写, and the same screen writes.
      await first.stop();
      await page.getByRole('button', { name: '改为可写' }).click();
      await expect(page.getByText('只读：不能修改')).toBeHidden();
      await expect(page.getByRole('button', { name: '添加科室' })).toBeEnabled();
      await expect(page.getByLabel('单位全称')).toBeEnabled();
    } finally {
      await second.close();
    }
  } finally {
    await first.kill();
    built.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('with a whole example year, every screen of a read-only window reads without an error', async ({ page }) => {
  const built = await bundleHost('e2e-readonly-all');
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-e2e-ro-'));
  const dbPath = path.join(dir, 'zwgk.sqlite');
  // The example year is written first (here: the host child has no file-reading workers), then the other copy opens it.
  const maker = new Workstation({
    dbPath,
    host: 'cli',
    autoBackup: false,
    areas: areaServices,
    files: {
      deliver: async () => {
        throw new Error('unused');
      },
    },
  }).open();
  await arrange(maker, 'app.setup', { bureau: BUREAU, year: 2026 });
  await arrange(maker, 'demo.load');
  maker.close();
  const first = await startHostProcess(built.bundle, built.rendererDir, dbPath);
  try {
    expect(first.opened).toBe('ok');
    const second = await startWebHost({ dbPath, rendererDir: path.resolve('out/renderer') });
    try {
      await page.goto(second.url);
      await page.getByRole('button', { name: '以只读方式打开' }).click();
      await expect(page.getByText('只读：不能修改')).toBeVisible();
      const menu = await page.getByRole('menuitem').allTextContents();
      expect(menu.length).toBeGreaterThan(8);
      for (const label of menu) {
        await page.getByRole('menuitem', { name: label }).click();
        await expect(page.getByRole('heading', { name: label }).first()).toBeVisible();
        // Loaded: whatever the screen asked for has been answered.
        await page.waitForLoadState('networkidle');
        // Reading never writes: no screen answers "只读…不能修改" or any other error while it loads.
        await expect(page.locator('.ant-message-error'), label).toHaveCount(0);
        await expect(page.locator('.ant-alert-error'), label).toHaveCount(0);
      }
    } finally {
      await second.close();
    }
  } finally {
    await first.kill();
    built.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
