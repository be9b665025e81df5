// The task list at 1366×768: a long 预警 stays inside its cell, a filtered list says it shows only some of the tasks,
// and the screen's two small forms (新增章节, 工作台账 by dates) are form dialogs: first field focused, Enter adds,
// Esc closes.
import type { WebHost } from '../../main/web/server';
import { countWorkingDays, createWorkingDayCalendar } from '../../shared/domain/working-days';
import { arrange, openScreen, setUpBureau, today, year } from './arrange';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });
const slow = { timeout: 20_000 };
test.setTimeout(180_000);

/** A plan of the year with the given tasks [title, deadline, status]. */
async function planWith(host: WebHost, tasks: [string, string, '进行中' | '已完成'][]): Promise<void> {
  await arrange(host, 'plan.save', { year, title: `${year}年政务公开实施方案` });
  const plan = await arrange(host, 'plan.createSection', { year, title: '一、重点任务' });
  for (const [title, date, status] of tasks)
    await arrange(host, 'tasks.create', {
      sectionId: plan.sections[0].id,
      title,
      deadline: { kind: 'date', date },
      status,
      completedOn: status === '已完成' ? date : null,
    });
}

test('plan list: a long 预警 stays in its cell; filtered, the list says how many of all it shows', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, year);
  const longAgo = `${year}-01-05`;
  await planWith(host, [
    ['更新政府信息公开指南', longAgo, '进行中'],
    ['梳理继续有效文件目录', `${year}-02-27`, '进行中'],
    ['发布年度报告', `${year}-01-20`, '已完成'],
    ['开展政府开放日活动', `${year}-12-31`, '进行中'],
  ]);
  await openScreen(page, '实施方案与任务', slow);
  const table = page.locator('.ant-table').first();
  const row = table.locator('tr.ant-table-row').filter({ hasText: '更新政府信息公开指南' });
  await expect(row).toBeVisible(slow);
  const overdueTag = page.locator('.ant-tag').filter({ hasText: '已逾期' });
  const cell = row.locator('td').filter({ has: overdueTag });
  const tag = cell.locator('.ant-tag').filter({ hasText: '已逾期' });
  await expect(tag).toContainText('个工作日）');
  // The whole tag inside its own cell: not cut, not running into 最新进展.
  const [t, c] = [await tag.boundingBox(), await cell.boundingBox()];
  expect(t!.x + t!.width).toBeLessThanOrEqual(c!.x + c!.width);
  const scrollsInside = await tag.evaluate((el) => el.scrollWidth > el.clientWidth);
  expect(scrollsInside).toBe(false);

  // Overdue tasks: those past their deadline not done, counted by hand from the list above (today is in December).
  const overdue = (await arrange(host, 'tasks.list', { year })).filter((x) => x.light === 'overdue');
  expect(overdue.length).toBeGreaterThan(0);
  await page.getByRole('combobox', { name: '按预警筛选' }).click();
  await page
    .locator('.ant-select-dropdown:visible')
    .getByText(/^已逾期/)
    .click();
  await expect(page.getByText(`仅显示预警为“已逾期”的任务：${overdue.length} 项（共 4 项）`)).toBeVisible(slow);
  await expect(table.locator('tr.ant-table-row')).toHaveCount(overdue.length);
  await page.getByRole('button', { name: '显示全部' }).click();
  await expect(table.locator('tr.ant-table-row')).toHaveCount(4);
  await expect(page.getByText(/^仅显示/)).toHaveCount(0);
  // Sanity of the tag's words: the working days since the deadline, as the calendar counts them.
  expect(countWorkingDays(longAgo, today, createWorkingDayCalendar())).toBeGreaterThan(99);
});

test('plan: 新增章节 and 工作台账（按日期范围） are form dialogs: first field focused, Enter adds, Esc closes', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, year);
  await planWith(host, [['更新政府信息公开指南', `${year}-12-31`, '进行中']]);
  await openScreen(page, '实施方案与任务', slow);

  await page.getByRole('button', { name: '新增章节' }).click();
  const add = page.getByRole('dialog', { name: '新增章节' });
  await expect(add.getByLabel('章节名称')).toBeFocused(slow);
  await page.keyboard.press('Escape');
  await expect(add).toHaveCount(0);
  await page.getByRole('button', { name: '新增章节' }).click();
  await expect(add.getByLabel('章节名称')).toBeFocused(slow);
  await page.keyboard.type('二、加强政策解读');
  await page.keyboard.press('Enter');
  await expect(add).toHaveCount(0, slow);
  const plan = await arrange(host, 'plan.get', { year });
  expect(plan!.sections.map((x) => x.title)).toContain('二、加强政策解读');
  // An empty name stays open and says what is missing.
  await page.getByRole('button', { name: '新增章节' }).click();
  await expect(add.getByLabel('章节名称')).toBeFocused(slow);
  await page.keyboard.press('Enter');
  await expect(add.getByText('请填写章节名称')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(add).toHaveCount(0);

  await page.getByRole('button', { name: '导出' }).hover();
  await page.getByText('工作台账（按日期范围）…').click();
  const range = page.getByRole('dialog', { name: '导出工作台账：选择日期范围' });
  await expect(range.getByLabel('起始日期')).toBeFocused(slow);
  await expect(range.getByLabel('起始日期')).toHaveValue(`${year}-01-01`);
  const download = page.waitForEvent('download');
  await range.getByRole('button', { name: '导出' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.xlsx$/);
  await expect(range).toHaveCount(0);
});
