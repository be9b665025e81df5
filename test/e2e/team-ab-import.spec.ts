// The AB岗设置表 exported from one data file is imported on the AB岗 screen of another (a bureau's new PC, another
// bureau taking over the setup): the preview says what each row does, the 任职开始日期 comes from the table's 截至
// date, and after 导入 the posts show their A and B holders.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Workstation } from '../../main/services/workstation';
import { arrange, BUREAU, openScreen, seedStaff, setUpBureau } from './arrange';
import { expect, test } from './fixtures';
import { areaServices } from '../../main/areas';

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('an AB岗设置表 exported elsewhere imports on the AB岗 screen: posts, duties and holders', async ({
  app: page,
  host,
}) => {
  // The other data file: the same people, two posts set up.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-e2e-ab-'));
  const source = new Workstation({
    dbPath: path.join(dir, 'source.sqlite'),
    host: 'cli',
    autoBackup: false,
    files: {
      deliver: async () => {
        throw new Error('unused');
      },
    },
  }).open();
  let table: Buffer;
  try {
    await arrange(source, 'app.setup', { bureau: BUREAU, year: 2026 });
    const office = await arrange(source, 'departments.create', { name: '办公室' });
    const person = (name: string) =>
      arrange(source, 'staff.create', {
        name,
        departmentId: office.id,
        title: '科员',
        phone: '',
        status: '在岗',
        note: '',
      });
    const zhang = await person('张三');
    const li = await person('李四');
    const posts = await arrange(source, 'ab.posts');
    const liaison = posts.find((p) => p.name === '政务公开联络员')!;
    await arrange(source, 'ab.assign', { postId: liaison.id, role: 'A', staffId: zhang.id, startDate: '2026-02-01' });
    await arrange(source, 'ab.assign', { postId: liaison.id, role: 'B', staffId: li.id, startDate: '2026-02-01' });
    const extra = await arrange(source, 'ab.createPost', { name: '数据开放专员', duties: '维护公共数据开放目录。' });
    await arrange(source, 'ab.assign', { postId: extra.id, role: 'A', staffId: li.id, startDate: '2026-02-01' });
    // The bytes 导出设置表（Excel） gives, as of 2026-11-30.
    table = (
      await (await areaServices.exporters())['ab-xlsx'].build(source.context(), { year: 2026, date: '2026-11-30' })
    ).data;
  } finally {
    source.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }

  await setUpBureau(host, page);
  await seedStaff(
    host,
    ['办公室'],
    [
      ['张三', '办公室', '科员'],
      ['李四', '办公室', '科员'],
    ],
  );
  await openScreen(page, 'AB岗');
  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  const dialog = page.getByRole('dialog');
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: 'AB岗设置表.xlsx', mimeType: XLSX_MIME, buffer: table });
  await expect(dialog.getByText('共 8 个岗位，全部可以导入')).toBeVisible();
  await expect(dialog.getByRole('row', { name: /数据开放专员.*新增岗位.*李四（办公室 科员）/ })).toBeVisible();
  await expect(dialog.getByLabel('任职开始日期')).toHaveValue('2026-11-30');
  // The import button stays inside 1366×768 with the preview open.
  expect((await dialog.getByRole('button', { name: '导入 8 个岗位' }).boundingBox())!.y).toBeLessThan(768);
  await page.screenshot({ path: test.info().outputPath('ab-import-preview.png') });
  await dialog.getByRole('button', { name: '导入 8 个岗位' }).click();
  await expect(page.getByText('已导入：新增岗位 1 个，设置A岗、B岗人员 3 人次')).toBeVisible();
  const posts = page.locator('.ant-card').filter({ hasText: '岗位设置' });
  const row = posts.getByRole('row', { name: /政务公开联络员/ });
  await expect(row).toContainText('张三');
  await expect(row).toContainText('李四');
  await expect(posts.getByRole('row', { name: /数据开放专员/ })).toContainText('维护公共数据开放目录。');
});
