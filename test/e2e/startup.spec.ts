// The home screen's start (issue 22), in the real renderer: a cold start asks for every card's data once, ahead of the
// cards (renderer/api/call.ts readAhead), and the cards show those answers.
import { loadDemo } from '../../main/services/demo';
import { expect, test } from './fixtures';

test('a cold start on the home screen asks for each card’s data once, and the cards show it', async ({
  app: page,
  host,
}) => {
  const ctx = host.workstation.context();
  await loadDemo(ctx);
  const { year } = ctx.raw
    .prepare(`SELECT CAST(value AS INTEGER) AS year FROM setting WHERE key = 'app.currentYear'`)
    .get() as {
    year: number;
  };
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/')) asked.push(`${r.url().replace(/.*\/api\//, '')} ${r.postData() ?? ''}`);
  });
  await page.reload();
  // Every card drawn with its data: a chart of the dashboard's, the AB card's warning, the 信息公开 chart's sentence.
  await expect(
    page
      .getByRole('img', { name: /各章节任务进度/ })
      .locator('svg path')
      .first(),
  ).toBeAttached({
    timeout: 30_000,
  });
  await expect(page.locator('.ant-card').filter({ hasText: 'AB岗与备案' })).toContainText('待备案');
  await expect(page.getByText(/其中政策解读 \d+ 篇/)).toBeVisible();
  await expect(page.locator('.ant-card-loading')).toHaveCount(0);
  // Whatever the cards asked for after the read-ahead was taken from it: no read went out twice.
  const reads = asked.filter((a) => !a.startsWith('app.status'));
  expect(reads.length).toBeGreaterThanOrEqual(10);
  expect(reads.filter((a, i) => reads.indexOf(a) !== i)).toEqual([]);
  expect(reads).toContain(`summary.dashboard {"year":${year}}`);
  // …and they went out before the window started rendering (main.tsx marks that moment), not from the cards' effects.
  const late = await page.evaluate(() => {
    const at = performance.getEntriesByName('zwgk:first-render')[0].startTime;
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/') && !e.name.endsWith('/app.status') && e.startTime > at)
      .map((e) => e.name);
  });
  expect(late).toEqual([]);
});
