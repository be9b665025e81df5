import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { parsePointsFile } from '../../main/import/points';
import { buildDocx, SAMPLES_DIR } from '../unit/points/variants';
import { answerUnsaved, arrange, openScreen, setUpBureau } from './arrange';
import { expect as baseExpect, test } from './fixtures';

// Previewing and saving a Word file parse it and store the original; on a machine shared by several builds one such
// step alone can take longer than the default wait (the same allowance as the 信息公开 spec).
const expect = baseExpect.configure({ timeout: 15_000 });

/** The county sample as a Word file with automatic numbering, the way it arrives from the higher level. */
async function sampleDocx(): Promise<Buffer> {
  const name = 'county-plan-2023-scraped';
  const parsed = await parsePointsFile(`${name}.txt`, fs.readFileSync(path.join(SAMPLES_DIR, `${name}.txt`)));
  return buildDocx(
    { title: '2023年县科技局政务公开实施方案', docNumber: '科政发〔2023〕5号', items: parsed.items },
    'auto',
  );
}

const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Drops a file on the drop zone the way dragging it from the file manager does. */
async function dropFile(page: Page, name: string, mime: string, buffer: Buffer): Promise<void> {
  // Runs in the page (a DOM with DataTransfer and File), written as text because this file is type-checked for Node.
  const dataTransfer = await page.evaluateHandle(`(() => {
    const dt = new DataTransfer();
    const bytes = Uint8Array.from(atob(${JSON.stringify(buffer.toString('base64'))}), (c) => c.charCodeAt(0));
    dt.items.add(new File([bytes], ${JSON.stringify(name)}, { type: ${JSON.stringify(mime)} }));
    return dt;
  })()`);
  await page.dispatchEvent('.ant-upload-drag-container', 'drop', { dataTransfer });
}

test('导入 Word 文件：预览中修正一个责任单位，保存，刷新后仍能看到', async ({ app: page, host }) => {
  await setUpBureau(host, page, 2023);
  await openScreen(page, '上级要点');
  await expect(page.getByText('2023 年度还没有导入上级要点')).toBeVisible();
  await page.getByRole('button', { name: '导入上级文件' }).first().click();
  await page
    .locator('input[type=file]')
    .setInputFiles({ name: '2023年县科技局政务公开实施方案.docx', mimeType: DOCX_MIME, buffer: await sampleDocx() });

  await expect(page.getByText('共 22 条，3 条没有责任单位，1 条有完成时限')).toBeVisible();
  await expect(page.getByLabel('文件标题')).toHaveValue('2023年县科技局政务公开实施方案');
  await expect(page.getByLabel('文号')).toHaveValue('科政发〔2023〕5号');
  const item = page.getByRole('treeitem', { name: '条目 2.推进市场监管公开透明' });
  await expect(item).toContainText('牵头：知识产权局');

  await item.getByRole('button', { name: '编辑' }).click();
  const dialog = page.getByRole('dialog', { name: '编辑条目' });
  await expect(dialog.getByLabel('牵头单位')).toHaveValue('办公室、知识产权局');
  await dialog.getByLabel('牵头单位').fill('办公室、市场监管股');
  await dialog.getByRole('button', { name: '确定' }).click();
  await expect(dialog).toBeHidden();
  await expect(item).toContainText('牵头：市场监管股');
  await expect(item).not.toContainText('知识产权局');

  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '2023年县科技局政务公开实施方案' })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { name: '2023年县科技局政务公开实施方案' })).toBeVisible();
  await expect(page.getByRole('treeitem', { name: '条目 2.推进市场监管公开透明' })).toContainText('牵头：市场监管股');

  const [doc] = await arrange(host, 'points.documents', { year: 2023 });
  expect(doc).toMatchObject({
    docNumber: '科政发〔2023〕5号',
    itemCount: 22,
    fileName: '2023年县科技局政务公开实施方案.docx',
  });
  const { items } = await arrange(host, 'points.document', { id: doc.id });
  expect(items.find((i) => i.title === '推进市场监管公开透明')!.lead).toEqual(['办公室', '市场监管股']);

  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(page.getByRole('cell', { name: '2023年县科技局政务公开实施方案' })).toBeVisible();
});

test('拖入的坏文件给出中文说明且什么也不存；粘贴文字可以导入；再次导入同一文件先询问是否替换', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, 2023);
  await openScreen(page, '上级要点');
  await page.getByRole('button', { name: '导入上级文件' }).first().click();
  await dropFile(page, '要点.txt', 'text/plain', Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)));
  await expect(page.getByText('无法导入')).toBeVisible();
  await expect(page.getByText('不是文本文件')).toBeVisible();
  expect(await arrange(host, 'points.documents', { year: 2023 })).toEqual([]);

  const text =
    '2023年某某政务公开工作要点\n一、加强公开\n1.9月底前完成清单编制。（办公室牵头负责，各科室配合）\n2.做好解读。\n';
  await page.getByRole('tab', { name: '粘贴文字' }).click();
  await page.getByLabel('粘贴的文字').fill(text);
  await page.getByRole('button', { name: '识别粘贴的文字' }).click();
  await expect(page.getByText('共 3 条，1 条没有责任单位，1 条有完成时限')).toBeVisible();
  await expect(page.getByRole('treeitem', { name: '条目 1.9月底前完成清单编制' })).toContainText(
    '时限：2023年9月30日（',
  );
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '2023年某某政务公开工作要点' })).toBeVisible();

  await page.getByRole('button', { name: '返回列表' }).click();
  await page.getByRole('button', { name: '导入上级文件' }).first().click();
  await page.getByRole('tab', { name: '粘贴文字' }).click();
  await page.getByLabel('粘贴的文字').fill(text.replace('2.做好解读。', '2.做好解读。（办公室负责）\n3.做好培训。'));
  await page.getByRole('button', { name: '识别粘贴的文字' }).click();
  // The one duplicate check runs when saving: it answers what replacing would change, and nothing is written yet.
  await page.getByRole('button', { name: '保存' }).click();
  const confirm = page.getByRole('dialog', { name: '已导入过同一文件，是否替换？' });
  await expect(confirm).toContainText('新增 1 条，删除 0 条，修改 1 条');
  await confirm.getByRole('button', { name: '替换' }).click();
  await expect(page.getByText('共 4 条，1 条没有责任单位')).toBeVisible();
  expect(await arrange(host, 'points.documents', { year: 2023 })).toHaveLength(1);
});

test('预览中拆分、合并条目和调整层级，保存后按调整后的样子保存', async ({ app: page, host }) => {
  await setUpBureau(host, page, 2023);
  await openScreen(page, '上级要点');
  await page.getByRole('button', { name: '导入上级文件' }).first().click();
  await page.getByRole('tab', { name: '粘贴文字' }).click();
  await page
    .getByLabel('粘贴的文字')
    .fill(
      '2023年某局政务公开要点\n一、加强公开\n1.做好公开。（办公室负责）\n2.做好解读。9月底前完成培训。（高新科负责）\n',
    );
  await page.getByRole('button', { name: '识别粘贴的文字' }).click();
  await expect(page.getByText('共 3 条，0 条没有责任单位，1 条有完成时限')).toBeVisible();

  await page.getByRole('treeitem', { name: '条目 2.做好解读' }).getByRole('button', { name: '拆分' }).click();
  const split = page.getByRole('dialog', { name: '拆分条目' });
  await split.getByRole('radio', { name: '9月底前完成培训。' }).check();
  await split.getByRole('button', { name: '拆分' }).click();
  await expect(page.getByText('共 4 条，0 条没有责任单位，1 条有完成时限')).toBeVisible();
  await expect(page.getByRole('treeitem', { name: '条目 3.9月底前完成培训' })).toContainText('时限：2023年9月30日（');
  await expect(page.getByRole('treeitem', { name: '条目 2.做好解读' })).not.toContainText('时限');

  await page
    .getByRole('treeitem', { name: '条目 3.9月底前完成培训' })
    .getByRole('button', { name: '并入上一条' })
    .click();
  await expect(page.getByText('共 3 条，0 条没有责任单位，1 条有完成时限')).toBeVisible();

  const item2 = page.getByRole('treeitem', { name: '条目 2.做好解读' });
  await item2.getByRole('combobox', { name: '层级' }).click();
  await page.locator('.ant-select-dropdown:visible').getByTitle('（1）（第4级）').click();
  await expect(page.getByRole('treeitem', { name: '条目 （2）做好解读' })).toBeVisible();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '2023年某局政务公开要点' })).toBeVisible();
  const [doc] = await arrange(host, 'points.documents', { year: 2023 });
  const { items } = await arrange(host, 'points.document', { id: doc.id });
  expect(items.map((i) => [i.level, i.label, i.text, i.deadline])).toEqual([
    [1, '一', '加强公开', null],
    [3, '1', '做好公开。', null],
    [4, '2', '做好解读。\n9月底前完成培训。', '2023-09-30'],
  ]);
  expect(items[2].parentId).toBe(items[1].id);
});

test('编辑条目 and 修改文件信息 are form dialogs: first field focused, Enter saves, Esc closes, changed fields are asked about', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, 2023);
  await openScreen(page, '上级要点');
  await page.getByRole('button', { name: '导入上级文件' }).first().click();
  await page.getByRole('tab', { name: '粘贴文字' }).click();
  await page.getByLabel('粘贴的文字').fill('2023年某某政务公开工作要点\n一、加强公开\n1.做好公开。（办公室负责）\n');
  await page.getByRole('button', { name: '识别粘贴的文字' }).click();
  await page.getByRole('button', { name: '保存' }).click();
  await expect(page.getByRole('heading', { name: '2023年某某政务公开工作要点' })).toBeVisible();

  const item = page.getByRole('treeitem', { name: '条目 1.做好公开' });
  const dialog = page.getByRole('dialog', { name: '编辑条目' });
  // Nothing changed: Esc closes without a question.
  await item.getByRole('button', { name: '编辑' }).click();
  await expect(dialog.getByLabel('层级')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toHaveCount(0);
  // Enter in a one-line field saves.
  await item.getByRole('button', { name: '编辑' }).click();
  await expect(dialog.getByLabel('层级')).toBeFocused();
  await dialog.getByLabel('牵头单位').fill('政务公开办');
  await dialog.getByLabel('牵头单位').press('Enter');
  await expect(page.getByText('已保存修改')).toBeVisible();
  await expect(dialog).toHaveCount(0);
  await expect(item).toContainText('牵头：政务公开办');
  // A changed field and Esc: asked, 不保存 leaves the item as it was.
  await item.getByRole('button', { name: '编辑' }).click();
  await dialog.getByLabel('牵头单位').fill('另一个科室');
  await page.keyboard.press('Escape');
  await answerUnsaved(page, '不保存');
  await expect(dialog).toHaveCount(0);
  await expect(item).toContainText('牵头：政务公开办');

  await page.getByRole('button', { name: '修改文件信息' }).click();
  const meta = page.getByRole('dialog', { name: '修改文件信息' });
  await expect(meta.getByLabel('文件标题')).toBeFocused();
  await expect(meta.getByLabel('文件标题')).toHaveValue('2023年某某政务公开工作要点');
  await meta.getByLabel('文号').fill('某政发〔2023〕1号');
  await meta.getByLabel('文号').press('Enter');
  await expect(page.getByText('已保存文件信息')).toBeVisible();
  await expect(meta).toHaveCount(0);
  const [doc] = await arrange(host, 'points.documents', { year: 2023 });
  expect(doc.docNumber).toBe('某政发〔2023〕1号');
});
