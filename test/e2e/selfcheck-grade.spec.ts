// 按等次评分 at 1366×768 (issue 21): a 细则 with 优/良/一般/差 columns is imported (the preview shows each indicator's
// levels), an indicator is rated from the keyboard in the scoring drawer (arrow keys choose the level, Enter saves),
// the 编辑细则 dialog changes a level's points (refusing levels out of order beside the field), which the rating follows,
// and the 自查评分表 the screen exports reads back as the same levels.
import { parseIndicatorsFile } from '../../main/import/selfcheck';
import { asXlsx } from '../unit/grid/build-table';
import { GRADE_HEADS, GRADE_LEAVES, GRADE_TABLE } from '../unit/selfcheck/build-files';
import { openScreen, saved, setUpBureau } from './arrange';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });
// The machine running the suite is shared; give each step room without a fixed sleep.
const slow = { timeout: 20_000 };
test.setTimeout(180_000);

test('导入等次细则，在评分抽屉中用键盘选择等次并保存，编辑细则改等次分值', async ({ app: page, host }) => {
  await setUpBureau(host, page, 2026);
  await openScreen(page, '自查整改', slow);
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({
      name: '等次细则.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await asXlsx(GRADE_TABLE),
    });
  const preview = page.getByRole('dialog', { name: '导入考核细则：核对后保存' });
  await expect(preview).toBeVisible(slow);
  // Each indicator's levels with their words; its 分值 is the best level's, not typed.
  const levels = preview.getByLabel('评分等次 1.1');
  await expect(levels).toContainText('优10分：制度健全', slow);
  await expect(levels).toContainText('良8分：制度较健全');
  await expect(levels).toContainText('差0分：无制度');
  await expect(preview.getByLabel('分值 1.1')).toBeDisabled();
  // Every leaf's 计分方式 reads 按等次评分.
  await expect(preview.getByText('按等次评分', { exact: true })).toHaveCount(3);
  await expect(preview.getByText('一级分值合计：30')).toBeVisible();
  await expect(preview.getByRole('button', { name: '保存细则' })).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('selfcheck-grade-preview.png') });
  await preview.getByRole('button', { name: '保存细则' }).click();
  await expect(page.getByText('已保存2026年考核细则')).toBeVisible(slow);
  const rated = page.getByLabel('已评情况');
  await expect(rated).toContainText('已评 0/3', slow);

  // The drawer offers the levels as radio buttons; the first has the focus. ↓ chooses 良, Enter saves.
  await page.getByRole('button', { name: '评分 信息公开制度' }).click();
  const drawer = page.getByRole('dialog', { name: '评分：信息公开制度' });
  await expect(drawer).toBeVisible(slow);
  const best = drawer.getByRole('radio', { name: /^优（10分）/ });
  await expect(best).toBeFocused(slow);
  await expect(drawer.getByRole('radio')).toHaveCount(4);
  await page.keyboard.press('ArrowDown');
  await expect(drawer.getByRole('radio', { name: /^良（8分）/ })).toBeChecked();
  await page.keyboard.press('Enter');
  // What stays is checked, not the three-second toast: the drawer's 当前得分 is the saved rating.
  await expect(drawer.getByText('等次：良，8分')).toBeVisible(slow);
  // Everything in the drawer a person needs is inside the screen: the levels and the 保存 button.
  const box = await drawer.getByRole('radio', { name: /^差（0分）/ }).boundingBox();
  expect(box && box.y + box.height).toBeLessThanOrEqual(768);
  await expect(drawer.getByRole('button', { name: '保存' })).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('selfcheck-grade-drawer.png') });
  await page.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(drawer).toBeHidden(slow);
  // Only the rated indicator counts: 已评 1/3, 8 points; its row says the level.
  await expect(rated).toContainText('已评 1/3', slow);
  const total = page.locator('.ant-statistic').filter({ hasText: /自评总分|已评指标得分/ });
  await expect(total).toContainText('已评指标得分8分');
  const table = page.getByRole('table', { name: '自查评分' }).or(page.getByLabel('自查评分')).first();
  await expect(table.getByRole('row', { name: /信息公开制度/ })).toContainText('8（良）');

  // 编辑细则: 良 8 → 7; the rating stays 良 and counts 7.
  await page.getByRole('button', { name: '编辑细则' }).click();
  await page.getByRole('button', { name: '编辑 信息公开制度', exact: true }).click();
  const edit = page.getByRole('dialog', { name: /^编辑指标：.*信息公开制度/ });
  await expect(edit.getByLabel('指标名称')).toHaveValue('信息公开制度', slow);
  await expect(edit.getByLabel('等次2名称')).toHaveValue('良');
  await expect(edit.getByLabel('分值', { exact: true })).toHaveValue('10');
  // Levels are written best first: 良 above 优 is refused beside the field, and nothing is saved.
  await edit.getByLabel('等次2分值').fill('12');
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(edit.getByText('等次从高到低填写：应低于上一等次的10分')).toBeVisible(slow);
  await edit.getByLabel('等次2分值').fill('7');
  await expect(edit.getByText('等次从高到低填写：应低于上一等次的10分')).toBeHidden(slow);
  const saveBox = await edit.getByRole('button', { name: '保存' }).boundingBox();
  expect(saveBox && saveBox.y + saveBox.height).toBeLessThanOrEqual(768);
  await page.screenshot({ path: test.info().outputPath('selfcheck-grade-edit.png') });
  // Enter in a level's points saves, as in every form dialog.
  await edit.getByLabel('等次2分值').press('Enter');
  await expect(edit).toBeHidden(slow);
  await expect(total).toContainText('已评指标得分7分', slow);
  await page.getByRole('button', { name: '完成编辑' }).click();
  await expect(table.getByRole('row', { name: /信息公开制度/ })).toContainText('7（良）', slow);

  // The 自查评分表 reads back as the same levels, words and order: 良 now 7 points for the edited indicator.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出自查评分表' }).click();
  const file = await download;
  const back = await parseIndicatorsFile(file.suggestedFilename(), await saved(file));
  const leaves = back.indicators.flatMap((g) => g.children);
  expect(leaves.map((l) => l.name)).toEqual(GRADE_LEAVES.map((l) => l.name));
  leaves.forEach((leaf, i) => {
    const points = GRADE_HEADS.map(([label, p]) => (i === 0 && label === '良' ? 7 : p));
    expect(leaf.rule).toEqual({
      kind: 'grade',
      levels: GRADE_HEADS.map(([label], k) => ({ label, points: points[k], criteria: GRADE_LEAVES[i].words[k] })),
    });
    expect(leaf.points).toBe(points[0]);
  });
});
