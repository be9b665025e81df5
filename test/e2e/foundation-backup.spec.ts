import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startWebHost } from '../../main/web/server';
import { Workstation } from '../../main/services/workstation';
import { arrange, BUREAU } from './arrange';
import { expect, test } from './fixtures';

test('a backup made in the UI restores: later changes are gone, a pre-restore backup is kept', async ({
  app: page,
  host,
}) => {
  await arrange(host.workstation, 'app.setup', { bureau: BUREAU, year: 2026 });
  await arrange(host.workstation, 'departments.create', { name: '办公室' });
  await page.reload();

  await page.getByRole('menuitem', { name: '数据与备份' }).click();
  await expect(page.getByText(host.workstation.dbPath)).toBeVisible();
  await page.getByRole('button', { name: '立即备份' }).click();
  await expect(page.getByText(/^已备份：zwgk-.*-manual\.sqlite$/)).toBeVisible();
  const manualRow = page.getByRole('row', { name: /手动/ });
  await expect(manualRow).toHaveCount(1);

  await page.getByRole('menuitem', { name: '单位与人员' }).click();
  await page.getByRole('button', { name: '添加科室' }).click();
  await page.getByRole('dialog').getByLabel('科室名称').fill('备份后新增');
  await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: '备份后新增', exact: true })).toBeVisible();

  // One more person than the backup holds: the confirmation says the backup is less complete, and by how much.
  const staffBefore = (await arrange(host.workstation, 'staff.list')).length;
  await arrange(host.workstation, 'staff.create', {
    name: '备份后入职',
    departmentId: null,
    title: '',
    phone: '',
    status: '在岗',
    note: '',
  });

  await page.getByRole('menuitem', { name: '数据与备份' }).click();
  await manualRow.getByRole('button', { name: '恢复' }).click();
  const confirm = page.getByRole('dialog');
  await expect(confirm.getByText('这份备份比当前数据旧或少')).toBeVisible();
  await expect(confirm.getByText(`人员少 1 名（备份 ${staffBefore}，当前 ${staffBefore + 1}）`)).toBeVisible();
  await expect(confirm).toContainText(/最后一次修改（\d{4}年\d{1,2}月\d{1,2}日 \d{2}:\d{2}:\d{2}）早于当前数据/);
  // Enter must not replace the data: once the question has opened, the focus is on 取消.
  await expect(page.locator('.ant-modal-wrap').locator('.ant-zoom-appear, .ant-zoom-enter')).toHaveCount(0);
  await expect(confirm.getByRole('button', { name: '取消' })).toBeFocused();
  await confirm.getByRole('button', { name: '确认恢复' }).click();
  // A restore migrates and checks a full copy before the swap: seconds on a busy machine.
  await expect(page.getByText(/^已恢复到\d{4}年.*的数据$/)).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('row', { name: /恢复前/ })).toHaveCount(1);
  // The record of restores opens under the name its button gave it.
  await page.getByRole('button', { name: '恢复与接管记录' }).click();
  const record = page.getByRole('dialog', { name: '恢复与接管记录' });
  await expect(record).toBeVisible();
  await expect(page.getByRole('dialog', { name: '修改记录' })).toHaveCount(0);
  await record.getByRole('button', { name: 'Close' }).or(record.locator('.ant-drawer-close')).first().click();
  await expect(record).toHaveCount(0);

  await page.getByRole('menuitem', { name: '单位与人员' }).click();
  await expect(page.getByRole('cell', { name: '办公室', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: '备份后新增', exact: true })).toHaveCount(0);
  expect((await arrange(host.workstation, 'departments.list')).map((d) => d.name)).toEqual(['办公室']);
});

test('a damaged data file opens the recovery screen, and restoring a backup brings the workstation back', async ({
  page,
}) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-e2e-recovery-'));
  const dbPath = path.join(dir, 'zwgk.sqlite');
  try {
    const before = new Workstation({
      dbPath,
      host: 'cli',
      autoBackup: false,
      files: {
        deliver: async () => {
          throw new Error('unused');
        },
      },
    }).open();
    await arrange(before, 'app.setup', { bureau: BUREAU, year: 2026 });
    await arrange(before, 'departments.create', { name: '办公室' });
    await arrange(before, 'backup.create');
    before.close();
    fs.writeFileSync(dbPath, Buffer.alloc(16384, 0x5a));

    const host = await startWebHost({ dbPath, rendererDir: path.resolve('out/renderer') });
    try {
      await page.goto(host.url);
      await expect(page.getByText('数据文件无法打开')).toBeVisible();
      await expect(page.getByText(/数据文件已损坏或不是本软件的数据库/)).toBeVisible();
      const row = page.getByRole('row', { name: /手动/ });
      await row.getByRole('button', { name: '恢复' }).click();
      await page.locator('.ant-popover').getByRole('button', { name: '恢复' }).click();
      await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
      await page.getByRole('menuitem', { name: '单位与人员' }).click();
      await expect(page.getByRole('cell', { name: '办公室', exact: true })).toBeVisible();
      // The damaged file was kept aside, not thrown away.
      expect(fs.readdirSync(path.join(dir, 'backups', 'zwgk')).some((f) => f.startsWith('damaged-'))).toBe(true);
    } finally {
      await host.close();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('moving to a new PC: a full copy saved in the UI opens from the first-run screen of a fresh workstation', async ({
  app: page,
  host,
  browser,
}) => {
  await arrange(host.workstation, 'app.setup', { bureau: BUREAU, year: 2026 });
  await arrange(host.workstation, 'departments.create', { name: '旧电脑上的科室' });
  await page.reload();
  await page.getByRole('menuitem', { name: '数据与备份' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: '另存完整副本…' }).click();
  const copy = await download;
  expect(copy.suggestedFilename()).toMatch(/^政务公开工作台数据-\d{8}\.sqlite$/);
  const copyPath = path.join(path.dirname(host.workstation.dbPath), copy.suggestedFilename());
  await copy.saveAs(copyPath);

  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'zwgk-e2e-newpc-'));
  const fresh = await startWebHost({
    dbPath: path.join(dir, 'zwgk.sqlite'),
    rendererDir: path.resolve('out/renderer'),
  });
  const newPc = await browser.newPage();
  try {
    await newPc.goto(fresh.url);
    await expect(newPc.getByRole('heading', { name: '欢迎使用政务公开工作台' })).toBeVisible();
    // Something that is not a data file is refused with a reason, and the workstation stays as it was.
    // It is checked before anything is asked: no confirmation is offered for it.
    await newPc.locator('input[type=file]').setInputFiles({
      name: '人员名单.xlsx',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('not a database'),
    });
    await expect(newPc.getByText(/不是政务公开工作台的数据文件/)).toBeVisible();
    await expect(newPc.getByRole('heading', { name: '欢迎使用政务公开工作台' })).toBeVisible();
    await expect(newPc.getByRole('dialog')).toHaveCount(0);

    await newPc.locator('input[type=file]').setInputFiles(copyPath);
    // The confirmation says what the file holds before anything is replaced (the new PC has no 单位 yet).
    const dialog = newPc.getByRole('dialog');
    await expect(dialog.getByText('某县科学技术局')).toBeVisible();
    await expect(dialog.getByText('实施方案 0 个、任务 0 项、人员 0 名')).toBeVisible();
    // Made from another data file (the old PC's): the confirmation says so.
    await expect(dialog.getByText(/这份备份不是由当前数据文件做的/)).toBeVisible();
    await dialog.getByRole('button', { name: '确认恢复' }).click();
    await expect(newPc.getByRole('heading', { name: '首页' })).toBeVisible();
    await newPc.getByRole('menuitem', { name: '单位与人员' }).click();
    await expect(newPc.getByRole('cell', { name: '旧电脑上的科室', exact: true })).toBeVisible();
    await expect(newPc.getByText('某县科学技术局').first()).toBeVisible();
  } finally {
    await newPc.close();
    await fresh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test.describe('at 1366×768', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('a backup of another 单位 in the old shared folder is listed as such and restores only after an explicit tick', async ({
    app: page,
    host,
  }) => {
    await arrange(host.workstation, 'app.setup', { bureau: BUREAU, year: 2026 });
    await arrange(host.workstation, 'departments.create', { name: '办公室' });
    await arrange(host.workstation, 'staff.create', {
      name: '张三',
      departmentId: null,
      title: '',
      phone: '',
      status: '在岗',
      note: '',
    });
    // Another data file in the same folder, backed up by an old program into the shared backups folder.
    const dir = path.dirname(host.workstation.dbPath);
    const otherPath = path.join(dir, '其他局.sqlite');
    const other = new Workstation({
      dbPath: otherPath,
      host: 'cli',
      autoBackup: false,
      files: {
        deliver: async () => {
          throw new Error('unused');
        },
      },
    }).open();
    await arrange(other, 'app.setup', {
      bureau: { ...BUREAU, fullName: '某县教育局', shortName: '县教育局' },
      year: 2026,
    });
    const made = await arrange(other, 'backup.create');
    other.close();
    fs.renameSync(path.join(other.backupDir, made.fileName), path.join(dir, 'backups', made.fileName));
    await page.reload();

    await page.getByRole('menuitem', { name: '数据与备份' }).click();
    const row = page.getByRole('row', { name: /某县教育局/ });
    await expect(row.getByText('其他单位')).toBeVisible();
    await expect(row.getByText('共用文件夹')).toBeVisible();
    await row.getByRole('button', { name: '恢复' }).click();
    const dialog = page.getByRole('dialog');
    await expect(dialog.getByText(host.workstation.dbPath)).toBeVisible();
    await expect(dialog.getByText('实施方案 0 个、任务 0 项、人员 0 名')).toBeVisible();
    await expect(dialog.getByText(/不是本单位（某县科学技术局）的/)).toBeVisible();
    const ok = dialog.getByRole('button', { name: '确认恢复' });
    await expect(ok).toBeDisabled();
    await expect(ok).toBeInViewport();
    await dialog.getByRole('button', { name: '取消' }).click();
    expect((await arrange(host.workstation, 'app.status')).bureau?.fullName).toBe('某县科学技术局');

    await row.getByRole('button', { name: '恢复' }).click();
    await dialog.getByRole('checkbox', { name: '确认用其他单位的数据替换' }).check();
    await ok.click();
    await expect(page.getByText(/^已恢复到\d{4}年.*的数据$/)).toBeVisible();
    expect((await arrange(host.workstation, 'app.status')).bureau?.fullName).toBe('某县教育局');
  });
});
