// People fields and the 核对 at 1366×768: a person field picks a staff member and accepts a typed outsider, marked
// 非本单位人员名单; the 年度核对 screen lists that outsider and the 年报's missing contact lines, each with where to fix
// it; exporting the 年报 names its open findings first and still delivers the file when the user goes on.
import { arrange, openScreen, pick, pickPerson, seedStaff, setUpBureau, year } from './arrange';
import { expect as baseExpect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });
const expect = baseExpect.configure({ timeout: 15_000 });

test('a person field picks a staff member or a marked outsider, and the 核对 lists the outsider', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, year);
  await seedStaff(
    host,
    ['办公室'],
    [
      ['王芳', '办公室', '网站信息发布员'],
      ['李静', '办公室', '政务公开联络员'],
    ],
  );
  await openScreen(page, '信息公开', { timeout: 20_000 });
  await page.getByRole('button', { name: '登记发布信息' }).click();
  const dialog = page.getByRole('dialog', { name: '登记发布信息' });
  await dialog.getByLabel('标题').fill('县科技局开展科技活动周宣传活动');
  // 栏目 and 渠道 open empty: they are chosen, never left at a default nobody looked at.
  await pick(page, '栏目', '通知公告');
  await pick(page, '发布渠道', '门户网站');
  await pickPerson(page, dialog, '拟稿人', '王芳');
  await pickPerson(page, dialog, '签发人', '李静');
  await pickPerson(page, dialog, '审核人（保密审查）', '外聘专家甲', { outsider: true });
  // The staff members show as names; the outsider carries the tag.
  const field = (label: string) =>
    dialog.locator('.ant-form-item').filter({ has: page.getByLabel(label, { exact: true }) });
  await expect(field('拟稿人')).toContainText('王芳');
  await expect(field('拟稿人')).not.toContainText('非本单位人员名单');
  await expect(field('审核人（保密审查）')).toContainText('外聘专家甲');
  await expect(field('审核人（保密审查）')).toContainText('非本单位人员名单');
  await page.screenshot({ path: test.info().outputPath('person-field.png') });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  // Stored as the names typed.
  const [p] = await arrange(host, 'disclosure.publications', { year });
  expect([p.drafter, p.reviewer, p.approver]).toEqual(['王芳', '外聘专家甲', '李静']);

  // The 核对 lists the outsider with a way to the register.
  await openScreen(page, '年度核对');
  const table = page.getByLabel('核对发现的问题');
  const row = table.getByRole('row').filter({ hasText: '外聘专家甲' });
  await expect(row).toContainText('人员不在名单中');
  await expect(row).toContainText('信息发布登记的审核人“外聘专家甲”不在人员名单中');
  await row.getByRole('button', { name: '去信息发布登记修改' }).click();
  await expect(page.getByRole('tab', { name: '信息发布登记', selected: true })).toBeVisible();
});

test('the 年报 export names its open findings first, and exports when the user goes on', async ({
  app: page,
  host,
}) => {
  // A bureau without 地址, 邮编, 网站: the 年报's 引言 lacks its contact lines.
  await setUpBureau(host, page, year);
  await openScreen(page, '信息公开', { timeout: 20_000 });
  await page.getByRole('tab', { name: '年度报告' }).click();
  await page.getByRole('button', { name: '年度核对' }).click();
  await expect(page.getByRole('heading', { name: '年度核对' })).toBeVisible();
  const finding = page.getByLabel('核对发现的问题').getByRole('row').filter({ hasText: '联系信息未填写' });
  await expect(finding).toContainText('地址、邮政编码、联系电话、网站（政府信息公开专栏）还没有填写');
  await page.screenshot({ path: test.info().outputPath('yearcheck.png') });

  await page.getByRole('menuitem', { name: '信息公开' }).click();
  await page.getByRole('tab', { name: '年度报告' }).click();
  await page.getByRole('button', { name: '导出年度报告（Word）' }).click();
  const ask = page.getByRole('dialog').filter({ hasText: '项核对问题尚未解决' });
  await expect(ask).toContainText(`${year}年政府信息公开工作年度报告有 1 项核对问题尚未解决`);
  await expect(ask).toContainText('【联系信息未填写】单位信息中地址');
  await page.screenshot({ path: test.info().outputPath('export-findings.png') });
  // 取消: nothing is delivered.
  await ask.getByRole('button', { name: '取消' }).click();
  await expect(ask).toBeHidden();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出年度报告（Word）' }).click();
  await page
    .getByRole('dialog')
    .filter({ hasText: '项核对问题尚未解决' })
    .getByRole('button', { name: '仍然导出' })
    .click();
  expect((await download).suggestedFilename()).toBe(`${year}年政府信息公开工作年度报告.docx`);
});
