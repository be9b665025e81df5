// 信息公开 at 1366×768: register an application, pause it for 补正, answer it, and see table 三 of the annual report
// change; the home card shows the open application meanwhile. The settings cards (one shared card) save and read
// back, and a refused new column keeps the name the user typed.
import type { Page } from '@playwright/test';
import { fillDate, openScreen, pick, today, year } from './arrange';
import { completeSetup, expect as baseExpect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });
// Each save recomputes the register's deadlines and the report; on a machine shared by several builds that can take
// longer than the default 5 s.
const expect = baseExpect.configure({ timeout: 15_000 });

/** The 总计 cell of a table 三 row on the report tab. */
function table3Total(page: Page, label: string) {
  return page.getByLabel('表三').getByRole('row').filter({ hasText: label }).first().getByRole('cell').last();
}

test('an application paused for 补正 and answered changes table 三 of the annual report', async ({ app: page }) => {
  await completeSetup(page, year);
  await openScreen(page, '信息公开', { timeout: 15_000 });
  await page.getByRole('tab', { name: '年度报告' }).click();
  await expect(table3Total(page, '（一）予以公开')).toHaveText('0');
  await expect(table3Total(page, '一、本年新收政府信息公开申请数量')).toHaveText('0');

  // Register.
  await page.getByRole('tab', { name: '依申请公开' }).click();
  await expect(page.getByText(`${year} 年还没有政府信息公开申请`)).toBeVisible();
  await page.getByRole('button', { name: '登记申请' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog.getByLabel('申请人', { exact: true })).toBeFocused();
  await fillDate(page.getByRole('dialog'), '收到日期', today);
  await dialog.getByLabel('申请人', { exact: true }).fill('张三');
  await dialog.getByLabel('申请内容').fill('本县科技创新券兑付名单');
  // 申请人类型 and 申请方式 open empty: a guess would be counted in 表三 unseen.
  await pick(page, '申请人类型', '自然人');
  await pick(page, '申请方式', '网络平台');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  const row = page.getByRole('row').filter({ hasText: '张三' });
  await expect(row).toContainText('正常');
  await expect(row).toContainText('办理中');

  // Pause for 补正: the clock stops.
  await row.getByRole('button', { name: '办理' }).click();
  await dialog.getByRole('button', { name: '补正告知' }).click();
  await fillDate(page.getByRole('dialog'), '补正告知日期', today);
  await dialog.getByLabel('需补正的事项').fill('请明确所需信息的年度');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('暂停计时');

  // The home card lists it.
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page.locator('.ant-card').filter({ has: page.getByText('打开依申请公开') })).toContainText('张三');
  await page.getByRole('menuitem', { name: '信息公开' }).click();
  await page.getByRole('tab', { name: '依申请公开' }).click();

  // The 补正 arrives and the application is answered.
  await row.getByRole('button', { name: '办理' }).click();
  await expect(dialog).toContainText('等待申请人补正');
  await fillDate(page.getByRole('dialog'), '补正收到日期', today);
  await fillDate(page.getByRole('dialog'), '答复日期', today);
  await pick(page, '办理结果', '予以公开');
  // The 答复书 says how the information is provided: 载体形式, 获取方式, 时间.
  await pick(page, '载体形式', '电子');
  await pick(page, '获取方式', '电子邮件');
  await fillDate(page.getByRole('dialog'), '提供时间', today);
  await page.screenshot({ path: test.info().outputPath('request-dialog.png') });
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(row).toContainText('按期办结');
  await expect(row).toContainText('予以公开');

  // Table 三 has counted it.
  await page.getByRole('tab', { name: '年度报告' }).click();
  await expect(table3Total(page, '（一）予以公开')).toHaveText('1');
  await expect(table3Total(page, '一、本年新收政府信息公开申请数量')).toHaveText('1');
  await expect(table3Total(page, '（七）总计')).toHaveText('1');
  // A first year on the workstation: no 上年 report data to work 现行有效 out from, so the tab asks for it.
  await expect(page.getByText('“行政规范性文件 现行有效件数”未填写')).toBeVisible();
  const inForce = page.getByLabel('规范性文件 现行有效');
  await expect(page.getByText('没有上年数据，请填写（没有的填0）')).toBeVisible();
  await inForce.fill('0');
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('表三、表四的勾稽关系全部成立')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('report-tab.png') });
});

test('the 信息公开 and AB岗 settings cards save and read back; a refused new column keeps its typed name', async ({
  app: page,
}) => {
  await completeSetup(page, year);
  await page.getByRole('menuitem', { name: '设置' }).click();
  const disclosureCard = page.locator('.ant-card').filter({ hasText: '政府信息公开年度报告' });
  const due = disclosureCard.getByLabel('上年度年报报送日期');
  await expect(disclosureCard.locator('.ant-select-content, .ant-select-selection-item').first()).toHaveText('1月31日');
  await due.click();
  await due.pressSequentially('1月20日');
  await page.locator('.ant-select-item-option-active').filter({ hasText: '1月20日' }).waitFor();
  await due.press('Enter');
  await disclosureCard.getByRole('button', { name: '保存' }).click();
  await expect(page.locator('.ant-message').getByText('已保存')).toBeVisible();

  // Enter in a one-line field saves the AB岗 card.
  const teamCard = page.locator('.ant-card').filter({ hasText: 'AB岗备案与年度培训要求' });
  const filing = teamCard.getByLabel('人员变动后报备案的期限（工作日）');
  await expect(filing).toHaveValue('5');
  await filing.fill('7');
  await filing.press('Enter');
  await expect(page.locator('.ant-message').getByText('已保存').last()).toBeVisible();

  await page.reload();
  await page.getByRole('menuitem', { name: '设置' }).click();
  await expect(disclosureCard.getByText('1月20日')).toBeVisible();
  await expect(filing).toHaveValue('7');

  // 管理栏目: a duplicate is refused with the service's sentence and the typed name stays to be corrected.
  await page.getByRole('menuitem', { name: '信息公开' }).click();
  await page.getByRole('button', { name: '管理栏目' }).click();
  const columns = page.getByRole('dialog', { name: '公开目录（栏目）' });
  const name = columns.getByPlaceholder('新栏目名称');
  await name.fill('政策文件');
  await columns.getByRole('button', { name: '添加' }).click();
  await expect(page.locator('.ant-message').getByText('已有名为“政策文件”的栏目。')).toBeVisible();
  await expect(name).toHaveValue('政策文件');
  await name.fill('专项公开');
  await name.press('Enter');
  await expect(columns.getByLabel('栏目名称 专项公开')).toBeVisible();
  await expect(name).toHaveValue('');
});
