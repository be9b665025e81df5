import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { addDays, addWorkingDays, nextWorkingDay } from '../../shared/domain/working-days';
import { fillDate, importProvinceSample, pickIn, saved, seedStaff, today, year } from './arrange';
import { completeSetup, expect, test } from './fixtures';

async function closeDrawer(page: Page) {
  await page
    .getByRole('dialog', { name: /^任务 \d+：/ })
    .getByRole('button', { name: '关闭' })
    .click();
  await expect(page.getByRole('dialog', { name: /^任务 \d+：/ })).toHaveCount(0);
}

test('plan: generate from imported points, map units, edit a task, add progress with a file, lights change, export', async ({
  app: page,
  host,
}) => {
  await completeSetup(page, year);
  await seedStaff(
    host,
    ['办公室', '政策法规科'],
    [
      ['李静', '办公室', '政务公开联络员'],
      ['赵强', '政策法规科', '科长'],
    ],
  );
  await importProvinceSample(page, host);
  await page.getByRole('menuitem', { name: '实施方案与任务' }).click();
  await expect(page.getByText(`${year}年还没有实施方案`)).toBeVisible();

  // Generate: the document is preselected; then the unit mapping table.
  await page.getByRole('button', { name: '从上级要点生成' }).first().click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText(`${year}年全省政务公开工作要点`)).toBeVisible();
  await dialog.getByRole('button', { name: '下一步：单位对应' }).click();
  const mapping = dialog.getByRole('table');
  await expect(mapping.getByText('各级政府部门')).toBeVisible();
  // Units of other levels are suggested as 不涉及; the user may still map one.
  await expect(dialog.getByLabel('省司法厅不涉及')).toBeChecked();
  await dialog.getByLabel('省司法厅不涉及').uncheck();
  await pickIn(page, dialog, '省司法厅对应科室', '政策法规科');
  await dialog.getByLabel('各市〔州〕政府不涉及').check();
  await dialog.getByRole('button', { name: '生成方案' }).click();
  await expect(page.getByText(/已生成 6 个章节、36 项任务/)).toBeVisible();
  await expect(page.getByRole('heading', { name: '实施方案与任务' })).toBeVisible();
  const rows = page.locator('.ant-table-tbody tr.ant-table-row');
  await expect(rows).toHaveCount(36);
  // The mapping was used (and is remembered: the service test covers next year).
  const judicialRow = rows.filter({ hasText: '省政府和省政府办公厅名义印发' });
  await expect(judicialRow.getByText('政策法规科')).toBeVisible();

  // Map a unit after generation: the tasks that named it get the 科室.
  const lawTask = rows.filter({ hasText: '对以省政府和省政府办公厅名义印发' });
  await pickIn(page, page.locator('body'), '按科室筛选', '政策法规科');
  const lawCount = await rows.count();
  await page.locator('.ant-select-clear').first().click({ force: true });
  await page.getByRole('button', { name: '单位对应' }).first().click();
  const mapDialog = page.getByRole('dialog', { name: '单位对应' });
  await mapDialog.getByLabel('各级政府办公厅〔室〕不涉及').uncheck();
  await pickIn(page, mapDialog, '各级政府办公厅〔室〕对应科室', '政策法规科');
  await mapDialog.getByRole('button', { name: '保存并应用到任务' }).click();
  await expect(page.getByText(/单位对应已保存：更新 \d+ 处/)).toBeVisible();
  await pickIn(page, page.locator('body'), '按科室筛选', '政策法规科');
  await expect.poll(() => rows.count()).toBeGreaterThan(lawCount);
  await page.locator('.ant-select-clear').first().click({ force: true });
  await expect(rows).toHaveCount(36);
  await expect(lawTask.getByText('政策法规科')).toBeVisible();

  // Open the first task and give it an owner and a deadline two working days away: 即将到期.
  const first = rows.first();
  const title = (await first.locator('a').first().innerText()).trim();
  await first.locator('a').first().click();
  const drawer = page.getByRole('dialog', { name: /^任务 \d+：/ });
  await expect(page.getByRole('dialog', { name: `任务 1：${title}` })).toBeVisible();
  await pickIn(page, drawer, '责任人', '李静（办公室）');
  await pickIn(page, drawer, '完成时限', '指定日期前');
  const soon = addWorkingDays(today, 2);
  await fillDate(drawer, '完成日期', soon);
  await drawer.getByRole('button', { name: '保存任务' }).click();
  await expect(page.getByText('任务已保存')).toBeVisible();
  await expect(drawer.getByText(/即将到期/)).toBeVisible();

  // A deadline already past: 已逾期; it shows on the home screen.
  const past = addDays(today, -3);
  await fillDate(drawer, '完成日期', past);
  await drawer.getByRole('button', { name: '保存任务' }).click();
  await expect(drawer.getByText(/已逾期/)).toBeVisible();

  // Progress with an evidence file.
  await drawer.getByLabel('进展内容').fill('已在门户网站更新权责清单并留存截图。');
  await drawer.getByLabel('完成比例（%）').fill('100');
  await drawer
    .locator('input[type=file]')
    .setInputFiles({ name: '更新截图.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') });
  // The picked file is listed before 登记进展 is pressed, and what is checked afterwards is what stays (the entry and
  // its evidence link), not the 3-second toast, which was once not seen at all on the busy 2-core machine.
  await expect(drawer.getByText('更新截图.png')).toBeVisible();
  await drawer.getByRole('button', { name: '登记进展' }).click();
  await expect(drawer.locator('a', { hasText: '更新截图.png' })).toBeVisible();
  await expect(drawer.getByText('已在门户网站更新权责清单并留存截图。')).toBeVisible();

  // Mark it done: the light turns 已完成.
  await pickIn(page, drawer, '状态', '已完成');
  await fillDate(drawer, '实际完成日期', today);
  await drawer.getByRole('button', { name: '保存任务' }).click();
  await expect(drawer.getByText('已完成', { exact: true }).first()).toBeVisible();
  await expect(drawer.locator('.ant-tag').filter({ hasText: '已完成' })).toBeVisible();
  await closeDrawer(page);

  // Another task overdue, shown on the home screen one click from the task.
  const second = rows.nth(1);
  const secondTitle = (await second.locator('a').first().innerText()).trim();
  await second.locator('a').first().click();
  await expect(page.getByRole('dialog', { name: `任务 2：${secondTitle}` })).toBeVisible();
  await pickIn(page, drawer, '完成时限', '指定日期前');
  await fillDate(drawer, '完成日期', addDays(today, -1) < `${year}-01-01` ? nextWorkingDay(today) : addDays(today, -1));
  await drawer.getByRole('button', { name: '保存任务' }).click();
  await expect(drawer.getByText(/已逾期/)).toBeVisible();
  await closeDrawer(page);
  await page.getByRole('menuitem', { name: '首页' }).click();
  const card = page.locator('.ant-card').filter({ hasText: '重点任务提醒' });
  await card.getByRole('link', { name: secondTitle }).click();
  await expect(page.getByRole('dialog', { name: `任务 2：${secondTitle}` })).toBeVisible();
  await closeDrawer(page);

  // Filter by light.
  await pickIn(page, page.locator('body'), '按预警筛选', '已完成（1）');
  await expect(rows).toHaveCount(1);
  await page.locator('.ant-select-clear').first().click({ force: true });

  // Exports: the task table .xlsx and the plan .docx, opened and checked.
  const exportAs = async (label: string) => {
    const wait = page.waitForEvent('download');
    await page.getByRole('button', { name: '导出' }).hover();
    await page.getByRole('menuitem', { name: label }).click();
    return wait;
  };
  const xlsxDownload = await exportAs('重点任务分解表（Excel）');
  expect(xlsxDownload.suggestedFilename()).toBe(`${year}年政务公开重点任务分解表.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await saved(xlsxDownload)) as unknown as ExcelJS.Buffer);
  const ws = wb.worksheets[0];
  expect(ws.getCell('C3').value).toBe('具体措施');
  expect(ws.getCell('B5').value).toBe(title);
  expect(ws.getCell('G5').value).toBe('李静');
  expect(ws.getCell('J5').value).toBe('已完成');
  expect(ws.pageSetup.orientation).toBe('landscape');

  const docxDownload = await exportAs('实施方案（Word）');
  expect(docxDownload.suggestedFilename()).toBe(`${year}年政务公开工作实施方案.docx`);
  const zip = await JSZip.loadAsync(await saved(docxDownload));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml.replace(/<[^>]+>/g, '')).toContain(`${year}年某县科学技术局政务公开工作实施方案`);
  expect(xml).toContain('w:orient="landscape"');
  expect(xml).toContain('重点任务分解表');

  const ledger = await exportAs('工作台账（Excel）');
  const lw = new ExcelJS.Workbook();
  await lw.xlsx.load((await saved(ledger)) as unknown as ExcelJS.Buffer);
  expect(lw.worksheets[0].getCell('H5').value).toBe('已在门户网站更新权责清单并留存截图。');
  expect(lw.worksheets[0].getCell('J5').value).toBe('更新截图.png');
  // The ledger for a date range that excludes today's progress: the entry is not in it.
  const waitRange = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出' }).hover();
  await page.getByRole('menuitem', { name: '工作台账（按日期范围）…' }).click();
  const rangeDialog = page.getByRole('dialog', { name: '导出工作台账：选择日期范围' });
  await fillDate(rangeDialog, '起始日期', `${year}-01-01`);
  await fillDate(rangeDialog, '截止日期', `${year}-01-02`);
  await rangeDialog.getByRole('button', { name: '导出' }).click();
  const ranged = await waitRange;
  expect(ranged.suggestedFilename()).toBe(`${year}年政务公开工作台账（${year}0101-${year}0102）.xlsx`);
  const rw = new ExcelJS.Workbook();
  await rw.xlsx.load((await saved(ranged)) as unknown as ExcelJS.Buffer);
  expect(rw.worksheets[0].getCell('H5').value).toBe('（期间无进展记录）');

  // Move task 2 up within its section: it takes 序号 1, and the task table follows.
  await expect(rows.nth(1).getByRole('button', { name: '上移' })).toBeEnabled();
  await rows.nth(1).getByRole('button', { name: '上移' }).click();
  await expect(rows.first().locator('a').first()).toHaveText(secondTitle);
  // The first cell is the row's selection box (设置牵头科室 for several tasks); 序号 follows it.
  await expect(rows.first().locator('td').nth(1)).toHaveText('1');
  await expect(rows.nth(1).locator('a').first()).toHaveText(title);
  await expect(rows.first().getByRole('button', { name: '上移' })).toBeDisabled();
  await expect(page.getByRole('dialog', { name: /^任务 \d+：/ })).toHaveCount(0);
  const reordered = new ExcelJS.Workbook();
  await reordered.xlsx.load((await saved(await exportAs('重点任务分解表（Excel）'))) as unknown as ExcelJS.Buffer);
  expect(reordered.worksheets[0].getCell('B5').value).toBe(secondTitle);
  expect(reordered.worksheets[0].getCell('B6').value).toBe(title);

  // Move the first section down in the 章节 dialog: the list now starts with the second section.
  const firstSection = (await rows.first().locator('td').nth(3).innerText()).trim();
  await page.getByRole('button', { name: '章节', exact: true }).click();
  const sectionsDialog = page.getByRole('dialog', { name: '章节' });
  const secondSection = await sectionsDialog.getByLabel('第2章节名称').inputValue();
  await sectionsDialog.getByRole('button', { name: '下移' }).first().click();
  await expect(page.getByText('章节顺序已调整')).toBeVisible();
  await expect(sectionsDialog.getByLabel('第1章节名称')).toHaveValue(secondSection);
  await expect(sectionsDialog.getByLabel('第2章节名称')).toHaveValue(firstSection);
  await sectionsDialog.getByRole('button', { name: '关闭' }).last().click();
  await expect(rows.first().locator('td').nth(3)).toHaveText(secondSection);

  // Rename a section.
  await page.getByRole('button', { name: '章节', exact: true }).click();
  await page.getByLabel('第1章节名称').fill('加强用权公开');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).first().click();
  await expect(page.getByText('章节已更名')).toBeVisible();
  await page.getByRole('dialog').getByRole('button', { name: '关闭' }).last().click();
  await expect(rows.first().getByText('加强用权公开')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('plan.png'), fullPage: true });
});

test('plan: an empty database offers 载入示例数据 and shows a full year', async ({ app: page }) => {
  await completeSetup(page, year);
  await page.getByRole('menuitem', { name: '实施方案与任务' }).click();
  await page.getByRole('button', { name: '载入示例数据' }).click();
  await expect(page.getByText(/实施方案：\d+ 个章节、\d+ 项任务/)).toBeVisible();
  await page.getByRole('button', { name: /知道了|确定|OK/ }).click();
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').first()).toBeVisible();
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(
    page
      .locator('.ant-card')
      .filter({ hasText: '重点任务提醒' })
      .getByText(/逾期 [1-9]/),
  ).toBeVisible();
});
