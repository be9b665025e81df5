// Tables whose columns the reader cannot name (issue 21): the import preview opens on the choice of each column's
// role, rebuilds the items as roles are picked, saves, and reads the next table with the same header at once.
import type { Locator, Page } from '@playwright/test';
import { asXlsx } from '../unit/grid/build-table';
import { arrange, openScreen, setUpBureau } from './arrange';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });
const slow = { timeout: 20_000 };
test.setTimeout(240_000);

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Picks a role in the select above a column, then waits until the preview shows it as the user's choice. */
async function chooseRole(page: Page, scope: Locator, column: string, role: string): Promise<void> {
  const box = scope.getByLabel(`${column}的内容`, { exact: true });
  const header = scope.getByRole('columnheader').filter({ has: page.getByLabel(`${column}的内容`, { exact: true }) });
  const chosen = header.locator('.ant-select-content');
  // Until the select shows the role: under load a click on the opening list once landed on another option (不读取).
  await expect(async () => {
    if ((await chosen.textContent()) !== role) {
      if ((await box.getAttribute('aria-expanded')) !== 'true') await box.click();
      await page.locator('.ant-select-dropdown:visible').getByTitle(role, { exact: true }).click({ timeout: 2000 });
    }
    await expect(chosen).toHaveText(role, { timeout: 3000 });
  }).toPass(slow);
  // Read again with it: the column says the user chose it.
  await expect(header).toContainText('您选择的', slow);
}

const tasks = (first: string) =>
  asXlsx({
    before: ['2026年某局政务公开任务清单'],
    rows: [
      ['板块名称', '事项说明', '承担科室', '办结日期'],
      [{ text: '一、公开目录', rowSpan: 2 }, `1.${first}`, '办公室', '2026年6月底前'],
      [null, '2.动态调整目录。', '办公室', '持续推进'],
      ['二、政策解读', '3.同步发布解读材料。', '法规科', '年底前'],
    ],
  });

test('上级要点：认不出各列的表格，选好各列后预览条目并保存；同样表头的下一份直接识别', async ({ app: page, host }) => {
  await setUpBureau(host, page, 2026);
  await page.getByRole('menuitem', { name: '上级要点' }).click();
  await page.getByRole('button', { name: '导入上级文件' }).first().click();
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: '任务清单.xlsx', mimeType: XLSX, buffer: await tasks('编制公开目录。') });

  // No error: the preview opens on the columns, says why 保存 cannot be pressed yet.
  await expect(page.getByText('没有认出工作表“表1”各列的内容')).toBeVisible(slow);
  await expect(page.getByText('还没有条目，不能保存：请先为表格各列选择内容')).toBeVisible();
  await expect(page.getByRole('button', { name: '保存', exact: true })).toBeDisabled();
  const columns = page.getByRole('table', { name: '工作表“表1”的各列' });
  await expect(columns.getByText('1.编制公开目录。')).toBeVisible();

  await chooseRole(page, columns, '板块名称（第1列）', '分组');
  await chooseRole(page, columns, '事项说明（第2列）', '条目内容');
  await chooseRole(page, columns, '承担科室（第3列）', '责任（牵头）单位');
  await chooseRole(page, columns, '办结日期（第4列）', '完成时限');
  await expect(page.getByText(/^共 5 条，0 条没有责任单位/)).toBeVisible(slow);
  await expect(page.getByRole('treeitem', { name: '条目 1.编制公开目录' })).toBeVisible();
  await expect(page.getByRole('treeitem', { name: '条目 二、政策解读' })).toBeVisible();
  await expect(columns.getByText('您选择的').first()).toBeVisible();

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存“2026年某局政务公开任务清单”，共 5 条')).toBeVisible(slow);
  const docs = await arrange(host, 'points.documents', { year: 2026 });
  expect(docs.map((d) => [d.title, d.itemCount, d.withoutUnit])).toEqual([['2026年某局政务公开任务清单', 5, 0]]);

  // The next list with the same header: read at once with the roles chosen before.
  await page.getByRole('menuitem', { name: '上级要点' }).click();
  await page.getByRole('button', { name: '导入上级文件' }).first().click();
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({ name: '任务清单2.xlsx', mimeType: XLSX, buffer: await tasks('更新公开指南。') });
  await expect(page.getByRole('treeitem', { name: '条目 1.更新公开指南' })).toBeVisible(slow);
  await expect(
    page.getByRole('table', { name: '工作表“表1”的各列' }).getByText('沿用上次对同样表头的选择').first(),
  ).toBeVisible();
});

test('考核细则：认不出各列时在预览中选择，说明为何还不能保存，指标名称完整显示', async ({ app: page, host }) => {
  await setUpBureau(host, page, 2026);
  await openScreen(page, '自查整改', slow);
  const longName = '政府信息公开工作年度报告按时发布且内容要素齐全、数据准确';
  const xlsx = await asXlsx({
    before: ['某县2026年政务公开考核细则'],
    rows: [
      ['考评板块', '考评要素', '满分值', '计分说明'],
      [{ text: '组织保障', rowSpan: 2 }, '明确分管领导', 2, '未明确的不得分。'],
      [null, longName, 8, '未按时发布的不得分。'],
      ['平台建设', '专栏规范', 5, '栏目空白的每个扣1分。'],
    ],
  });
  await page.locator('input[type=file]').first().setInputFiles({ name: '考核细则.xlsx', mimeType: XLSX, buffer: xlsx });
  const dialog = page.getByRole('dialog', { name: '导入考核细则：核对后保存' });
  await expect(dialog).toBeVisible(slow);
  await expect(dialog.getByText('还没有读出指标：请先在“表格各列的内容”中为各列选择内容。')).toBeVisible();
  await expect(dialog.getByRole('button', { name: '保存细则' })).toBeDisabled();

  const columns = dialog.getByRole('table', { name: '工作表“表1”的各列' });
  await chooseRole(page, columns, '考评板块（第1列）', '指标名称');
  await chooseRole(page, columns, '考评要素（第2列）', '指标名称');
  await chooseRole(page, columns, '满分值（第3列）', '分值');
  await chooseRole(page, columns, '计分说明（第4列）', '评分标准');
  await expect(dialog.getByText('一级分值合计：15')).toBeVisible(slow);

  // The long name is whole and inside the window.
  const name = dialog.getByLabel('指标名称 1.2');
  await expect(name).toHaveValue(longName);
  const box = (await name.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1366);
  expect(await name.evaluate((el) => el.scrollHeight <= el.clientHeight + 1)).toBe(true);

  await dialog.getByRole('button', { name: '保存细则' }).click();
  await expect(page.getByText('已保存2026年考核细则')).toBeVisible(slow);
});
