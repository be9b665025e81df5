// A screen opened a second time shows the data it had at once (useLoad keeps the last answers, renderer/hooks.ts), and
// a save anywhere makes every kept answer stale: the next screen loads afresh and never shows the old data, not even
// for a moment. Both are watched in the page from the click on, frame by frame (a later refresh would hide a flash of
// old data from an ordinary assertion).
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/**
 * Starts watching the content area: resolves, once `done()` is called, to whether a loading indicator, or a card
 * titled `card` containing `text`, was ever on screen since the watch began.
 */
async function watch(
  page: Page,
  what: { card?: string; text?: string },
): Promise<() => Promise<{ loading: boolean; text: boolean }>> {
  await page.evaluate(`(() => {
    const what = ${JSON.stringify(what)};
    const seen = { loading: false, text: false };
    const check = () => {
      const content = document.querySelector('.ant-layout-content');
      if (!content) return;
      // On screen only: screens left earlier stay in the page, hidden (renderer/kept-screens.tsx).
      const shown = (selector) => [...content.querySelectorAll(selector)].filter((e) => e.checkVisibility());
      if (shown('.ant-spin-spinning, .ant-skeleton, .ant-card-loading').length > 0) seen.loading = true;
      if (what.card) {
        const card = shown('.ant-card').find(
          (c) => c.querySelector('.ant-card-head-title')?.textContent === what.card,
        );
        if (card && card.textContent.includes(what.text)) seen.text = true;
      }
    };
    const observer = new MutationObserver(check);
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    window.__watch = { seen, stop: () => (observer.disconnect(), seen) };
  })()`);
  return () => page.evaluate('window.__watch.stop()') as Promise<{ loading: boolean; text: boolean }>;
}

test('a screen opened again shows its data at once; after a save none shows what it had before', async ({
  app: page,
  host,
}) => {
  const { loadDemo } = await import('../../main/services/demo');
  await loadDemo(host.workstation.context());
  await page.reload();
  const abCard = page.locator('.ant-card').filter({ hasText: 'AB岗与备案' });
  await expect(abCard.getByText(/“政务公开联络员”A岗由.*待备案，截止/)).toBeVisible();

  // 培训 opened, left, opened again: its table is there without a loading indicator in between.
  await page.getByRole('menuitem', { name: '培训' }).click();
  const trainingRow = page.getByRole('row', { name: /2026年度政务公开专题培训/ });
  await expect(trainingRow).toBeVisible();
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByRole('heading', { name: '设置', exact: true })).toBeVisible();
  let stop = await watch(page, {});
  await page.getByRole('menuitem', { name: '培训' }).click();
  await expect(trainingRow).toBeVisible();
  expect((await stop()).loading).toBe(false);

  // A save on another screen (the pending 备案 filed on AB岗): the home screen, whose AB card had it as pending, loads
  // afresh and the pending 备案 never shows again.
  await page.getByRole('menuitem', { name: 'AB岗' }).click();
  await page.getByRole('button', { name: '登记备案' }).click();
  await page.getByRole('dialog').getByLabel('备案单位').fill('县政务公开领导小组办公室');
  await page.getByRole('dialog').getByLabel('备案文号').fill('县科技局〔2026〕5号');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已登记备案')).toBeVisible();
  stop = await watch(page, { card: 'AB岗与备案', text: '待备案' });
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(abCard.getByText('各岗位A岗、B岗齐全，没有待办的备案。')).toBeVisible();
  const seen = await stop();
  expect(seen.text).toBe(false);
  expect(seen.loading).toBe(true);
});
