// Issue 20 at 1366×768: typed work is never lost without a question (the 年报 left by the menu, a tab, back/forward,
// the header's year or closing the page), Enter in a date field does not save a half-filled dialog, and the screen
// reopens on the tab the user was on.
import type { Page } from '@playwright/test';
import { openScreen, setUpBureau, year } from './arrange';
import { expect as baseExpect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });
// A save recomputes the report; on a machine shared by several builds that can take longer than 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

/** The 六、其他需要报告的事项 text of the 年报. */
function otherText(page: Page) {
  return page.locator('.ant-form-item').filter({ hasText: '六、其他需要报告的事项' }).getByRole('textbox');
}

const SENTENCE = '本年度无其他需要报告的事项（测试句）。';

test('年报: every way out with an unsaved sentence asks 保存 / 不保存 / 取消; the screen reopens on its tab', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, year);
  await openScreen(page, '信息公开', { timeout: 15_000 });
  await page.getByRole('tab', { name: '年度报告' }).click();
  await expect(page).toHaveURL(/#\/disclosure\/report$/);
  const text = otherText(page);
  await text.fill(SENTENCE);
  const ask = page.getByRole('dialog', { name: '保存修改吗？' });
  /** Answers the question and waits until it has gone (its closing animation included). */
  const answer = async (button: '保存' | '不保存' | '取消') => {
    await ask.getByRole('button', { name: button, exact: true }).click();
    await expect(ask).toHaveCount(0);
  };

  // The left menu asks; 取消 stays with the sentence.
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('年度报告的修改还没有保存');
  await answer('取消');
  await expect(page).toHaveURL(/#\/disclosure\/report$/);
  await expect(text).toHaveValue(SENTENCE);

  // Another tab of the same screen asks too.
  await page.getByRole('tab', { name: '依申请公开' }).click();
  await expect(ask).toBeVisible();
  await answer('取消');
  await expect(page.getByRole('tab', { name: '年度报告', selected: true })).toBeVisible();
  await expect(text).toHaveValue(SENTENCE);

  // Back (the browser's or the mouse's back button) asks; 取消 puts the address back to the report.
  await page.evaluate('history.back()');
  await expect(ask).toBeVisible();
  await answer('取消');
  await expect(page).toHaveURL(/#\/disclosure\/report$/);
  await expect(text).toHaveValue(SENTENCE);

  // The header's 工作年度 asks.
  const yearBox = page.getByLabel('工作年度');
  await yearBox.click();
  await page.keyboard.type(String(year - 1));
  await page.keyboard.press('Enter');
  await expect(ask).toBeVisible();
  await answer('取消');
  await expect(page.locator('.ant-layout-header .ant-select-content')).toHaveText(`${year}年度`);
  await expect(text).toHaveValue(SENTENCE);

  // So does the page's own 统计年度.
  await page.getByLabel('统计年度').fill(String(year - 1));
  await page.getByLabel('统计年度').press('Enter');
  await expect(ask).toBeVisible();
  await answer('取消');
  await expect(text).toHaveValue(SENTENCE);
  await expect(page.getByLabel('统计年度')).toHaveValue(String(year));

  // Closing the window asks (the browser's own question).
  const unload = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const question = await unload;
  expect(question.type()).toBe('beforeunload');
  await question.dismiss();
  expect(page.isClosed()).toBe(false);

  // 不保存 by the menu: the sentence goes, the home screen opens.
  await page.getByRole('menuitem', { name: '首页' }).click();
  await answer('不保存');
  await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
  // 信息公开 from the menu reopens on the 年度报告 tab, without the sentence.
  await page.getByRole('menuitem', { name: '信息公开' }).click();
  await expect(page.getByRole('tab', { name: '年度报告', selected: true })).toBeVisible();
  await expect(page).toHaveURL(/#\/disclosure\/report$/);
  await expect(text).not.toHaveValue(SENTENCE);

  // 保存 by back: saved, then the previous screen opens; the report shows the sentence when opened again.
  await text.fill(SENTENCE);
  await page.evaluate('history.back()');
  await answer('保存');
  await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
  await page.evaluate('history.forward()');
  await expect(page.getByRole('tab', { name: '年度报告', selected: true })).toBeVisible();
  await expect(text).toHaveValue(SENTENCE);
  // Nothing changed: leaving does not ask.
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  await expect(ask).toHaveCount(0);
  // A reload keeps the screen and its tab.
  await page.evaluate('history.back()');
  await expect(page).toHaveURL(/#\/disclosure\/report$/);
  await page.reload();
  await expect(page.getByRole('tab', { name: '年度报告', selected: true })).toBeVisible();
});
