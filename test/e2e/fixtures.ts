import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test as base, expect, type Page } from '@playwright/test';
import { warmUpParsers } from '../../main/import/worker/run';
import { startWebHost, type WebHost } from '../../main/web/server';

export interface E2EFixtures {
  /** The web host on a fresh temp database, serving the built renderer (run `npm run build` first). */
  host: WebHost;
  /** A page opened at the host's URL with its token. */
  app: Page;
}

export const test = base.extend<E2EFixtures>({
  // eslint-disable-next-line no-empty-pattern
  host: async ({}, use) => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-e2e-'));
    const host = await startWebHost({
      dbPath: path.join(dir, 'zwgk.sqlite'),
      rendererDir: path.resolve('out/renderer'),
    });
    // The host runs from TypeScript sources here, where a file-reading worker takes seconds to start (tsx): start
    // them before the test, as a built app does in a blink, so the first import is not timed against that.
    await warmUpParsers();
    await use(host);
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
  },
  app: async ({ page, host }, use) => {
    await page.goto(host.url);
    await use(page);
  },
});

/** Completes the first-run setup screen with a standard bureau and year. */
export async function completeSetup(page: Page, year = 2026): Promise<void> {
  await page.getByLabel('单位全称').fill('某县科学技术局');
  await page.getByLabel('单位简称').fill('县科技局');
  await page.getByLabel('所属地区').fill('某县');
  await page.getByLabel('工作年度').fill(String(year));
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
}

export { expect };
