import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import type { StaffStatus } from '../../shared/domain/org';
import { addDays, addWorkingDays, createWorkingDayCalendar, packageDataYears } from '../../shared/domain/working-days';
import { formatChineseDate } from '../../shared/domain/dates';
import type { WebHost } from '../../main/web/server';
import { arrange, fillDate, openScreen, pick, saved, seedStaff, setUpBureau, today, year } from './arrange';
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

async function staffId(host: WebHost, name: string): Promise<number> {
  return (await arrange(host, 'staff.list')).find((s) => s.name === name)!.id;
}

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
  await expect(page.getByText(`请于${formatChineseDate(due)}前报备案`)).toBeVisible();
  await expect(row().getByText('王五', { exact: true })).toBeVisible();

  await page.getByRole('menuitem', { name: '首页' }).click();
  const card = page.locator('.ant-card').filter({ hasText: 'AB岗与备案' });
  await expect(card.getByText(`待备案，截止${formatChineseDate(due)}`)).toBeVisible();

  await page.getByRole('menuitem', { name: 'AB岗' }).click();
  await page.getByRole('button', { name: '登记备案' }).click();
  await page.getByRole('dialog').getByLabel('备案单位').fill('县政务公开领导小组办公室');
  await page.getByRole('dialog').getByLabel('备案文号').fill('县科技局〔2026〕5号');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已备案')).toBeVisible();

  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(card.getByText('政务公开联络员')).toHaveCount(0);
  await expect(card.getByText(`截止${formatChineseDate(due)}`)).toHaveCount(0);

  // The history keeps both periods.
  await page.getByRole('menuitem', { name: 'AB岗' }).click();
  await row().getByRole('button', { name: '历史' }).click();
  await expect(page.getByText(`张三：`)).toBeVisible();
  await expect(page.getByText(`王五：${formatChineseDate(today)}至今`)).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('team-ab.png'), fullPage: true });
  const history = page.getByRole('dialog', { name: /任职历史/ });
  await history.getByRole('button', { name: '关闭' }).click();
  // Gone before 更多 is clicked: a click during its closing left the 更多 menu shut (failed once in CI).
  await expect(history).toHaveCount(0);

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
  // The home screen's card says it too; that screen is still in the page, hidden (renderer/kept-screens.tsx).
  await expect(page.getByText('年度培训要求未达到').filter({ visible: true })).toBeVisible();

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
  // 参训人员 by name, then 缺席人员.
  expect(sheet.getRow(4).getCell(11).value).toBe('张三、王五');
  expect(sheet.getRow(4).getCell(12).value).toBe('李四');

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
  await expect(page.getByText('年度培训要求已达到').filter({ visible: true })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('team-demo-training.png'), fullPage: true });
});

test('a 备案 due date counted into a year without holiday data is tagged on the home screen and AB岗; the tag and its 去设置 open the 工作日历 card; entering the year counts it again', async ({
  app: page,
  host,
}) => {
  // The built-in data's last year (2026 today) and the next, which it does not know.
  const last = packageDataYears().at(-1)!;
  const unknown = last + 1;
  await setUpBureau(host, page, last);
  await seedStaff(host, ...PEOPLE);
  const postId = (await arrange(host, 'ab.posts')).find((p) => p.name === '政务公开联络员')!.id;
  await arrange(host, 'ab.assign', {
    postId,
    role: 'A',
    staffId: await staffId(host, '张三'),
    startDate: `${last}-01-05`,
  });
  // Changed on the 28th: at most three working days are left in December, so the fifth falls in January.
  const changeDate = `${last}-12-28`;
  await arrange(host, 'ab.change', {
    postId,
    role: 'A',
    toStaffId: await staffId(host, '王五'),
    changeDate,
    reason: '工作调整',
    handover: { date: changeDate, items: '政务公开工作台账', transitionEnd: null, note: '' },
  });
  const weekdaysOnly = addWorkingDays(changeDate, 5, createWorkingDayCalendar());
  const newYear = addWorkingDays(`${last}-12-31`, 1, createWorkingDayCalendar());
  const entered = addWorkingDays(changeDate, 5, createWorkingDayCalendar([{ date: newYear, kind: 'holiday' }]));
  expect(entered).not.toBe(weekdaysOnly);

  // 首页: the AB card's line and the date coming up both carry the tag. The change was arranged behind the screen's
  // back: reload so the home screen asks for it rather than showing the answers it kept.
  await page.reload();
  await openScreen(page, '首页');
  const abCard = page.locator('.ant-card').filter({ hasText: 'AB岗与备案' });
  await expect(abCard.getByRole('alert').filter({ hasText: `截止${formatChineseDate(weekdaysOnly)}` })).toContainText(
    '节假日未录入',
  );
  const upcoming = page.locator('.ant-card').filter({ hasText: '近期时间节点' });
  const dated = upcoming.getByRole('listitem').filter({ hasText: '人员变动备案截止' });
  await expect(dated).toContainText('节假日未录入');
  // The tag itself is a link to the 工作日历 card.
  await dated.getByRole('link', { name: '节假日未录入' }).click();
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/settings/calendar');

  // AB岗: beside the 备案截止 of the change, saying which year lacks data.
  await openScreen(page, 'AB岗');
  const change = page
    .locator('.ant-card')
    .filter({ hasText: '人员变动与备案' })
    .getByRole('row', { name: /政务公开联络员/ });
  await expect(change).toContainText(weekdaysOnly);
  const tag = change.getByRole('link', { name: '节假日未录入' });
  await tag.hover();
  const note = page.getByRole('tooltip').filter({ hasText: `工作日历缺少${unknown}年的放假安排` });
  await note.getByRole('button', { name: '去设置' }).click();
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  expect(new URL(page.url()).hash).toBe('#/settings/calendar');
  const calendar = page.locator('#settings-calendar');
  await expect(calendar).toBeInViewport();
  await expect(calendar).toContainText(`${unknown}年：缺少放假安排`);

  // Entering the year counts the stored due date again, and says so.
  await calendar.getByLabel('自定放假与调休').fill(`${newYear} 休 元旦`);
  await calendar.getByRole('button', { name: '保存工作日历' }).click();
  await expect(
    page.getByText(
      `备案截止日期按新的工作日历改为${formatChineseDate(entered)}（原为${formatChineseDate(weekdaysOnly)}）`,
    ),
  ).toBeVisible();
  await openScreen(page, 'AB岗');
  await expect(change).toContainText(entered);
  await expect(change.getByText('节假日未录入')).toHaveCount(0);
});
