// A 细则 with a hidden row (an old indicator), a hidden 备注 column and a #REF! 分值 is imported on the 自查整改 screen:
// the preview says, above the tree and at 1366×768, which sheet, rows and columns were left out and what to do, and
// which cell was read as blank; the hidden indicator is not in the tree.
import { buildXlsx, SAMPLE_HEADER, SAMPLE_ROWS, type Row } from '../unit/selfcheck/build-files';
import { openScreen, setUpBureau } from './arrange';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });
// The machine running the suite is shared; give each step room without a fixed sleep.
const slow = { timeout: 20_000 };
test.setTimeout(120_000);

test('导入有隐藏行列和 #REF! 的细则：预览提示没有读取的行、列和按空白读的单元格', async ({ app: page, host }) => {
  await setUpBureau(host, page, 2026);
  await openScreen(page, '自查整改', slow);
  // Title row 1, header row 2; the old indicator on row 5 (hidden), 备注 in column G (hidden).
  const header = [...SAMPLE_HEADER, '备注'];
  const old: Row = ['', null, '政务公开日', '组织开展政务公开日活动', 5, '未开展的扣5分', '今年不再考核'];
  const rows: Row[] = [SAMPLE_ROWS[0], SAMPLE_ROWS[1], old, ...SAMPLE_ROWS.slice(2)].map((r) =>
    r.length < header.length ? [...r, '内部记录'] : r,
  );
  const timely = 3 + rows.findIndex((r) => r[3] === '栏目更新时效');
  const xlsx = await buildXlsx({
    title: '某县2026年政务公开考核评分细则',
    header,
    rows,
    edit: (ws) => {
      ws.getRow(5).hidden = true;
      ws.getColumn(7).hidden = true;
      ws.getCell(timely, 5).value = { formula: "'[分值表.xlsx]Sheet1'!B5", result: { error: '#REF!' } };
    },
  });
  await page.locator('input[type=file]').first().setInputFiles({
    name: '考核细则.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: xlsx,
  });
  const dialog = page.getByRole('dialog', { name: '导入考核细则：核对后保存' });
  await expect(dialog).toBeVisible(slow);
  const hidden = dialog.getByRole('alert').filter({ hasText: '没有读取' });
  await expect(hidden).toContainText(
    '“考核细则.xlsx”中的工作表“评分细则”隐藏的第5行和隐藏的G列（备注）有内容，没有读取（和 Excel 显示、打印的一样）',
    slow,
  );
  await expect(hidden).toContainText('右键“取消隐藏”');
  const blank = dialog.getByRole('alert').filter({ hasText: '公式的错误值' });
  await expect(blank).toContainText(`第${timely}行E列（分值）的“#REF!”是公式的错误值，按空白读取`);
  // Both whole on the screen, without scrolling, and above the tree.
  await expect(hidden).toBeInViewport({ ratio: 1 });
  await expect(blank).toBeInViewport({ ratio: 1 });
  await page.screenshot({ path: test.info().outputPath('selfcheck-hidden-preview.png') });
  // The tree is the visible rows': 制度建设 has its three items, not the hidden one; the #REF! 分值 is empty.
  await expect(dialog.getByLabel('指标名称 1.3', { exact: true })).toHaveValue('上会部署');
  await expect(dialog.getByLabel('指标名称 1.4', { exact: true })).toHaveCount(0);
  await expect(dialog.getByLabel('分值 2.1.2', { exact: true })).toHaveValue('');
});
