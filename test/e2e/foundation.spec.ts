import { completeSetup, expect, test } from './fixtures';

test('first run: set up the bureau, add departments and staff, reload and find everything', async ({ app: page }) => {
  await expect(page.getByRole('heading', { name: '欢迎使用政务公开工作台' })).toBeVisible();
  // The setup form refuses an empty 单位全称.
  await page.getByRole('button', { name: '开始使用' }).click();
  await expect(page.getByText('请填写单位全称')).toBeVisible();
  await completeSetup(page, 2026);
  await expect(page.getByText('从这里开始')).toBeVisible();

  await page.getByRole('menuitem', { name: '单位与人员' }).click();
  await expect(page.getByText('还没有科室')).toBeVisible();
  for (const name of ['办公室', '高新科']) {
    await page.getByRole('button', { name: '添加科室' }).click();
    await page.getByRole('dialog').getByLabel('科室名称').fill(name);
    await page.getByRole('dialog').getByRole('button', { name: '保存' }).click();
    await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  }

  await page.getByRole('button', { name: '添加人员' }).click();
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('姓名').fill('张三');
  await dialog.getByLabel('科室').click();
  await page.getByTitle('高新科').click();
  await dialog.getByLabel('职务').fill('科长');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('cell', { name: '张三', exact: true })).toBeVisible();

  await page.reload();
  await expect(page.getByRole('heading', { name: '单位与人员' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '办公室', exact: true })).toBeVisible();
  const row = page.getByRole('row', { name: /张三/ });
  await expect(row.getByRole('cell', { name: '高新科', exact: true })).toBeVisible();
  await expect(row.getByRole('cell', { name: '科长', exact: true })).toBeVisible();
  await expect(page.getByText('某县科学技术局').first()).toBeVisible();
});
