// A 细则 whose figures contradict each other is imported on the 自查整改 screen: the preview says each contradiction
// with the row it is on and both figures, above the tree, at 1366×768; a figure corrected in the preview drops its
// problem; saving is possible either way.
import { asXlsx } from '../unit/grid/build-table';
import { openScreen, setUpBureau } from './arrange';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });
// The machine running the suite is shared; give each step room without a fixed sleep.
const slow = { timeout: 20_000 };
test.setTimeout(120_000);

test('导入数字互相矛盾的细则：预览写明所在行和两个数字', async ({ app: page, host }) => {
  await setUpBureau(host, page, 2026);
  await openScreen(page, '自查整改', slow);
  const xlsx = await asXlsx({
    before: ['某县2026年度政务公开工作考核评分细则'],
    rows: [
      ['一级指标', '二级指标', '分值', '评分标准'],
      [{ text: '组织保障（10分）', rowSpan: 2 }, '领导重视', 4, '未听取汇报的扣4分。'],
      [null, '机构人员', 3, '未明确工作机构的扣3分。'],
      ['主动公开', '政策解读', 20, '每件扣1分，扣完为止。'],
      ['合计', '', 100, ''],
    ],
  });
  await page.locator('input[type=file]').first().setInputFiles({
    name: '矛盾细则.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: xlsx,
  });
  const dialog = page.getByRole('dialog', { name: '导入考核细则：核对后保存' });
  await expect(dialog).toBeVisible(slow);
  const alert = dialog.getByRole('alert').filter({ hasText: '请核对以下问题' });
  // Rows counted in the sheet: title 1, header 2, 组织保障 3, 主动公开 5, 合计 6; 10 + 20 = 30 against 100.
  await expect(alert).toContainText('“组织保障”（工作表“表1”第3行）的下级分值合计 7 分，少于其分值 10 分', slow);
  await expect(alert).toContainText('一级指标分值合计 30 分，与满分 100 分（工作表“表1”第6行“合计”）不一致');
  await expect(alert).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('selfcheck-contradictions-preview.png') });
  // Corrected here, each problem goes: 组织保障 to 7 (its items' sum), then 满分 to 7 + 20.
  const points = dialog.getByLabel('分值 1', { exact: true });
  await points.fill('7');
  await points.press('Tab');
  await expect(alert).not.toContainText('“组织保障”', slow);
  await expect(alert).toContainText('一级指标分值合计 27 分，与满分 100 分');
  const total = dialog.getByRole('spinbutton', { name: '满分' });
  await total.fill('27');
  await total.press('Tab');
  await expect(alert).toHaveCount(0, slow);
  await dialog.getByRole('button', { name: '保存细则' }).click();
  await expect(page.getByText('已保存2026年考核细则')).toBeVisible(slow);
});
