import { defineConfig } from '@playwright/test';
import { CHROMIUM, OFFICE_SCREEN } from './test/helpers/chromium';

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 90_000,
  workers: 1,
  // On CI's busy 2-core machine an antd animation can swallow a click now and then; one retry keeps such a flake from
  // failing the run, while a test that really fails still fails twice (and the report marks retried tests as flaky).
  retries: process.env.CI ? 1 : 0,
  reporter: [['list']],
  // The 2-core machine also builds Word previews and parses in workers: 5 s (Playwright's default) for a screen to
  // answer is too tight there, while a screen that never answers still fails.
  expect: { timeout: 10_000 },
  use: {
    locale: 'zh-CN',
    acceptDownloads: true,
    viewport: OFFICE_SCREEN,
    launchOptions: CHROMIUM,
  },
});
