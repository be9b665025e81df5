// Capped and several deductions at 1366×768: a 细则 whose cells say "每发现一处扣0.5分，最多扣2分" and "未按时公开的扣1分；
// 内容不完整的每处扣0.5分" is imported (the preview says each rule in words and a cap is corrected there), a leaf is
// scored from the keyboard by counting each finding (the first count has the focus, the score is shown as typed,
// Enter saves), the 编辑细则 dialog changes a finding's points, which the score follows, and the 自查评分表 the screen
// exports reads back as the same rules.
import { parseIndicatorsFile } from '../../main/import/selfcheck';
import { buildXlsx, DEDUCTION_HEADER, DEDUCTION_ROWS } from '../unit/selfcheck/build-files';
import { openScreen, saved, setUpBureau } from './arrange';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });
// The machine running the suite is shared; give each step room without a fixed sleep.
const slow = { timeout: 20_000 };
test.setTimeout(180_000);

test('导入分项扣分细则，预览中改上限，逐项填写次数评分，编辑细则改扣分，导出后读回同样的规则', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, 2026);
  await openScreen(page, '自查整改', slow);
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({
      name: '分项扣分细则.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await buildXlsx({
        title: '某县2026年政务公开考核评分细则',
        header: DEDUCTION_HEADER,
        rows: DEDUCTION_ROWS,
      }),
    });
  const preview = page.getByRole('dialog', { name: '导入考核细则：核对后保存' });
  await expect(preview).toBeVisible(slow);
  // Each leaf's rule in words, as the 自查评分表 will print it.
  await expect(preview.getByLabel('计分方式的文字 1.1')).toContainText(
    '计分：分项扣分：未按时公开的扣1分；内容不完整的每处扣0.5分；扣完为止',
    slow,
  );
  await expect(preview.getByLabel('计分方式的文字 1.3')).toContainText('计分：每处扣0.5分，最多扣2分');
  await expect(preview.getByLabel('计分方式的文字 1.5')).toContainText('计分：直接评分');
  await expect(preview.getByLabel('计分方式的文字 2.1')).toContainText('累计最多扣2.5分');
  await page.screenshot({ path: test.info().outputPath('selfcheck-deductions-preview.png') });

  // The cap of 信息质量 corrected in its dialog: the words follow as typed; Enter applies.
  await preview.getByRole('button', { name: '修改计分方式 1.3' }).click();
  const rule = page.getByRole('dialog', { name: '计分方式：信息质量' });
  await expect(rule.getByLabel('每次扣分')).toBeFocused(slow);
  await rule.getByLabel('最多扣分').fill('1.5');
  await expect(rule.getByLabel('计分方式的文字')).toContainText('每处扣0.5分，最多扣1.5分');
  await rule.getByLabel('最多扣分').press('Enter');
  await expect(rule).toBeHidden(slow);
  await expect(preview.getByLabel('计分方式的文字 1.3')).toContainText('计分：每处扣0.5分，最多扣1.5分');
  // 专栏建设's findings in theirs: a cap on them all.
  await preview.getByRole('button', { name: '修改计分方式 1.2' }).click();
  const findings = page.getByRole('dialog', { name: '计分方式：专栏建设' });
  await expect(findings.getByLabel('扣分情形1', { exact: true })).toBeFocused(slow);
  await expect(findings.getByLabel('扣分情形2', { exact: true })).toHaveValue('栏目空白');
  await findings.getByLabel('累计最多扣分').fill('4');
  await expect(findings.getByLabel('计分方式的文字')).toContainText(
    '分项扣分：未设置专栏的扣2分；栏目空白的每个扣1分；累计最多扣4分',
  );
  await page.screenshot({ path: test.info().outputPath('selfcheck-deductions-findings.png') });
  await findings.getByLabel('累计最多扣分').press('Enter');
  await expect(findings).toBeHidden(slow);
  await expect(preview.getByLabel('计分方式的文字 1.2')).toContainText('累计最多扣4分');
  await preview.getByRole('button', { name: '保存细则' }).click();
  await expect(page.getByText('已保存2026年考核细则')).toBeVisible(slow);

  // The drawer asks for the count of each finding; the first has the focus; the score shows as typed; Enter saves.
  await page.getByRole('button', { name: '评分 公开时效' }).click();
  const drawer = page.getByRole('dialog', { name: '评分：公开时效' });
  await expect(drawer).toBeVisible(slow);
  const first = drawer.getByLabel('未按时公开次数');
  await expect(first).toBeFocused(slow);
  await page.keyboard.type('1');
  await page.keyboard.press('Tab');
  await expect(drawer.getByLabel('内容不完整次数')).toBeFocused();
  await page.keyboard.type('2');
  await expect(drawer.getByLabel('按填写的次数计算')).toContainText(
    '未按时公开1次，扣1分；内容不完整2处，扣1分；本项得3分（分值5分）',
    slow,
  );
  await expect(drawer.getByRole('button', { name: '保存' })).toBeInViewport();
  await page.screenshot({ path: test.info().outputPath('selfcheck-deductions-drawer.png') });
  await page.keyboard.press('Enter');
  // What stays is checked, not the toast: the drawer's 当前得分 is the saved rating.
  await expect(drawer.getByText('扣2分', { exact: true })).toBeVisible(slow);
  await page.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(drawer).toBeHidden(slow);
  const total = page.locator('.ant-statistic').filter({ hasText: /自评总分|已评指标得分/ });
  await expect(total).toContainText('已评指标得分3分', slow);

  // A count left out beside a given one is pointed out beside the field, and nothing is saved.
  await page.getByRole('button', { name: '评分 制度报送' }).click();
  const filing = page.getByRole('dialog', { name: '评分：制度报送' });
  await expect(filing.getByLabel('未制定次数')).toBeFocused(slow);
  await page.keyboard.type('1');
  await page.keyboard.press('Enter');
  await expect(filing.getByText('请填写次数，没有的填 0')).toBeVisible(slow);
  await filing.getByLabel('未按要求报送次数').fill('1');
  await expect(filing.getByLabel('按填写的次数计算')).toContainText(
    '未制定1次，扣2分；未按要求报送1次，扣1分；累计最多扣2.5分，计扣2.5分；本项得2.5分（分值5分）',
  );
  await filing.getByLabel('未按要求报送次数').press('Enter');
  await expect(filing.getByText('扣2.5分', { exact: true })).toBeVisible(slow);
  await page.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(total).toContainText('已评指标得分5.5分', slow);

  // 编辑细则: 内容不完整 每处扣0.5分 → 1分; the counts stay with their findings: 5 − 1 − 2 = 2.
  await page.getByRole('button', { name: '编辑细则' }).click();
  await page.getByRole('button', { name: '编辑 公开时效', exact: true }).click();
  const edit = page.getByRole('dialog', { name: /^编辑指标：.*公开时效/ });
  await expect(edit.getByLabel('扣分情形1', { exact: true })).toHaveValue('未按时公开', slow);
  await expect(edit.getByLabel('扣分情形2', { exact: true })).toHaveValue('内容不完整');
  await expect(edit.getByLabel('扣分情形2计数单位')).toHaveValue('处');
  await edit.getByLabel('扣分情形2扣分').fill('1');
  const saveBox = await edit.getByRole('button', { name: '保存' }).boundingBox();
  expect(saveBox && saveBox.y + saveBox.height).toBeLessThanOrEqual(768);
  await page.screenshot({ path: test.info().outputPath('selfcheck-deductions-edit.png') });
  await edit.getByLabel('扣分情形2扣分').press('Enter');
  await expect(edit).toBeHidden(slow);
  await expect(total).toContainText('已评指标得分4.5分', slow);
  await page.getByRole('button', { name: '完成编辑' }).click();

  // The 自查评分表 reads back as the same rules.
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出自查评分表' }).click();
  const file = await download;
  const back = await parseIndicatorsFile(file.suggestedFilename(), await saved(file));
  const leaves = back.indicators.flatMap((g) => g.children);
  expect(leaves.map((l) => l.rule)).toEqual([
    {
      kind: 'deductions',
      items: [
        { finding: '未按时公开', deduct: 1 },
        { finding: '内容不完整', deduct: 1, unit: '处' },
      ],
    },
    {
      kind: 'deductions',
      items: [
        { finding: '未设置专栏', deduct: 2 },
        { finding: '栏目空白', deduct: 1, unit: '个' },
      ],
      cap: 4,
    },
    { kind: 'perItem', deduct: 0.5, unit: '处', cap: 1.5 },
    { kind: 'perItem', deduct: 1, unit: '项', cap: 3 },
    { kind: 'manual' },
    {
      kind: 'deductions',
      items: [
        { finding: '未制定', deduct: 2 },
        { finding: '未按要求报送', deduct: 1 },
      ],
      cap: 2.5,
    },
  ]);
});

test('扣分项（每次扣2分，最高扣5分）：预览写明上限，编辑细则改上限，按次数扣分不超过上限', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, 2026);
  await openScreen(page, '自查整改', slow);
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({
      name: '细则.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await buildXlsx({
        title: '某县2026年政务公开考核评分细则',
        header: ['类别', '考核内容', '分值', '评分标准'],
        rows: [
          ['基础工作', '信息发布', 100, '每发现一处扣1分，扣完为止。'],
          ['扣分项', '被通报批评', null, '被上级通报批评的每次扣2分，最高扣5分。'],
          ['合计', '', 100, ''],
        ],
      }),
    });
  const preview = page.getByRole('dialog', { name: '导入考核细则：核对后保存' });
  await expect(preview.getByLabel('计分方式的文字 2.1')).toContainText('扣分项，每次扣2分，最多扣5分', slow);
  await preview.getByRole('button', { name: /^保存/ }).click();
  await expect(preview).toBeHidden(slow);

  // The cap raised to 6 in 编辑细则: the field says what an empty one means for a 扣分项.
  await page.getByRole('button', { name: '编辑细则' }).click();
  await page.getByRole('button', { name: '编辑 被通报批评', exact: true }).click();
  const edit = page.getByRole('dialog', { name: /^编辑指标：.*被通报批评/ });
  await expect(edit.getByLabel('最多扣分')).toHaveValue('5', slow);
  await expect(edit.getByText('不填：不设上限（重大扣分项）')).toBeVisible();
  await edit.getByLabel('最多扣分').fill('6');
  await edit.getByLabel('最多扣分').press('Enter');
  await expect(edit).toBeHidden(slow);
  await page.getByRole('button', { name: '完成编辑' }).click();

  // Four times 2 would be 8: the item takes its cap, 6.
  await page.getByRole('button', { name: '评分 被通报批评' }).click();
  const rate = page.getByRole('dialog', { name: '评分：被通报批评' });
  await expect(rate.getByLabel('次数')).toBeFocused(slow);
  await page.keyboard.type('4');
  await page.keyboard.press('Enter');
  await expect(rate.getByText('扣6分', { exact: true })).toBeVisible(slow);
});
