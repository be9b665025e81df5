import type { Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import type { WebHost } from '../../main/web/server';
import { arrange, setUpBureau } from './arrange';
import { expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

/** A bureau for 2023 and the 上级要点 import dialog open on 粘贴文字. */
async function setUp(host: WebHost, page: Page): Promise<void> {
  await setUpBureau(host, page, 2023);
  await page.getByRole('menuitem', { name: '上级要点' }).click();
  await page.getByRole('button', { name: '导入上级文件' }).first().click();
  await page.getByRole('tab', { name: '粘贴文字' }).click();
}

async function documentCount(host: WebHost): Promise<number> {
  return (await arrange(host, 'points.documents', { year: 2023 })).length;
}

const CN = '一二三四五六七八九十';
const sectionLabel = (s: number) => (s <= 10 ? CN[s - 1] : s < 20 ? `十${CN[s - 11]}` : '二十');

/** A paste the size that took 22-52 s to preview: 20 sections of 32 items, about 300,000 characters. */
function largePaste(): { text: string; items: number } {
  const filler =
    '坚持以人民为中心，围绕中心服务大局，进一步提升政务公开质量和实效，推动政务公开工作规范化标准化'.repeat(10);
  const lines = ['2023年某县政务公开工作要点（大批量）'];
  for (let s = 1; s <= 20; s++) {
    lines.push(`${sectionLabel(s)}、第${s}部分重点任务`);
    for (let j = 1; j <= 32; j++) lines.push(`${j}.推进第${s}部分第${j}项工作。${filler}。（办公室负责）`);
  }
  return { text: lines.join('\n'), items: 20 + 20 * 32 };
}

test('30 万字的粘贴：预览出现，滚动到后面的条目可以打开编辑', async ({ app: page, host }) => {
  test.setTimeout(180_000);
  const { text, items } = largePaste();
  expect(text.length).toBeGreaterThan(290_000);
  await setUp(host, page);
  await page.getByLabel('粘贴的文字').fill(text);
  await page.getByRole('button', { name: '识别粘贴的文字' }).click();
  await expect(page.getByText(new RegExp(`^共 ${items} 条，0 条没有责任单位`))).toBeVisible({ timeout: 60_000 });

  // Only the rows in view exist (virtual list); scroll down to a late item and open it.
  const tree = page.getByRole('tree');
  const late = page.getByRole('treeitem', { name: /第18部分第20项工作/ });
  // Scroll the list's own holder in small steps (the virtual list renders only the rows in view, so a long jump
  // could pass over the item; the wheel would scroll the page instead once the pointer leaves the list). Each step
  // waits two frames, so the list has drawn the rows of the new position before the next check: on a busy machine
  // it lagged behind and the item was scrolled past unseen.
  const holder = tree.locator('.ant-tree-list-holder');
  for (let k = 0; k < 600 && !(await late.isVisible()); k++) {
    await holder.evaluate(
      (el) =>
        new Promise<void>((done) => {
          // In the page (the tests compile without the DOM library).
          const frame = (globalThis as unknown as { requestAnimationFrame(cb: () => void): number })
            .requestAnimationFrame;
          el.scrollTop += 200;
          frame(() => frame(() => done()));
        }),
    );
  }
  await expect(late).toBeVisible();
  expect(await page.getByRole('treeitem').count()).toBeLessThan(100);
  await late.getByRole('button', { name: '编辑' }).click();
  const dialog = page.getByRole('dialog', { name: '编辑条目' });
  await expect(dialog.getByLabel('内容')).toHaveValue(/^推进第18部分第20项工作/);
  await expect(dialog.getByLabel('牵头单位')).toHaveValue('办公室');
  await dialog.getByRole('button', { name: '取消' }).click();
  await expect(dialog).toBeHidden();
});

test('预览中改过条目后离开：询问保存/不保存/取消；取消留下，不保存离开，保存则存下改过的条目', async ({
  app: page,
  host,
}) => {
  await setUp(host, page);
  const text = '2023年某局政务公开要点\n一、加强公开\n1.做好公开。（办公室负责）\n2.做好解读。（高新科负责）\n';
  await page.getByLabel('粘贴的文字').fill(text);
  await page.getByRole('button', { name: '识别粘贴的文字' }).click();
  await expect(page.getByText('共 3 条')).toBeVisible({ timeout: 15_000 });

  // Nothing changed yet: leaving does not ask.
  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(page.getByRole('heading', { name: '上级要点' })).toBeVisible();

  await page.getByRole('button', { name: '导入上级文件' }).first().click();
  await page.getByRole('tab', { name: '粘贴文字' }).click();
  await page.getByLabel('粘贴的文字').fill(text);
  await page.getByRole('button', { name: '识别粘贴的文字' }).click();
  await page.getByRole('treeitem', { name: '条目 2.做好解读' }).getByRole('button', { name: '并入上一条' }).click();
  await expect(page.getByText('共 2 条')).toBeVisible();

  const ask = page.getByRole('dialog', { name: '保存修改吗？' });
  // 取消: stays, with the merge.
  await page.getByRole('button', { name: '返回列表' }).click();
  await expect(ask).toBeVisible();
  await expect(ask).toContainText('预览中合并、拆分、调整层级或编辑过的条目还没有保存');
  for (const name of ['保存', '不保存', '取消']) {
    const box = await ask.getByRole('button', { name, exact: true }).boundingBox();
    expect(box && box.y + box.height <= 768 && box.x + box.width <= 1366).toBe(true);
  }
  await ask.getByRole('button', { name: '取消', exact: true }).click();
  await expect(ask).toBeHidden();
  await expect(page.getByText('共 2 条')).toBeVisible();

  // Changing the working year in the header would replace the screen: it asks too, and 取消 keeps year and merge.
  const yearBox = page.getByLabel('工作年度');
  const yearShown = page.locator('.ant-layout-header .ant-select-content');
  const before = await yearShown.textContent();
  await yearBox.click();
  await page.keyboard.type('2015');
  await page.keyboard.press('Enter');
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '取消', exact: true }).click();
  await expect(ask).toBeHidden();
  await expect(yearShown).toHaveText(before!);
  await expect(page.getByText('共 2 条')).toBeVisible();

  // The menu asks too; 不保存 leaves and stores nothing.
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: '不保存', exact: true }).click();
  await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
  expect(await documentCount(host)).toBe(0);

  // 保存 from the question stores the corrected items and then goes where the user was going.
  await page.getByRole('menuitem', { name: '上级要点' }).click();
  await page.getByRole('button', { name: '导入上级文件' }).first().click();
  await page.getByRole('tab', { name: '粘贴文字' }).click();
  await page.getByLabel('粘贴的文字').fill(text);
  await page.getByRole('button', { name: '识别粘贴的文字' }).click();
  await page.getByRole('treeitem', { name: '条目 2.做好解读' }).getByRole('button', { name: '并入上一条' }).click();
  await page.getByRole('button', { name: '返回列表' }).click();
  await ask.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存“2023年某局政务公开要点”')).toBeVisible();
  await expect(page.getByRole('cell', { name: '2023年某局政务公开要点' })).toBeVisible({ timeout: 15_000 });
  await expect(ask).toBeHidden();
  expect(await documentCount(host)).toBe(1);
  const docs = await arrange(host, 'points.documents', { year: 2023 });
  expect(docs[0].itemCount).toBe(2);
});

/**
 * An Excel 分解表 as offices send it (test/unit/points/xlsx-neighbours.test.ts has each trait on its own): 附件1, title
 * and 文号 above a two-row header, the sections merged down a column under a 序号 header over two columns, a hidden row,
 * a blank row, a 完成时限 of 全年, Excel's day number and a span of months, notes and 填表人 under the table.
 */
async function neighbourXlsx(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('分解表');
  ws.addRow(['附件1']);
  ws.addRow(['2023年檀溪县政务公开重点任务分解表']);
  ws.mergeCells('A2:F2');
  ws.addRow(['檀政办发〔2023〕3号']);
  ws.mergeCells('A3:F3');
  ws.addRow(['序号', null, '工作任务', '责任单位', null, '时间要求']);
  ws.addRow([null, null, null, '牵头单位', '配合单位', null]);
  for (const range of ['A4:B5', 'C4:C5', 'D4:E4', 'F4:F5']) ws.mergeCells(range);
  ws.addRow([
    '一、深化重点领域信息公开',
    1,
    '围绕县委县政府重大决策部署，\n及时发布政策文件。',
    '县政府办',
    '县司法局',
    '2023年6月底前',
  ]);
  // 2023年9月30日 as a number in the 常规 format.
  ws.addRow([null, 2, '完成本部门政策文件库更新。', '各乡镇', null, 45199]);
  ws.addRow([null, 3, '删去的一项任务。', '县教育局', null, '2023年3月底前']);
  ws.getRow(8).hidden = true;
  ws.addRow([]);
  ws.addRow([null, 4, '组织开展一次政务公开专题培训。', '县政府办', null, '全年']);
  ws.mergeCells('A6:A10');
  ws.addRow(['二、加强平台建设', 1, '做好政务新媒体日常巡查。', '县融媒体中心', '各乡镇', '2023年6月—12月']);
  ws.addRow(['备注：完成时限为“持续推进”的，每季度末报送进展。']);
  ws.mergeCells('A12:F12');
  ws.addRow(['填表人：张三', null, '联系电话：0710-1234567', null, '审核人：李四']);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

test('Excel 分解表：标题、文号、分类和时限读出，隐藏的行在预览上方说明，1366×768 中看得全', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, 2023);
  await page.getByRole('menuitem', { name: '上级要点' }).click();
  await page.getByRole('button', { name: '导入上级文件' }).first().click();
  await page
    .locator('input[type=file]')
    .first()
    .setInputFiles({
      name: '分解表.xlsx',
      mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      buffer: await neighbourXlsx(),
    });
  // Two sections and four tasks: the hidden row, the notes and the 填表人 are none of them.
  await expect(page.getByText(/^共 6 条，0 条没有责任单位/)).toBeVisible({ timeout: 15_000 });
  const hidden = page.getByRole('alert').filter({ hasText: '隐藏的第8行有内容，没有读取' });
  await expect(hidden).toContainText('“分解表.xlsx”中的工作表“分解表”');
  const box = await hidden.boundingBox();
  expect(box && box.x >= 0 && box.x + box.width <= 1366).toBe(true);
  await expect(page.getByLabel('文件标题')).toHaveValue('2023年檀溪县政务公开重点任务分解表');
  await expect(page.getByLabel('文号')).toHaveValue('檀政办发〔2023〕3号');
  for (const name of [/^条目 一、深化重点领域信息公开/, /^条目 二、加强平台建设/])
    await expect(page.getByRole('treeitem', { name })).toBeVisible();
  await expect(page.getByRole('treeitem', { name: /组织开展一次政务公开专题培训/ })).toContainText('时限：全年');
  await expect(page.getByRole('treeitem', { name: /完成本部门政策文件库更新/ })).toContainText('时限：2023年9月30日');
  await expect(page.getByRole('treeitem', { name: /做好政务新媒体日常巡查/ })).toContainText(
    '时限：2023年12月31日（2023年6月—12月）',
  );

  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText('已保存“2023年檀溪县政务公开重点任务分解表”，共 6 条')).toBeVisible({ timeout: 15_000 });
  const docs = await arrange(host, 'points.documents', { year: 2023 });
  expect(docs.map((d) => [d.docNumber, d.itemCount, d.withDeadline])).toEqual([['檀政办发〔2023〕3号', 6, 3]]);
});
