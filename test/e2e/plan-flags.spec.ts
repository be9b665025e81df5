// After 从上级要点生成 on the province sample (test/fixtures/samples): tasks whose units are all another level's or
// another body's are flagged 无牵头科室 on the screen, 设置牵头科室 gives several selected tasks a lead at once and the
// flag goes; a task the document gave no deadline shows 未定时限. Also 单位对应 "全部科室", chosen in the dialog,
// applied to the tasks and shown again as the saved choice.
import fs from 'node:fs';
import path from 'node:path';
import { createDepartment } from '../../main/services/org/departments';
import { importProvinceSample, pickIn, year } from './arrange';
import { completeSetup, expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

const EXPECTED = path.resolve('test/fixtures/samples/work-points-province-2020.expected.json');

interface ExpectedItem {
  level: number;
  label: string;
  prefix: string;
  deadline: string | null;
  lead: string[];
}
const expected = (JSON.parse(fs.readFileSync(EXPECTED, 'utf8')) as { items: ExpectedItem[] }).items;

test('plan: tasks without a lead are flagged and set in one go; tasks without a deadline show 未定时限; 全部科室 is kept', async ({
  app: page,
  host,
}) => {
  await completeSetup(page, year);
  const ctx = host.workstation.context();
  await createDepartment(ctx, '办公室');
  await createDepartment(ctx, '政策法规科');
  await importProvinceSample(page, host);
  await page.getByRole('menuitem', { name: '实施方案与任务' }).click();

  // The sample's item 8 names only 省司法厅 and gives no deadline; item 13 only 省市场监管局; item 1 has 9月底前.
  const item = (label: string) => expected.find((e) => e.level === 3 && e.label === label)!;
  expect(item('8')).toMatchObject({ lead: ['省司法厅'], deadline: null });
  expect(item('13').lead).toEqual(['省市场监管局']);
  expect(item('1').deadline).toBe('2020-09-30');

  // Generate with the suggested mapping, except 省市场监管局 → 全部科室.
  await page.getByRole('button', { name: '从上级要点生成' }).first().click();
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: '下一步：单位对应' }).click();
  await expect(dialog.getByLabel('省司法厅不涉及')).toBeChecked();
  await dialog.getByLabel('省市场监管局不涉及').uncheck();
  await pickIn(page, dialog, '省市场监管局对应科室', '全部科室');
  // "各级政府部门" is suggested as the office; nothing else is changed.
  await dialog.getByRole('button', { name: '生成方案' }).click();
  await expect(page.getByText(/已生成 6 个章节、36 项任务/)).toBeVisible();
  await expect(page.getByText(/项任务还没有牵头科室，已在列表中标出/)).toBeVisible();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(36);

  // 全部科室 went to the task: every 科室 leads it.
  const market = rows.filter({ hasText: '贯彻落实党中央、国务院关于深化' });
  await expect(market.getByText('办公室、政策法规科')).toBeVisible();

  // The flag: the alert counts the tasks without a lead, and each such row carries 无牵头科室.
  const alert = page.locator('.ant-alert').filter({ hasText: '项任务还没有牵头科室' });
  const flagged = rows.filter({ has: page.getByText('无牵头科室', { exact: true }) });
  const count = Number(/有 (\d+) 项任务/.exec(await alert.innerText())![1]);
  expect(count).toBeGreaterThan(2);
  await expect(flagged).toHaveCount(count);
  const judicial = rows.filter({ hasText: '对以省政府和省政府办公厅名义印发' });
  await expect(judicial.getByText('无牵头科室', { exact: true })).toBeVisible();
  // 未定时限 on the task the document gave no deadline; the one with 9月底前 shows it.
  await expect(judicial.getByText('未定时限', { exact: true })).toBeVisible();
  const first = rows.filter({ hasText: '动态调整并及时公开部门权责清单' });
  await expect(first.getByText(`${year}年9月底前`)).toBeVisible();
  await expect(first.getByText('未定时限', { exact: true })).toHaveCount(0);

  // 设置牵头科室 for two flagged tasks at once: their flag goes, the others keep theirs.
  await judicial.locator('.ant-table-selection-column').click();
  const second = flagged.filter({ hasNotText: '对以省政府和省政府办公厅名义印发' }).first();
  const secondTitle = (await second.locator('a').first().innerText()).trim();
  await second.locator('.ant-table-selection-column').click();
  await pickIn(page, page, '设置牵头科室', '政策法规科');
  await page.getByRole('button', { name: '设置牵头科室' }).click();
  await expect(page.getByText('已为 2 项任务设置牵头科室')).toBeVisible();
  await expect(flagged).toHaveCount(count - 2);
  await expect(judicial.getByText('政策法规科')).toBeVisible();
  await expect(judicial.getByText('无牵头科室', { exact: true })).toHaveCount(0);
  await expect(rows.filter({ hasText: secondTitle }).getByText('无牵头科室', { exact: true })).toHaveCount(0);
  await expect(alert).toContainText(`有 ${count - 2} 项任务还没有牵头科室`);

  // The rest in one go from the alert: no flag and no alert left.
  await alert.getByRole('button', { name: '全部勾选' }).click();
  await pickIn(page, page, '设置牵头科室', '办公室');
  await page.getByRole('button', { name: '设置牵头科室' }).click();
  await expect(page.getByText(`已为 ${count - 2} 项任务设置牵头科室`)).toBeVisible();
  await expect(flagged).toHaveCount(0);
  await expect(alert).toHaveCount(0);
  // 未定时限 stays until a deadline is set: it is about the deadline, not the lead.
  await expect(judicial.getByText('未定时限', { exact: true })).toBeVisible();

  // 单位对应 shows the saved 全部科室.
  await page.getByRole('button', { name: '单位对应' }).first().click();
  const mapDialog = page.getByRole('dialog', { name: '单位对应' });
  const marketRow = mapDialog.locator('tr').filter({ hasText: '省市场监管局' });
  await expect(marketRow.getByTitle('全部科室', { exact: true })).toBeVisible();
  await expect(marketRow.getByText('（建议）')).toHaveCount(0);
  await mapDialog.getByRole('button', { name: '取消' }).click();
  await page.screenshot({ path: test.info().outputPath('plan-flags.png') });
});
