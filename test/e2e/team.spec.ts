import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import type { StaffStatus } from '../../shared/domain/org';
import { addDays, addWorkingDays } from '../../shared/domain/working-days';
import { fillDate, openScreen, pick, saved, seedStaff, today, year } from './arrange';
import { completeSetup, expect, test } from './fixtures';

/** People to work with: one of them has left (离岗) and must not be offered. */
const PEOPLE: [string[], [string, string, string, StaffStatus?][]] = [
  ['办公室', '高新科'],
  [
    ['张三', '办公室', '主任'],
    ['李四', '办公室', '科员'],
    ['王五', '高新科', '科长'],
    ['赵六', '高新科', '科员'],
    ['钱七', '办公室', '科员', '离岗'],
  ],
];

async function pickMany(page: Page, label: string, options: string[]) {
  for (const o of options) await pick(page, label, o);
}

test('AB posts: change the A holder with a handover, the 备案 due date shows on the home screen until it is filed', async ({
  app: page,
  host,
}) => {
  await completeSetup(page, year);
  await seedStaff(host, ...PEOPLE);
  await openScreen(page, 'AB岗');
  await expect(page.getByRole('alert').filter({ hasText: '7个岗位尚未配齐A岗和B岗' })).toContainText('政务公开联络员');

  const row = () =>
    page
      .locator('.ant-card')
      .filter({ hasText: '岗位设置' })
      .getByRole('row', { name: /政务公开联络员/ });
  await row().getByRole('button', { name: '设置A岗' }).click();
  await pick(page, 'A岗人员', '张三（办公室）');
  await fillDate(page.getByRole('dialog'), '任职开始日期', `${year}-01-05`);
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(row().getByText('张三', { exact: true })).toBeVisible();
  await row().getByRole('button', { name: '设置B岗' }).click();
  await pick(page, 'B岗人员', '李四（办公室）');
  await fillDate(page.getByRole('dialog'), '任职开始日期', `${year}-01-05`);
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(row().getByText('李四', { exact: true })).toBeVisible();
  await expect(page.getByText(/^6个岗位尚未配齐A岗和B岗：/)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '尚未配齐' })).not.toContainText('政务公开联络员');

  // One guided step: who takes over, the handover record; the service computes the 备案 due date.
  await row().getByRole('button', { name: '人员变动' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByText('张三（')).toBeVisible();
  await pick(page, '接任人员', '王五（高新科）');
  await dialog.getByLabel('交接事项').fill('政务公开工作台账\n信息报送账号');
  // Overlapping periods are refused with a clear message and nothing changes.
  await fillDate(page.getByRole('dialog'), '变动日期', `${year}-01-02`);
  await dialog.getByRole('button', { name: '保存变动' }).click();
  await expect(page.getByText(`变动日期（${year}-01-02）必须晚于张三任职开始日期（${year}-01-05）`)).toBeVisible();
  expect((await host.workstation.context().db.selectFrom('ab_change').selectAll().execute()).length).toBe(0);
  await fillDate(page.getByRole('dialog'), '变动日期', today);
  await dialog.getByRole('button', { name: '保存变动' }).click();
  const due = addWorkingDays(today, 5);
  await expect(page.getByText(`请于 ${due} 前报备案`)).toBeVisible();
  await expect(row().getByText('王五', { exact: true })).toBeVisible();

  await page.getByRole('menuitem', { name: '首页' }).click();
  const card = page.locator('.ant-card').filter({ hasText: 'AB岗与备案' });
  await expect(card.getByText(`待备案，截止 ${due}`)).toBeVisible();

  await page.getByRole('menuitem', { name: 'AB岗' }).click();
  await page.getByRole('button', { name: '登记备案' }).click();
  await page.getByRole('dialog').getByLabel('备案单位').fill('县政务公开领导小组办公室');
  await page.getByRole('dialog').getByLabel('备案文号').fill('县科技局〔2026〕5号');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已备案')).toBeVisible();

  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(card.getByText('政务公开联络员')).toHaveCount(0);
  await expect(card.getByText(`截止 ${due}`)).toHaveCount(0);

  // The history keeps both periods.
  await page.getByRole('menuitem', { name: 'AB岗' }).click();
  await row().getByRole('button', { name: '历史' }).click();
  await expect(page.getByText(`张三：`)).toBeVisible();
  await expect(page.getByText(`王五：${today} 至 今`)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('team-ab.png'), fullPage: true });
  await page
    .getByRole('dialog', { name: /任职历史/ })
    .getByRole('button', { name: '关闭' })
    .click();

  // B steps down without a successor: the role becomes vacant and the warning comes back.
  await row().getByRole('button', { name: '更多' }).click();
  await page.getByRole('menuitem', { name: 'B岗卸任（李四）' }).click();
  // Holdings are read as of today: with yesterday as the last day the role is vacant today.
  await fillDate(page.getByRole('dialog'), '李四任职的最后一天', addDays(today, -1));
  await page.getByRole('dialog').getByRole('button', { name: '确认卸任' }).click();
  await expect(row().getByText('空缺')).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: '7个岗位尚未配齐A岗和B岗' })).toContainText('政务公开联络员');
});

test('training: record one with attendees, the requirement turns met, download the ledger and the sign-in sheet', async ({
  app: page,
  host,
}) => {
  await completeSetup(page, year);
  await seedStaff(host, ...PEOPLE);
  await page.getByRole('menuitem', { name: '培训' }).click();
  await expect(page.getByText('年度培训要求未达到')).toBeVisible();

  await page.getByRole('button', { name: '新增培训' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('培训名称').fill('政务公开条例专题培训会');
  await dialog.getByLabel('授课人').fill('县政务公开办 刘老师');
  await dialog.getByLabel('地点').fill('三楼会议室');
  await pickMany(page, '参训人员', ['张三（办公室）', '李四（办公室）', '王五（高新科）']);
  // Someone who has left cannot be picked.
  await dialog.getByLabel('参训人员', { exact: true }).click();
  await expect(page.locator('.ant-select-dropdown:visible').getByTitle('钱七（办公室）')).toHaveCount(0);
  await dialog.locator('.ant-modal-title').click();
  await pickMany(page, '缺席人员', ['李四（办公室）']);

  // Bad input: no hours, then hours ≤ 0; nothing is saved.
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('请填写学时')).toBeVisible();
  await dialog.getByLabel('学时').fill('0');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('学时必须大于0')).toBeVisible();
  // A future date marked 已举办 is refused too.
  await dialog.getByLabel('学时').fill('2');
  const future = addDays(today, 10);
  await fillDate(page.getByRole('dialog'), '培训日期', future);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`培训日期 ${future} 晚于今天`)).toBeVisible();
  expect((await host.workstation.context().db.selectFrom('training').selectAll().execute()).length).toBe(0);

  await fillDate(page.getByRole('dialog'), '培训日期', today);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: '政务公开条例专题培训会', exact: true })).toBeVisible();
  await expect(page.getByText('年度培训要求已达到')).toBeVisible();
  await expect(page.getByRole('cell', { name: '2/3人' })).toBeVisible();

  // Materials and photos are attached to the training (stored in the database).
  await page.getByRole('button', { name: '材料照片（0）' }).click();
  const files = page.getByRole('dialog');
  await files
    .locator('input[type=file]')
    .nth(1)
    .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') });
  await expect(files.getByText('现场照片.png')).toBeVisible();
  // A wrong file is removed after a confirmation, and the right one added again.
  await files.getByRole('listitem').filter({ hasText: '现场照片.png' }).getByRole('button', { name: '删除' }).click();
  await page.getByRole('tooltip').getByRole('button', { name: '删除' }).click();
  await expect(files.getByText('现场照片.png')).toHaveCount(0);
  await files
    .locator('input[type=file]')
    .nth(1)
    .setInputFiles({ name: '现场照片.png', mimeType: 'image/png', buffer: Buffer.from('89504e470d0a1a0a', 'hex') });
  await expect(files.getByText('现场照片.png')).toBeVisible();
  await files.getByRole('button', { name: '关闭' }).first().click();
  await expect(page.getByRole('button', { name: '材料照片（1）' })).toBeVisible();

  // The ledger.
  const [ledgerDl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出培训台账' }).click(),
  ]);
  expect(ledgerDl.suggestedFilename()).toBe(`${year}年培训台账.xlsx`);
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await saved(ledgerDl)) as unknown as ArrayBuffer);
  const sheet = wb.getWorksheet('培训台账')!;
  expect(sheet.getCell('A1').value).toBe(`某县科学技术局${year}年政务公开培训台账`);
  expect(sheet.getRow(4).getCell(3).value).toBe('政务公开条例专题培训会');
  expect(sheet.getRow(4).getCell(9).value).toBe(2);
  expect(sheet.getRow(4).getCell(10).value).toBe(2);
  expect(sheet.getRow(4).getCell(11).value).toBe('李四');

  // The sign-in sheet.
  const [signDl] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '签到表' }).click(),
  ]);
  expect(signDl.suggestedFilename()).toMatch(/^签到表_政务公开条例专题培训会_.*\.docx$/);
  const zip = await JSZip.loadAsync(await saved(signDl));
  const xml = await zip.file('word/document.xml')!.async('string');
  const text = [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');
  for (const s of ['签到表', '序号', '姓名', '科室', '职务', '签名', '张三', '李四', '王五']) expect(text).toContain(s);

  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page.locator('.ant-card').filter({ hasText: '年度培训' }).getByText('年度培训要求已达到')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('team-home.png'), fullPage: true });
});

test('example data: B is shown acting while A is away, and the pending 备案 is on the home screen', async ({
  app: page,
  host,
}) => {
  const { loadDemo } = await import('../../main/services/demo');
  await loadDemo(host.workstation.context());
  await page.reload();
  await page.getByRole('menuitem', { name: 'AB岗' }).click();
  const row = page
    .locator('.ant-card')
    .filter({ hasText: '岗位设置' })
    .getByRole('row', { name: /网站与政务新媒体管理员/ });
  await expect(row.getByText(/^出差至/)).toBeVisible();
  await expect(row.getByText('代岗中')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('team-demo-ab.png'), fullPage: true });
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(
    page
      .locator('.ant-card')
      .filter({ hasText: 'AB岗与备案' })
      .getByText(/“政务公开联络员”A岗由.*待备案，截止/),
  ).toBeVisible();
  await page.getByRole('menuitem', { name: '培训' }).click();
  await expect(page.getByText('年度培训要求已达到')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('team-demo-training.png'), fullPage: true });
});
