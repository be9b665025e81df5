// A new office's first minutes on an empty data file (walked at the office screen size): what it meets first must be
// ready for the keyboard and speak in the office's words.
import { formatChineseDate } from '../../shared/domain/date-text';
import { setUpBureau, year } from './arrange';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

test('首次设置：光标在“单位全称”中，键盘填写后按回车即开始使用', async ({ app: page }) => {
  await expect(page.getByText('欢迎使用政务公开工作台')).toBeVisible();
  await expect(page.getByLabel('单位全称')).toBeFocused();
  await page.keyboard.type('某县科学技术局');
  await page.keyboard.press('Tab');
  await page.keyboard.type('县科技局');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
  await expect(page.getByText(/^某县科学技术局 · \d{4} 年度$/)).toBeVisible();
});

test('首页“近期时间节点”：日期写作“2027年1月31日”，不写 ISO 日期', async ({ app: page, host }) => {
  await setUpBureau(host, page, year);
  const card = page.locator('.ant-card').filter({ hasText: '近期时间节点' });
  // The 年度报告 of the working year is due 1月31日 of the next (《政府信息公开条例》), whatever else is on file.
  const due = formatChineseDate(`${year + 1}-01-31`);
  await expect(card.getByText(new RegExp(`^${due} · `))).toBeVisible();
  await expect(card).not.toContainText(/\d{4}-\d{2}-\d{2}/);
});
