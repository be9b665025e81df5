// What office workers type and see (issue 8): focus on the first field, Enter saves, searchable selects where Tab
// picks nothing, dialogs and the task table that fit 1366×768, a prompt before discarding a changed task, a year
// list that never loses a year, and no unhandled promise rejection from a failed form check.
import type { Locator, Page } from '@playwright/test';
import { loadDemo } from '../../main/services/demo';
import { listPosts } from '../../main/services/team/ab';
import { createTraining } from '../../main/services/team/training';
import type { WebHost } from '../../main/web/server';
import { answerUnsaved, seedStaff, year } from './arrange';
import { completeSetup, expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

/** Fails the test on any uncaught error or unhandled rejection in the page. */
function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return errors;
}

/** The dialog's buttons lie inside the 1366×768 window (the body scrolls instead). */
async function expectButtonsOnScreen(dialog: Locator, names: string[]) {
  for (const name of names) {
    const box = await dialog.getByRole('button', { name, exact: true }).boundingBox();
    expect(box, name).not.toBeNull();
    expect(box!.y + box!.height, `${name} below the fold`).toBeLessThanOrEqual(768);
    expect(box!.x + box!.width).toBeLessThanOrEqual(1366);
  }
}

/** The example year's first task opened in its drawer: the row, its title as listed, the drawer, the title field. */
async function openFirstTask(page: Page, host: WebHost) {
  await loadDemo(host.workstation.context());
  await page.reload();
  await page.getByRole('menuitem', { name: '实施方案与任务' }).click();
  const first = page.locator('.ant-table-row').first();
  const original = (await first.locator('td a').first().textContent())!;
  await first.locator('td a').first().click();
  const drawer = page.locator('.ant-drawer-open');
  const title = drawer.getByLabel('工作任务', { exact: true });
  await expect(title).toHaveValue(original);
  return { first, original, drawer, title };
}

test('keyboard: the first field has focus, Enter saves, selects search by typing and Tab picks nothing', async ({
  app: page,
  host,
}) => {
  const errors = watchPageErrors(page);
  await completeSetup(page, year);
  await seedStaff(
    host,
    ['办公室', '高新科'],
    [
      ['张三', '办公室', ''],
      ['李四', '办公室', ''],
      ['王五', '高新科', ''],
    ],
  );

  await page.getByRole('menuitem', { name: '单位与人员' }).click();
  await page.getByRole('button', { name: '添加人员' }).click();
  const dialog = page.getByRole('dialog', { name: '添加人员' });
  const name = dialog.getByLabel('姓名');
  await expect(name).toBeFocused();
  // A failed check stays beside the field and leaves no unhandled rejection.
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请填写姓名')).toBeVisible();
  await name.fill('孙八');
  // Tab to 科室, type to search; Tab leaves without choosing the highlighted option.
  await page.keyboard.press('Tab');
  const dept = dialog.getByLabel('科室', { exact: true });
  await expect(dept).toBeFocused();
  await page.keyboard.type('高新');
  await expect(page.locator('.ant-select-dropdown:visible .ant-select-item-option')).toHaveText(['高新科']);
  await page.keyboard.press('Tab');
  await expect(
    dialog.locator('.ant-form-item').filter({ hasText: '科室' }).locator('.ant-select-content-has-value'),
  ).toHaveCount(0);
  await expect(dialog.getByLabel('职务')).toBeFocused();
  await expect(dept).toHaveValue('');
  // Enter picks the searched option on purpose.
  await dept.click();
  await page.keyboard.type('高新');
  await page.keyboard.press('Enter');
  await expect(dialog.locator('.ant-form-item').filter({ hasText: '科室' }).locator('.ant-select-content')).toHaveText(
    '高新科',
  );
  // Enter in a one-line field saves the dialog.
  await name.click();
  await name.press('Enter');
  await expect(dialog).toHaveCount(0, { timeout: 20_000 });
  await expect(page.getByRole('row', { name: /孙八/ })).toContainText('高新科', { timeout: 20_000 });

  // 新增培训 and 登记不在岗 open with the cursor in their first field, not on the close button.
  await page.getByRole('menuitem', { name: '培训' }).click();
  await page.getByRole('button', { name: '新增培训' }).click();
  await expect(page.getByRole('dialog', { name: '新增培训' }).getByLabel('培训名称')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog', { name: '新增培训' })).toHaveCount(0);
  await page.getByRole('menuitem', { name: 'AB岗' }).click();
  await page.getByRole('button', { name: '登记不在岗' }).click();
  await expect(page.getByRole('dialog', { name: '不在岗登记' }).getByLabel('人员', { exact: true })).toBeFocused();
  expect(errors).toEqual([]);
});

test('at 1366×768 every dialog keeps its buttons on screen and the task table shows 预警 and 最新进展', async ({
  app: page,
  host,
}) => {
  const ctx = host.workstation.context();
  await loadDemo(ctx);
  await page.reload();
  await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();

  await page.getByRole('menuitem', { name: '实施方案与任务' }).click();
  for (const header of ['预警', '最新进展']) {
    const box = await page.getByRole('columnheader', { name: header, exact: true }).first().boundingBox();
    expect(box, header).not.toBeNull();
    expect(box!.x + box!.width, `${header} cut off`).toBeLessThanOrEqual(1366);
  }
  // The page itself does not scroll sideways: the table scrolls inside itself.
  expect(await page.evaluate<number>('document.documentElement.scrollWidth')).toBeLessThanOrEqual(1366);
  await page.getByRole('button', { name: '方案信息' }).click();
  await expectButtonsOnScreen(page.getByRole('dialog', { name: '方案信息' }), ['保存', '取消']);
  await page.getByRole('dialog', { name: '方案信息' }).getByRole('button', { name: '取消' }).click();

  await page.getByRole('menuitem', { name: '培训' }).click();
  await page.getByRole('button', { name: '新增培训' }).click();
  await expectButtonsOnScreen(page.getByRole('dialog', { name: '新增培训' }), ['保存', '取消']);
  await page.getByRole('dialog', { name: '新增培训' }).getByRole('button', { name: '取消' }).click();

  await page.getByRole('menuitem', { name: 'AB岗' }).click();
  const post = (await listPosts(ctx)).find((p) => p.a)!;
  await page
    .locator('.ant-card')
    .filter({ hasText: '岗位设置' })
    .getByRole('row', { name: new RegExp(post.name) })
    .getByRole('button', { name: '人员变动' })
    .click();
  await expectButtonsOnScreen(page.getByRole('dialog', { name: /人员变动/ }), ['保存变动', '取消']);
  await page
    .getByRole('dialog', { name: /人员变动/ })
    .getByRole('button', { name: '取消' })
    .click();
  await page.getByRole('button', { name: '登记不在岗' }).click();
  await expectButtonsOnScreen(page.getByRole('dialog', { name: '不在岗登记' }), ['保存', '取消']);
  await page.getByRole('dialog', { name: '不在岗登记' }).getByRole('button', { name: '取消' }).click();

  await page.getByRole('menuitem', { name: '单位与人员' }).click();
  await page.getByRole('button', { name: '添加人员' }).click();
  await expectButtonsOnScreen(page.getByRole('dialog', { name: '添加人员' }), ['保存', '取消']);
});

test('closing a task with changed fields asks 保存 / 不保存 / 取消', async ({ app: page, host }) => {
  const errors = watchPageErrors(page);
  const { first, original, drawer, title } = await openFirstTask(page, host);
  await expect(title).toBeFocused();

  // Unchanged: Esc closes at once.
  await page.keyboard.press('Escape');
  await expect(drawer).toHaveCount(0);

  await first.locator('td a').first().click();
  await title.fill(`${original}（改）`);
  await page.keyboard.press('Escape');
  // 取消: back to the drawer with the typed text.
  await answerUnsaved(page, '取消');
  await expect(title).toHaveValue(`${original}（改）`);
  // 不保存: closes, nothing saved.
  await drawer.locator('.ant-drawer-close').click();
  await answerUnsaved(page, '不保存');
  await expect(drawer).toHaveCount(0);
  await expect(first.locator('td a').first()).toHaveText(original);
  // 保存: saves, then closes.
  await first.locator('td a').first().click();
  await title.fill(`${original}（改）`);
  await page.keyboard.press('Escape');
  await answerUnsaved(page, '保存');
  await expect(page.getByText('任务已保存')).toBeVisible({ timeout: 20_000 });
  await expect(drawer).toHaveCount(0);
  await expect(first.locator('td a').first()).toHaveText(`${original}（改）`);
  expect(errors).toEqual([]);
});

test('登记进展 with the task changed but not saved keeps the change on screen, still to be saved', async ({
  app: page,
  host,
}) => {
  const { first, original, drawer, title } = await openFirstTask(page, host);
  await title.fill(`${original}（改）`);
  await drawer.getByLabel('进展内容').fill('已完成第一阶段。');
  await drawer.getByRole('button', { name: '登记进展' }).click();
  await expect(page.getByText('进展已登记')).toBeVisible();
  await expect(drawer.getByText('已完成第一阶段。')).toBeVisible();
  // The task was read again with its new entry; what was typed into the task's own fields is still there…
  await expect(title).toHaveValue(`${original}（改）`);
  // …and still a change: closing asks.
  await page.keyboard.press('Escape');
  await answerUnsaved(page, '保存');
  await expect(drawer).toHaveCount(0);
  await expect(first.locator('td a').first()).toHaveText(`${original}（改）`);
});

test('a field chosen while a dialog is still opening keeps the focus, and what is typed there is asked about', async ({
  app: page,
  host,
}) => {
  await completeSetup(page, year);
  await seedStaff(host, ['办公室'], []);
  await page.reload();
  await page.getByRole('menuitem', { name: '单位与人员' }).click();
  await page.getByRole('button', { name: '添加人员' }).click();
  const dialog = page.getByRole('dialog');
  const title = dialog.getByLabel('职务');
  // At once, while the dialog still zooms in (focus() does not wait for it to stand still): 职务, not the first field.
  await title.focus();
  await expect(page.locator('.ant-modal-wrap .ant-zoom-appear')).toHaveCount(1);
  await page.keyboard.type('科长');
  // Once it has opened, the focus and the text are where the user put them…
  await expect(page.locator('.ant-modal-wrap .ant-zoom-appear')).toHaveCount(0);
  await expect(title).toBeFocused();
  await expect(title).toHaveValue('科长');
  // …and closing does not throw the text away unasked.
  await page.keyboard.press('Escape');
  await answerUnsaved(page, '取消');
  await expect(title).toHaveValue('科长');
});

test('the year list keeps every year with data, this year and the next; any year can be typed', async ({
  app: page,
  host,
}) => {
  await completeSetup(page, 2019);
  await seedStaff(
    host,
    ['办公室', '高新科'],
    [
      ['张三', '办公室', ''],
      ['李四', '办公室', ''],
      ['王五', '高新科', ''],
    ],
  );
  const ctx = host.workstation.context();
  await createTraining(ctx, {
    date: '2019-06-01',
    title: '2019年专题培训',
    kind: '政务公开专题培训',
    form: '集中授课',
    hours: 2,
  });
  const box = page.getByLabel('工作年度');
  // Switch away to this year by typing it.
  await box.click();
  await page.keyboard.type(String(year));
  await page.keyboard.press('Enter');
  await expect(page.getByText(`已切换到 ${year} 年度`)).toBeVisible();
  await expect(page.locator('.ant-layout-header .ant-select-content')).toHaveText(`${year}年度`);
  // 2019 is still offered, with this year and the next.
  await box.click();
  const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
  await expect(options.filter({ hasText: '2019年度' })).toHaveCount(1);
  await expect(options.filter({ hasText: `${year}年度` })).toHaveCount(1);
  await expect(options.filter({ hasText: `${year + 1}年度` })).toHaveCount(1);
  await page.keyboard.press('Escape');
  // A year with no data yet can be typed.
  await box.click();
  await page.keyboard.type('2015');
  await expect(options).toHaveText(['2015年度']);
  await page.keyboard.press('Enter');
  await expect(page.locator('.ant-layout-header .ant-select-content')).toHaveText('2015年度');
  // Back to 2019 by picking it from the list.
  await box.click();
  await options.filter({ hasText: '2019年度' }).click();
  await expect(page.locator('.ant-layout-header .ant-select-content')).toHaveText('2019年度');
});

test('keyboard only: after a filled select or date, Tab goes to the next field, not to its clear button', async ({
  app: page,
  host,
}) => {
  await completeSetup(page, year);
  await seedStaff(host, ['办公室'], [['张三', '办公室', '']]);

  await page.getByRole('menuitem', { name: '单位与人员' }).click();
  await page.getByRole('button', { name: '添加人员' }).click();
  const dialog = page.getByRole('dialog', { name: '添加人员' });
  await expect(dialog.getByLabel('姓名')).toBeFocused();
  await page.keyboard.type('孙八');
  await page.keyboard.press('Tab');
  await page.keyboard.type('办公');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Tab');
  await expect(dialog.getByLabel('职务')).toBeFocused();
  await page.keyboard.type('科员');
  await page.keyboard.press('Enter');
  await expect(dialog).toHaveCount(0);
  const row = page.getByRole('row').filter({ hasText: '孙八' });
  await expect(row).toContainText('办公室');
  await expect(row).toContainText('科员');

  // A date already filled (培训日期, today) is followed by 类别, not by its ×.
  await page.getByRole('menuitem', { name: '培训' }).click();
  await page.getByRole('button', { name: '新增培训' }).click();
  const training = page.getByRole('dialog', { name: '新增培训' });
  await expect(training.getByLabel('培训名称')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(training.getByLabel('培训日期')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(training.getByLabel('类别', { exact: true })).toBeFocused();
});
