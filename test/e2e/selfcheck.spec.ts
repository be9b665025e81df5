import type { Page } from '@playwright/test';
import { buildXlsx, SAMPLE_HEADER, SAMPLE_ROWS } from '../unit/selfcheck/build-files';
import { openScreen, setUpBureau } from './arrange';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });
// The machine running the suite is shared; give each step room without a fixed sleep.
const slow = { timeout: 20_000 };

async function scoreLeaf(page: Page, name: string, fill: (drawer: ReturnType<Page['getByRole']>) => Promise<void>) {
  await page.getByRole('button', { name: `评分 ${name}` }).click();
  const drawer = page.getByRole('dialog', { name: `评分：${name}` });
  await expect(drawer).toBeVisible(slow);
  await fill(drawer);
  await drawer.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存自评').first()).toBeVisible(slow);
}

test.setTimeout(240_000);

test('导入细则，评三项指标，一项转为整改并销号，导出自查报告', async ({ app: page, host }) => {
  await setUpBureau(host, page, 2026);
  await openScreen(page, '自查整改', slow);
  await expect(page.getByText('2026年还没有考核细则')).toBeVisible(slow);

  // Import the 细则: the preview shows the tree and the sums per level; save it.
  const xlsx = await buildXlsx({ title: '某县2026年政务公开考核评分细则', header: SAMPLE_HEADER, rows: SAMPLE_ROWS });
  await page.locator('input[type=file]').first().setInputFiles({ name: '考核细则.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: xlsx });
  const dialog = page.getByRole('dialog', { name: '导入考核细则：核对后保存' });
  await expect(dialog).toBeVisible(slow);
  await expect(dialog.getByText('一级分值合计：100')).toBeVisible(slow);
  await expect(dialog.getByLabel('指标名称 2.1.2')).toHaveValue('栏目更新时效');
  await dialog.getByRole('button', { name: '保存细则' }).click();
  await expect(page.getByText('已保存2026年考核细则')).toBeVisible(slow);
  await expect(page.getByRole('table', { name: '自查评分' }).or(page.getByLabel('自查评分')).first()).toBeVisible(slow);

  // Score three leaves, each with its rule's own input.
  await scoreLeaf(page, '主要领导每年调度', async (d) => {
    await d.getByLabel('自评分').fill('7');
    await d.getByLabel('扣分原因 / 问题明细').fill('年度调度记录不全');
  });
  await page.getByRole('button', { name: '关闭', exact: true }).click();
  await scoreLeaf(page, '栏目更新时效', async (d) => {
    await d.getByLabel('扣分次数（个）').fill('3');
    await d.getByLabel('扣分原因 / 问题明细').fill('3个栏目超过半个月未更新');
    await d.getByLabel('整改措施（拟）').fill('明确栏目责任人，每周巡查');
  });
  // Still in the drawer of 栏目更新时效: it lost 3 points, so it offers 转为整改.
  const drawer = page.getByRole('dialog', { name: '评分：栏目更新时效' });
  await expect(drawer.getByText('本项失分3分')).toBeVisible(slow);
  await drawer.getByRole('button', { name: '转为整改' }).click();
  await expect(page.getByText('已转为整改事项，可在“整改台账”中跟踪')).toBeVisible(slow);
  await page.getByRole('button', { name: '关闭', exact: true }).click();
  await scoreLeaf(page, '审核、责任追究、发布管理制度', async (d) => {
    await d.getByText('未达到（扣2分）').click();
  });
  await page.getByRole('button', { name: '关闭', exact: true }).click();
  // 100 − 3 − 3 − 2 = 92 of 108 (8 bonus points available).
  await expect(page.locator('.ant-statistic').filter({ hasText: '自评总分' })).toContainText('92/ 108', slow);

  // The 整改 item: mark it done, then sign it off (销号).
  await page.getByRole('tab', { name: '整改台账' }).click();
  const ledger = page.getByLabel('整改台账');
  await expect(ledger.getByText('3个栏目超过半个月未更新')).toBeVisible(slow);
  await ledger.getByRole('button', { name: '编辑' }).click();
  const edit = page.getByRole('dialog', { name: /编辑整改事项/ });
  await edit.getByLabel('状态').click();
  await page.locator('.ant-select-item-option[title="已完成"]').click();
  await edit.getByLabel('完成日期').click();
  await page.locator('.ant-picker-dropdown:visible').getByText('今天').click();
  await edit.getByRole('button', { name: '保存' }).click();
  await expect(page.getByText('已保存整改事项')).toBeVisible(slow);
  await ledger.getByRole('button', { name: '销号' }).click();
  const sign = page.getByRole('dialog', { name: '销号' });
  await sign.getByLabel('复核人').fill('李副局长');
  await sign.getByRole('button', { name: '确认销号' }).click();
  await expect(page.getByText('已销号').first()).toBeVisible(slow);
  await expect(ledger.getByText('李副局长')).toBeVisible(slow);

  // The 自查报告: drafted from the scores, exported as Word.
  await page.getByRole('tab', { name: '自查报告' }).click();
  await expect(page.getByLabel('二、存在的问题')).toHaveValue(/栏目更新时效：3个栏目超过半个月未更新（扣3分）/);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出自查报告' }).click();
  expect((await download).suggestedFilename()).toBe('2026年度政务公开工作自查报告.docx');
});
