// Issue 20 at 1366×768, the 信息公开 registers: Enter in a date field does not save a half-filled dialog and required
// choices are never stored unseen; dates after today are refused beside the field; the same application is asked
// about, naming the registered one; a 答复期限 running into a year without holiday data says so on the record, its
// light and the 办理 dialog (which follows the dates as they are typed); an import asks before any new 栏目 and says
// what it did per year, listing every row it did not take; the 行政复议 list follows the page's 统计年度.
import ExcelJS from 'exceljs';
import type { Locator, Page } from '@playwright/test';
import { packageDataYears } from '../../shared/domain/working-days';
import { addDays } from '../../shared/domain/working-days';
import { arrange, fillDate, openScreen, pick, pickIn, setUpBureau, today, year } from './arrange';
import { expect as baseExpect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });
// Each save recomputes the register's deadlines; on a machine shared by several builds that can take longer than 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });
const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const tomorrow = addDays(today, 1);

/** The message antd shows under a form field (error or warning), by the field's label. */
function fieldHelp(scope: Locator, label: string) {
  return scope.locator('.ant-form-item').filter({ has: scope.page().getByLabel(label, { exact: true }) });
}

async function openRegister(page: Page, tab: '信息发布登记' | '依申请公开') {
  await openScreen(page, '信息公开', { timeout: 15_000 });
  await page.getByRole('tab', { name: tab }).click();
}

test('登记发布信息: Enter in a date field confirms the date only; 栏目 and 渠道 must be chosen; a date after today is refused', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, year);
  await openRegister(page, '信息发布登记');
  await page.getByRole('button', { name: '登记发布信息' }).click();
  const dialog = page.getByRole('dialog', { name: '登记发布信息' });
  const title = dialog.getByLabel('标题', { exact: true });
  await expect(title).toBeFocused();
  await title.fill('关于开展科技活动周的通知');

  // Enter in the date field takes the typed date and closes the picker; the dialog stays, nothing is saved.
  await fillDate(dialog, '发布日期', tomorrow);
  await expect(dialog.getByLabel('发布日期', { exact: true })).toHaveValue(tomorrow);
  await expect(page.locator('.ant-picker-dropdown:visible')).toHaveCount(0);
  await expect(dialog).toBeVisible();
  // Beside the field, before anything is sent: a date after today cannot be a publication date.
  await expect(fieldHelp(dialog, '发布日期')).toContainText(`发布日期（${tomorrow}）在今天（${today}）之后`);
  // 栏目 and 渠道 open empty.
  await expect(fieldHelp(dialog, '栏目')).toContainText('请选择');
  await expect(fieldHelp(dialog, '发布渠道')).toContainText('请选择');

  // Enter in a plain text field tries to save: refused beside the fields, nothing stored.
  await title.press('Enter');
  await expect(fieldHelp(dialog, '栏目')).toContainText('请选择栏目');
  await expect(fieldHelp(dialog, '发布渠道')).toContainText('请选择发布渠道');
  await expect(dialog).toBeVisible();
  expect(await arrange(host, 'disclosure.publications', { year })).toHaveLength(0);

  // Enter in a select picks the option and the dialog stays open.
  await pick(page, '栏目', '通知公告');
  await expect(dialog).toBeVisible();
  await pick(page, '发布渠道', '门户网站');
  await expect(dialog).toBeVisible();
  await fillDate(dialog, '发布日期', today);
  await expect(fieldHelp(dialog, '发布日期')).not.toContainText('之后');
  await title.press('Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row').filter({ hasText: '关于开展科技活动周的通知' })).toContainText('通知公告');

  // A record dated in another year says where it went.
  await page.getByRole('button', { name: '登记发布信息' }).click();
  await dialog.getByLabel('标题', { exact: true }).fill('上年的总结');
  await fillDate(dialog, '发布日期', `${year - 1}-12-30`);
  await expect(fieldHelp(dialog, '发布日期')).toContainText(`发布日期在${year - 1}年，保存后列在${year - 1}年的登记中`);
  await pick(page, '栏目', '工作动态');
  await pick(page, '发布渠道', '门户网站');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText(`日期在${year - 1}年，记录列在${year - 1}年的登记中（当前查看${year}年）`)).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: '上年的总结' })).toHaveCount(0);
});

test('依申请公开: dates after today are refused beside the field; the same application is asked about, naming the registered one', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, year);
  await arrange(host, 'disclosure.createRequest', {
    receivedDate: today,
    applicant: '张三',
    applicantType: '自然人',
    method: '邮寄',
    content: '本县科技创新券兑付名单',
  });
  await openRegister(page, '依申请公开');
  await page.getByRole('button', { name: '登记申请' }).click();
  const dialog = page.getByRole('dialog', { name: '登记政府信息公开申请' });
  await fillDate(dialog, '收到日期', tomorrow);
  await expect(dialog).toBeVisible();
  await expect(fieldHelp(dialog, '收到日期')).toContainText(`收到日期（${tomorrow}）在今天（${today}）之后`);
  await dialog.getByLabel('申请人', { exact: true }).fill('张三');
  await dialog.getByLabel('申请内容').fill('本县科技创新券兑付名单');
  await pick(page, '申请人类型', '自然人');
  await pick(page, '申请方式', '邮寄');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeVisible();
  expect(await arrange(host, 'disclosure.requests', { year })).toHaveLength(1);

  await fillDate(dialog, '收到日期', today);

  // The same 收到日期, 申请人 and 内容: the question names the registered one; 返回修改 keeps the dialog.
  await dialog.getByRole('button', { name: '保存' }).click();
  const same = page.getByRole('dialog', { name: '已登记过同一申请' });
  await expect(same).toContainText(`已登记过同一申请：${today} 收到的张三的申请“本县科技创新券兑付名单”（办理中）`);
  await same.getByRole('button', { name: '返回修改' }).click();
  await expect(dialog).toBeVisible();
  expect(await arrange(host, 'disclosure.requests', { year })).toHaveLength(1);
  // 仍然登记: kept as a second application.
  await dialog.getByRole('button', { name: '保存' }).click();
  await same.getByRole('button', { name: '仍然登记' }).click();
  await expect(dialog).toBeHidden();
  const rows = page.getByRole('row').filter({ hasText: '张三' });
  await expect(rows).toHaveCount(2);

  // An answer dated after today is refused the same way.
  await rows.first().getByRole('button', { name: '办理' }).click();
  const handling = page.getByRole('dialog', { name: '办理申请：张三' });
  await fillDate(handling, '答复日期', tomorrow);
  await pick(page, '办理结果', '予以公开');
  await expect(fieldHelp(handling, '答复日期')).toContainText(`答复日期（${tomorrow}）在今天（${today}）之后`);
  await handling.getByRole('button', { name: '保存' }).click();
  await expect(handling).toBeVisible();
  expect((await arrange(host, 'disclosure.requests', { year })).filter((r) => r.answeredDate)).toHaveLength(0);
});

test('a 答复期限 into a year without holiday data warns on the record, its light and the 办理 dialog, and points to 设置', async ({
  app: page,
  host,
}) => {
  const last = packageDataYears().at(-1)!;
  // A Friday in the package's last December (on or before today, December 2026): its 20 working days end on 1 January
  // when the next year's holidays are unknown, on the 4th once 元旦 is entered.
  const received = `${last}-12-04`;
  await setUpBureau(host, page, last);
  await arrange(host, 'disclosure.createRequest', {
    receivedDate: received,
    applicant: '李四',
    applicantType: '商业企业',
    method: '网络平台',
    content: '高新技术企业认定名单',
  });
  await openRegister(page, '依申请公开');
  const row = page.getByRole('row').filter({ hasText: '李四' });
  // The due date lies in the next year, which the built-in calendar does not know.
  await expect(row.getByRole('cell').nth(4)).toHaveText(`${last + 1}-01-01`);
  await expect(row.getByText('节假日未录入')).toBeVisible();
  await row.getByText('节假日未录入').hover();
  await expect(page.getByRole('tooltip')).toContainText(`工作日历缺少${last + 1}年的放假安排`);

  await row.getByRole('button', { name: '办理' }).click();
  const dialog = page.getByRole('dialog', { name: '办理申请：李四' });
  const banner = dialog.getByRole('status', { name: '答复期限' });
  await expect(banner).toContainText(`工作日历缺少${last + 1}年的放假安排，此期限暂按周一至周五计算`);
  // The banner follows the dates as they are typed, before saving: with a 补正 not yet answered the clock stops.
  await dialog.getByRole('button', { name: '补正告知' }).click();
  await fillDate(dialog, '补正告知日期', received);
  await expect(banner).toContainText('答复期限：暂停计时');
  await dialog.getByText('移除', { exact: true }).click();
  await expect(banner).not.toContainText('暂停计时');
  await banner.getByRole('button', { name: '去设置' }).click();
  // The dialog had a change (the 补正 added and removed leaves the form as it was): no question, 设置 opens.
  await expect(page.getByRole('heading', { name: '设置' })).toBeVisible();
  const card = page.locator('.ant-card').filter({ hasText: '工作日历与任务预警' });
  await expect(card).toContainText(`${last + 1}年：缺少放假安排`);
  await card.getByLabel('自定放假与调休').fill(`${last + 1}-01-01 休 元旦`);
  await card.getByRole('button', { name: '保存工作日历' }).click();
  await expect(card).toContainText(`${last + 1}年：手工录入`);
  await openRegister(page, '依申请公开');
  await expect(row.getByRole('cell').nth(4)).toHaveText(`${last + 1}-01-04`);
  await expect(row.getByText('节假日未录入')).toHaveCount(0);
});

async function publicationsFile(rows: (string | number)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('信息列表');
  ws.addRow(['标题', '发布时间', '所属栏目']);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('信息发布 import: a new 栏目 is mapped before anything is stored; the result says per year and lists every row not taken', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, year);
  await openRegister(page, '信息发布登记');
  const rows: (string | number)[][] = [
    [`${year - 2}年工作总结`, `${year - 2}-12-28`, '工作动态'],
    [`${year - 1}年科普活动`, `${year - 1}-05-06`, '部门动态'],
    [`${year - 1}年项目申报通知`, `${year - 1}-03-02`, '通知公告'],
    [`${year}年科技周`, `${year}-05-20`, '部门动态'],
    [`${year}年科技周`, `${year}-05-20`, '部门动态'],
    ['明天的消息', tomorrow, '工作动态'],
    ...Array.from({ length: 24 }, (_, i) => [`坏日期${i + 1}`, '某月某日', '工作动态']),
  ];
  const buffer = await publicationsFile(rows);
  await page
    .locator('.ant-upload input[type=file]')
    .first()
    .setInputFiles({ name: '网站信息.xlsx', mimeType: XLSX_MIME, buffer });
  const mapping = page.getByRole('dialog', { name: '对应栏目' });
  await expect(mapping).toContainText('部门动态（3条）');
  expect(await arrange(host, 'disclosure.publications', { year })).toHaveLength(0);
  await expect(mapping.getByRole('button', { name: '导入' })).toBeDisabled();
  await pickIn(page, mapping, '“部门动态”对应的栏目', '工作动态');
  await mapping.getByRole('button', { name: '导入' }).click();

  const result = page.getByRole('dialog', { name: '导入结果' });
  await expect(result).toContainText(`已导入 4 条：${year - 2}年1条、${year - 1}年2条、${year}年1条。`);
  await expect(result).toContainText(`不在当前查看的${year}年`);
  // The rows named are those of the sheet it read.
  await expect(result).toContainText('行号是工作表“信息列表”中的行号');
  await expect(result.getByRole('list', { name: '跳过 1 条（重复）：' }).getByRole('listitem')).toHaveCount(1);
  // Every refused row is listed, not the first few.
  const refused = result.getByRole('list', { name: '无法导入 25 条：' }).getByRole('listitem');
  await expect(refused).toHaveCount(25);
  await expect(refused.last()).toContainText(`第${rows.length + 1}行`);
  await expect(refused.first()).toContainText(`发布日期（${tomorrow}）在今天（${today}）之后`);
  await result.getByRole('button', { name: '知道了' }).click();
  await expect(result).toBeHidden();

  // No 栏目 was created; the 年报 lists only the 公开目录's own.
  const names = (await arrange(host, 'disclosure.columns')).map((c) => c.name);
  expect(names).not.toContain('部门动态');
  const report = await arrange(host, 'disclosure.report', { year });
  expect(JSON.stringify(report.sections)).not.toContain('部门动态');

  // The same file again: nothing new, and the dialog (not a passing message) lists every row.
  await page
    .locator('.ant-upload input[type=file]')
    .first()
    .setInputFiles({ name: '网站信息.xlsx', mimeType: XLSX_MIME, buffer });
  const none = page.getByRole('dialog', { name: '没有导入任何记录' });
  await expect(none).toContainText('“网站信息.xlsx”中没有可以导入的新记录');
  await expect(none.getByRole('list', { name: '跳过 5 条（重复）：' }).getByRole('listitem')).toHaveCount(5);
  await expect(none.getByRole('list', { name: '无法导入 25 条：' }).getByRole('listitem')).toHaveCount(25);
});

test('the 行政复议 list follows the page’s 统计年度, which says when it differs from the header’s 工作年度', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, year);
  const r = await arrange(host, 'disclosure.createRequest', {
    receivedDate: `${year - 1}-03-02`,
    applicant: '王五',
    applicantType: '自然人',
    method: '邮寄',
    content: '某项目资金',
    answeredDate: `${year - 1}-03-20`,
    result: '三.一',
  });
  await arrange(host, 'disclosure.saveReview', {
    id: null,
    requestId: r.id,
    kind: '行政复议',
    filedDate: `${year - 1}-04-01`,
    result: '维持',
    decidedDate: `${year - 1}-06-01`,
  });
  await openRegister(page, '依申请公开');
  const reviews = page.locator('.ant-card').filter({ hasText: '行政复议、行政诉讼' });
  await expect(reviews).toContainText('没有复议或诉讼');
  await expect(page.getByText(`不是工作年度（${year}年）`)).toHaveCount(0);
  await page.getByLabel('统计年度').fill(String(year - 1));
  await page.getByLabel('统计年度').press('Enter');
  await expect(reviews.getByRole('row').filter({ hasText: `${year - 1}-04-01` })).toBeVisible();
  await expect(page.getByText(`不是工作年度（${year}年）`)).toBeVisible();
  await page.getByRole('button', { name: `回到${year}年` }).click();
  await expect(page.getByLabel('统计年度')).toHaveValue(String(year));
  await expect(reviews).toContainText('没有复议或诉讼');
});
