// Issue 20 at 1366×768: typed work is never lost without a question (the 年报 left by the menu, a tab, back/forward,
// the header's year or closing the page) and the screen reopens on the tab the user was on; the task table shows every
// column without sideways scrolling, the app has no frame and a new page opens at its top; a progress entry is
// corrected and deleted with its own buttons.
import type { Page } from '@playwright/test';
import { formatChineseDate } from '../../shared/domain/dates';
import { answerUnsaved, arrange, openScreen, setUpBureau, today, year } from './arrange';
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
  const answer = (choice: '保存' | '不保存' | '取消') => answerUnsaved(page, choice, '年度报告的修改');

  // The left menu asks; 取消 stays with the sentence.
  await page.getByRole('menuitem', { name: '首页' }).click();
  await answer('取消');
  await expect(page).toHaveURL(/#\/disclosure\/report$/);
  await expect(text).toHaveValue(SENTENCE);

  // Another tab of the same screen asks too.
  await page.getByRole('tab', { name: '依申请公开' }).click();
  await answer('取消');
  await expect(page.getByRole('tab', { name: '年度报告', selected: true })).toBeVisible();
  await expect(text).toHaveValue(SENTENCE);

  // Back (the browser's or the mouse's back button) asks; 取消 puts the address back to the report.
  await page.evaluate('history.back()');
  await answer('取消');
  await expect(page).toHaveURL(/#\/disclosure\/report$/);
  await expect(text).toHaveValue(SENTENCE);

  // The header's 工作年度 asks.
  const yearBox = page.getByLabel('工作年度');
  await yearBox.click();
  await page.keyboard.type(String(year - 1));
  await page.keyboard.press('Enter');
  await answer('取消');
  await expect(page.locator('.ant-layout-header .ant-select-content')).toHaveText(`${year}年度`);
  await expect(text).toHaveValue(SENTENCE);

  // So does the page's own 统计年度.
  await page.getByLabel('统计年度').fill(String(year - 1));
  await page.getByLabel('统计年度').press('Enter');
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

test('实施方案与任务 at 1366 px: every column is in view without sideways scrolling; a new page opens at its top', async ({
  app: page,
  host,
}) => {
  await arrange(host, 'demo.load');
  await page.reload();
  // The app fills the window: no browser margin around it.
  const header = await page.locator('.ant-layout-header').boundingBox();
  expect([header!.x, header!.y]).toEqual([0, 0]);
  await openScreen(page, '实施方案与任务');
  const table = page.locator('.ant-table').first();
  await expect(table.locator('.ant-table-row').first()).toBeVisible();
  for (const name of ['序号', '工作任务', '章节', '牵头科室', '责任人', '完成时限', '状态', '预警', '最新进展']) {
    const cell = table.getByRole('columnheader', { name, exact: true });
    const box = (await cell.boundingBox())!;
    expect(box.x, `${name} left of the table`).toBeGreaterThanOrEqual(190);
    expect(box.x + box.width, `${name} cut off`).toBeLessThanOrEqual(1366);
    // Not hidden under another column: the header itself is what lies at its centre.
    const onTop = await cell.evaluate((el) => {
      const r = el.getBoundingClientRect();
      const at = el.ownerDocument.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2);
      return !!at && el.contains(at);
    });
    expect(onTop, `${name} covered`).toBe(true);
  }
  // No sideways scrolling, in the table or the page.
  const content = table.locator('.ant-table-content, .ant-table-body').first();
  const [scrollWidth, clientWidth] = await content.evaluate((el) => [el.scrollWidth, el.clientWidth]);
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth);
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1366);

  // Scrolled down the long task list, the menu is still in view; the next page opens at its top.
  await page.mouse.wheel(0, 1500);
  await expect.poll(() => page.evaluate<number>('window.scrollY')).toBeGreaterThan(200);
  await expect(page.getByRole('menuitem', { name: '培训' })).toBeInViewport();
  await page.getByRole('menuitem', { name: '培训' }).click();
  await expect(page.getByRole('heading', { name: '培训' })).toBeVisible();
  expect(await page.evaluate<number>('window.scrollY')).toBe(0);
});

test('a progress entry is corrected and deleted with its 修改 and 删除 buttons', async ({ app: page, host }) => {
  await arrange(host, 'demo.load');
  const [task] = await arrange(host, 'tasks.list', { year });
  const entry = await arrange(host, 'tasks.addProgress', {
    taskId: task.id,
    date: today,
    text: '已完成第一批（测试）',
    percent: 30,
  });
  const count = async () => (await arrange(host, 'tasks.get', { id: task.id })).progress.length;
  const before = await count();
  await page.reload();
  await openScreen(page, '实施方案与任务');
  await page.getByRole('link', { name: task.title, exact: true }).first().click();
  const drawer = page.locator('.ant-drawer-open');
  const item = drawer.getByLabel(`进展记录 ${entry.date}`).filter({ hasText: '已完成第一批（测试）' });
  await expect(item).toBeVisible();

  // 修改: the dialog opens with the entry, the corrected words replace it.
  await item.getByRole('button', { name: '修改' }).click();
  const edit = page.getByRole('dialog', { name: `修改进展记录（${formatChineseDate(entry.date)}）` });
  const text = edit.getByLabel('进展内容');
  await expect(text).toHaveValue('已完成第一批（测试）');
  await text.fill('已完成第一批，共12家（测试）');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit).toBeHidden();
  const fixed = drawer.getByLabel(`进展记录 ${entry.date}`).filter({ hasText: '已完成第一批，共12家（测试）' });
  await expect(fixed).toBeVisible();
  const stored = (await arrange(host, 'tasks.get', { id: task.id })).progress.find((p) => p.id === entry.id)!;
  expect(stored.text).toBe('已完成第一批，共12家（测试）');
  expect(await count()).toBe(before);

  // 删除 asks first; 取消 keeps it, 删除 removes it.
  await fixed.getByRole('button', { name: '删除' }).click();
  const confirm = page.locator('.ant-popover:visible');
  await expect(confirm).toContainText(`删除${formatChineseDate(entry.date)}的进展记录？`);
  await confirm.getByRole('button', { name: '取消' }).click();
  await expect(confirm).toBeHidden();
  await expect(fixed).toBeVisible();
  await fixed.getByRole('button', { name: '删除' }).click();
  await page.locator('.ant-popover:visible').getByRole('button', { name: '删除' }).click();
  await expect(fixed).toHaveCount(0);
  expect(await count()).toBe(before - 1);
});

test('设置: a 放假安排 typed but not saved asks before the screen is left', async ({ app: page, host }) => {
  await setUpBureau(host, page, year);
  await openScreen(page, '设置');
  const card = page.locator('.ant-card').filter({ hasText: '工作日历与任务预警' });
  await card.getByLabel('自定放假与调休').fill(`${year + 1}-01-01 休 元旦`);
  await page.getByRole('menuitem', { name: '首页' }).click();
  await answerUnsaved(page, '保存', '工作日历的修改');
  await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
  const saved = await arrange(host, 'calendar.get', { year });
  expect(saved.overrides).toEqual([{ date: `${year + 1}-01-01`, kind: 'holiday', note: '元旦' }]);
});
