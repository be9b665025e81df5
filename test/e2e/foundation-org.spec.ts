import ExcelJS from 'exceljs';
import { arrange, openScreen, pick, seedStaff, setUpBureau, year } from './arrange';
import { expect, test } from './fixtures';

async function xlsx(rows: (string | null)[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('人员名单');
  rows.forEach((r, i) => {
    ws.getRow(i + 1).values = r;
  });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

test('staff import: a file with one bad row names that row and stores nothing; the fixed file imports', async ({
  app: page,
  host,
}) => {
  await arrange(host, 'departments.create', { name: '办公室' });
  await setUpBureau(host, page);
  await openScreen(page, '单位与人员');
  const staffCard = page.locator('.ant-card').filter({ has: page.getByText('人员', { exact: true }) });

  const header = ['序号', '姓名', '所在科室', '职务', '联系电话'];
  const bad = await xlsx([
    ['某县科学技术局人员名单'],
    header,
    ['1', '张三', '办公室', '主任', '13800000001'],
    ['2', null, '高新科', '科员', '13800000002'],
    ['3', '李四', '高新科', '科员', '13800000003'],
  ]);
  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  const dialog = page.getByRole('dialog', { name: '从 Excel 导入人员' });
  await dialog.locator('input[type=file]').setInputFiles({ name: '人员名单.xlsx', mimeType: XLSX_MIME, buffer: bad });
  await expect(dialog.getByText('共 3 行，其中 1 行有问题')).toBeVisible();
  const badRow = dialog.getByRole('row', { name: /第 4 行/ });
  await expect(badRow).toContainText('缺少姓名');
  await expect(dialog.getByRole('row', { name: /第 3 行/ })).toContainText('可以导入');
  await expect(dialog.getByRole('checkbox', { name: '新建“高新科”' })).toBeChecked();
  await expect(dialog.getByRole('button', { name: '导入' })).toBeDisabled();
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
  await expect(staffCard.getByText('还没有人员')).toBeVisible();
  expect(await arrange(host, 'staff.list')).toEqual([]);
  expect((await arrange(host, 'departments.list')).map((d) => d.name)).toEqual(['办公室']);

  const fixed = await xlsx([
    ['某县科学技术局人员名单'],
    header,
    ['1', '张三', '办公室', '主任', '13800000001'],
    ['2', '王五', '高新科', '科员', '13800000002'],
    ['3', '李四', '高新科', '科员', '13800000003'],
  ]);
  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: '人员名单（改）.xlsx', mimeType: XLSX_MIME, buffer: fixed });
  await expect(dialog.getByText('共 3 行，全部可以导入')).toBeVisible();
  // Unticking the new 科室 blocks the import and says which rows need it.
  await dialog.getByRole('checkbox', { name: '新建“高新科”' }).uncheck();
  await expect(dialog.getByRole('row', { name: /第 4 行/ })).toContainText('不存在，且未勾选新建');
  await expect(dialog.getByRole('button', { name: /^导入/ })).toBeDisabled();
  await dialog.getByRole('checkbox', { name: '新建“高新科”' }).check();
  await dialog.getByRole('button', { name: '导入 3 人' }).click();
  await expect(page.getByText('已导入 3 人，新建科室 1 个')).toBeVisible();
  await expect(dialog).toBeHidden();

  // The 人事 office's updated list says 李四 retired: the preview says so on his row, the import marks him 离岗.
  const updated = await xlsx([
    ['某县科学技术局人员名单'],
    [...header, '备注'],
    ['1', '张三', '办公室', '主任', '13800000001', ''],
    ['2', '王五', '高新科', '科员', '13800000002', ''],
    ['3', '李四', '高新科', '科员', '13800000003', '2026年11月退休'],
  ]);
  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: '人员名单（新）.xlsx', mimeType: XLSX_MIME, buffer: updated });
  await expect(dialog.getByRole('row', { name: /第 5 行/ })).toContainText('已有，改为离岗');
  await expect(dialog.getByText(/状态将改为“离岗”（第 5 行李四：备注“2026年11月退休”）/)).toBeVisible();
  await dialog.getByRole('button', { name: '将 1 人改为离岗' }).click();
  await expect(page.getByText('1 人改为离岗，已有 2 人跳过')).toBeVisible();
  await expect(dialog).toBeHidden();
  expect((await arrange(host, 'staff.list')).find((s) => s.name === '李四')?.status).toBe('离岗');

  for (const [name, department] of [
    ['张三', '办公室'],
    ['王五', '高新科'],
    ['李四', '高新科'],
  ]) {
    await expect(
      page.getByRole('row', { name: new RegExp(name) }).getByRole('cell', { name: department, exact: true }),
    ).toBeVisible();
  }
  // The new 科室 shows in the departments panel with its head count.
  await expect(
    page
      .getByRole('row', { name: /高新科/ })
      .first()
      .getByRole('cell', { name: '2', exact: true }),
  ).toBeVisible();
  expect((await arrange(host, 'staff.list')).map((s) => s.name)).toEqual(['张三', '王五', '李四']);
});

test('staff import: a file that is not an .xlsx gets a clear Chinese message', async ({ app: page, host }) => {
  await setUpBureau(host, page);
  await openScreen(page, '单位与人员');
  await page.getByRole('button', { name: '从 Excel 导入' }).click();
  const dialog = page.getByRole('dialog', { name: '从 Excel 导入人员' });
  await dialog
    .locator('input[type=file]')
    .setInputFiles({ name: '名单.xlsx', mimeType: XLSX_MIME, buffer: Buffer.from('这不是 Excel 文件') });
  await expect(dialog.getByText('无法导入')).toBeVisible();
  // A text file is called text, not damaged.
  await expect(dialog.getByText(/的内容是文本，不是 Excel 工作簿/)).toBeVisible();
  // The template is offered as a download and is itself a workbook.
  const download = page.waitForEvent('download');
  await dialog.getByRole('button', { name: '下载导入模板' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('人员名单导入模板.xlsx');
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(await file.path());
  expect(wb.worksheets[0].getRow(2).values).toEqual([undefined, '姓名', '科室', '职务', '电话']);
});

test('a department in use cannot be deleted and is offered deactivation instead', async ({ app: page, host }) => {
  const office = await arrange(host, 'departments.create', { name: '办公室' });
  await arrange(host, 'staff.create', {
    name: '张三',
    departmentId: office.id,
    title: '主任',
    phone: '',
    status: '在岗',
    note: '',
  });
  await setUpBureau(host, page);
  await openScreen(page, '单位与人员');

  const row = page.getByRole('row', { name: /办公室/ }).first();
  await row.getByRole('button', { name: '删除' }).click();
  const confirm = page.getByRole('dialog', { name: '删除科室“办公室”？' });
  const refusal = page.getByRole('dialog').filter({ hasText: '不能删除' });
  // A click while the confirmation is still opening can miss on a busy machine: click again only while it is open.
  await expect(async () => {
    if (await confirm.isVisible()) await confirm.getByRole('button', { name: '删除' }).click({ timeout: 2000 });
    await expect(refusal).toBeVisible({ timeout: 2000 });
  }).toPass({ timeout: 30_000 });
  await expect(refusal).toContainText('已被人员或其他记录使用');
  await refusal.getByRole('button', { name: '改为停用' }).click();
  await expect(page.getByText('已停用', { exact: true }).first()).toBeVisible();
  await expect(row.getByText('已停用')).toBeVisible();
  expect(await arrange(host, 'departments.list')).toMatchObject([{ name: '办公室', active: false, staffCount: 1 }]);
});

test('the audit drawer shows who changed what', async ({ app: page, host }) => {
  await arrange(host, 'departments.create', { name: '办公室' });
  await setUpBureau(host, page);
  await openScreen(page, '单位与人员');
  const row = page.getByRole('row', { name: /办公室/ }).first();
  await row.getByRole('button', { name: '更名' }).click();
  await page.getByRole('dialog').getByLabel('科室名称').fill('综合办公室');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: '综合办公室', exact: true })).toBeVisible();

  await page
    .getByRole('row', { name: /综合办公室/ })
    .getByRole('button', { name: '记录' })
    .click();
  const drawer = page.getByRole('dialog', { name: '修改记录' });
  await expect(drawer.getByText('科室更名：办公室 → 综合办公室')).toBeVisible();
  await expect(drawer.getByText('名称/姓名：办公室 → 综合办公室')).toBeVisible();
  await expect(drawer.getByText(`电脑登录账户：${host.workstation.context().osUser}`).first()).toBeVisible();
  await expect(drawer.getByText('新增科室：办公室')).toBeVisible();
});

test('Chinese text is drawn with a CJK font, not as boxes', async ({ app: page }) => {
  await expect(page.getByRole('heading', { name: '欢迎使用政务公开工作台' })).toBeVisible();
  // Without a CJK font every character is drawn as the same "missing glyph" box and text assertions still pass:
  // draw two different characters in the page's own font and compare the pixels.
  // (A string, because the Node-side tsconfig has no DOM types.)
  const differ = await page.evaluate(`(() => {
    const font = getComputedStyle(document.body).fontFamily;
    const draw = (ch) => {
      const c = document.createElement('canvas');
      c.width = 40;
      c.height = 40;
      const ctx = c.getContext('2d');
      ctx.font = '32px ' + font;
      ctx.fillText(ch, 2, 32);
      return Array.from(ctx.getImageData(0, 0, 40, 40).data).join(',');
    };
    // Control: two code points no font here draws come out as identical boxes, so the comparison can tell.
    return { chinese: draw('政') !== draw('务') && draw('公') !== draw('开'), boxesAlike: draw('\\u{10FFFD}') === draw('\\u{10FFFC}') };
  })()`);
  expect(differ).toEqual({ chinese: true, boxesAlike: true });
});

test('saving a person as 离岗 names the AB posts they still hold, to hand over; someone holding none is only saved', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page);
  await seedStaff(
    host,
    ['办公室'],
    [
      ['杨帆', '办公室', '科员'],
      ['李敏', '办公室', '科员'],
      ['周强', '办公室', '科员'],
    ],
  );
  const staff = await arrange(host, 'staff.list');
  const id = (name: string) => staff.find((s) => s.name === name)!.id;
  const posts = await arrange(host, 'ab.posts');
  const post = (name: string) => posts.find((p) => p.name === name)!.id;
  const startDate = `${year}-01-05`;
  // 杨帆: A of 政务公开联络员, B of 网站与政务新媒体管理员; 李敏 the other role of each; 周强 none.
  for (const [p, role, who] of [
    ['政务公开联络员', 'A', '杨帆'],
    ['政务公开联络员', 'B', '李敏'],
    ['网站与政务新媒体管理员', 'A', '李敏'],
    ['网站与政务新媒体管理员', 'B', '杨帆'],
  ] as const)
    await arrange(host, 'ab.assign', { postId: post(p), role, staffId: id(who), startDate });
  await page.reload();
  await openScreen(page, '单位与人员');

  const leave = async (name: string) => {
    await page
      .getByRole('row', { name: new RegExp(name) })
      .getByRole('button', { name: '编辑' })
      .click();
    const dialog = page.getByRole('dialog', { name: '编辑人员' });
    await expect(dialog.getByLabel('姓名')).toHaveValue(name);
    await pick(page, '状态', '离岗');
    await dialog.getByRole('button', { name: '保存' }).click();
    await expect(dialog).toBeHidden();
  };
  await leave('杨帆');
  await expect(
    page.getByText('已保存。杨帆仍是“政务公开联络员”的A岗、“网站与政务新媒体管理员”的B岗，请到“AB岗”办理交接。'),
  ).toBeVisible();
  expect((await arrange(host, 'staff.list')).find((s) => s.name === '杨帆')!.status).toBe('离岗');
  // Nothing held, nothing named: only 已保存.
  await leave('周强');
  await expect(page.getByText('已保存', { exact: true })).toBeVisible();
  await expect(page.getByText(/周强仍是/)).toHaveCount(0);
});
