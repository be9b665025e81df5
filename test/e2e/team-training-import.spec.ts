// A 培训台账 an office kept in Excel before the workstation is imported on the 培训 screen: the preview names the row
// that cannot be used (a person not on the staff list) and imports nothing; the corrected file imports, and the
// trainings with their people are in the ledger.
import ExcelJS from 'exceljs';
import { openScreen, seedStaff, setUpBureau } from './arrange';
import { expect, test } from './fixtures';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

async function ledger(people: string): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('台账');
  ws.addRow(['2026年政务公开培训台账']);
  ws.addRow(['序号', '培训时间', '培训主题', '培训方式', '课时', '参加人员']);
  ws.addRow([1, '3月5日', '政务公开业务培训', '集中授课', 2, '张三、李四']);
  ws.addRow([2, '2026-06-18', '保密知识学习', '视频', 1.5, people]);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('a 培训台账 kept in Excel imports on the 培训 screen once every row is usable', async ({ app: page, host }) => {
  await setUpBureau(host, page);
  await seedStaff(
    host,
    ['办公室'],
    [
      ['张三', '办公室', '科员'],
      ['李四', '办公室', '科员'],
    ],
  );
  await openScreen(page, '培训');
  await expect(page.getByText('以前用 Excel 记的培训台账可以“从 Excel 导入”')).toBeVisible();
  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  const dialog = page.getByRole('dialog', { name: '从 Excel 导入培训台账' });
  const file = dialog.locator('input[type=file]');
  await file.setInputFiles({ name: '培训台账.xlsx', mimeType: XLSX_MIME, buffer: await ledger('张三、孙八') });
  await expect(dialog.getByText('共 2 行，其中 1 行有问题')).toBeVisible();
  await expect(dialog.getByRole('row', { name: /第 4 行.*参训人员“孙八”不在人员名单中/ })).toBeVisible();
  await expect(dialog.getByRole('button', { name: '导入', exact: true })).toBeDisabled();

  await dialog.getByRole('button', { name: '重新选择文件' }).click();
  await file.setInputFiles({ name: '培训台账.xlsx', mimeType: XLSX_MIME, buffer: await ledger('张三') });
  await expect(dialog.getByText('共 2 次培训，全部可以导入')).toBeVisible();
  await expect(dialog.getByRole('row', { name: /第 3 行.*政务公开业务培训.*新增.*实到2人：张三、李四/ })).toBeVisible();
  const commit = dialog.getByRole('button', { name: '导入 2 次培训' });
  await expect(commit).toBeEnabled();
  // The preview and its button fit 1366×768.
  const box = (await dialog.locator('.ant-modal-container, .ant-modal-content').first().boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(1366);
  expect((await commit.boundingBox())!.y).toBeLessThan(768);
  await page.screenshot({ path: test.info().outputPath('training-import-preview.png') });
  await commit.click();
  await expect(page.getByText('已导入培训 2 次')).toBeVisible();
  await expect(dialog).toBeHidden();
  const screen = page.locator('.ant-layout-content');
  await expect(screen.getByRole('row', { name: /政务公开业务培训.*2\/2人/ })).toBeVisible();
  await expect(screen.getByRole('row', { name: /保密知识学习.*1\/1人/ })).toBeVisible();
});
