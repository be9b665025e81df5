// Where the cursor is when something opens for typing: a drawer with a form opens on its first field as a form dialog
// does (the chosen radio button when one is chosen), not on the drawer itself; a text already written (a 年度总结
// paragraph, a 回头看 reason) opens with the cursor after its last character, where an office clerk goes on.
import type { Locator } from '@playwright/test';
import { loadDemo } from '../../main/services/demo';
import { openExampleSummary, openScreen, saveStarterTemplate, setUpBureau } from './arrange';
import { completeSetup, expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });
// The machine running the suite is shared; give each step room without a fixed sleep.
const slow = { timeout: 20_000 };
test.setTimeout(180_000);

/** The caret of a focused text box: where it stands, and the length of the text (a selection counts as none). */
async function caret(box: Locator): Promise<{ at: number | null; length: number }> {
  return box.evaluate((e) => {
    const t = e as unknown as { selectionStart: number | null; selectionEnd: number | null; value: string };
    return { at: t.selectionStart === t.selectionEnd ? t.selectionStart : null, length: t.value.length };
  });
}

test('评分 drawer: the rating has the focus when it opens, the chosen level when rated; arrows and Enter rate it', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, 2026);
  const starter = await saveStarterTemplate(host, 2026);
  // A 达到/未达到 leaf of the starter 细则, read from it rather than named here.
  const leaf = starter.indicators.flatMap((g) => g.children).find((c) => c.rule.kind === 'fixed')!;
  await openScreen(page, '自查整改', slow);
  const open = page.getByRole('button', { name: `评分 ${leaf.name}`, exact: true });
  const drawer = page.getByRole('dialog', { name: `评分：${leaf.name}` });
  await open.click();
  await expect(drawer.getByRole('radio', { name: '达到', exact: true })).toBeFocused(slow);
  // From the keyboard alone: ↓ chooses 未达到, Enter saves.
  await page.keyboard.press('ArrowDown');
  const missed = drawer.getByRole('radio', { name: /^未达到/ });
  await expect(missed).toBeChecked();
  await page.keyboard.press('Enter');
  await expect(page.getByText('已保存自评').first()).toBeVisible(slow);
  await expect(drawer.getByText(/^扣\d+(\.\d+)?分$/)).toBeVisible(slow);
  await page.getByRole('button', { name: '关闭', exact: true }).click();
  await expect(drawer).toBeHidden(slow);
  // Opened again, the choice made has the focus.
  await open.click();
  await expect(missed).toBeFocused(slow);
  await expect(missed).toBeChecked();
});

test('年度总结: a paragraph opened with 修改 (click or keyboard) has the cursor after its text', async ({
  app: page,
  host,
}) => {
  const { edit, box } = await openExampleSummary(page, host);
  await edit.click();
  await expect(box).toBeFocused();
  const opened = await caret(box);
  expect(opened.length).toBeGreaterThan(0);
  expect(opened.at).toBe(opened.length);
  // What is typed then goes after the paragraph's words.
  const before = await box.inputValue();
  await page.keyboard.type('（补充）');
  await expect(box).toHaveValue(`${before}（补充）`);
  await box.press('Escape');
  await page.getByRole('dialog', { name: '保存修改吗？' }).getByRole('button', { name: '不保存' }).click();
  await expect(box).toHaveCount(0);
  // By keyboard: Enter on 修改.
  await edit.focus();
  await page.keyboard.press('Enter');
  await expect(box).toBeFocused();
  expect(await caret(box)).toEqual({ at: before.length, length: before.length });
});

test('回头看: a reason already written opens in its form dialog with the cursor after it', async ({
  app: page,
  host,
}) => {
  await completeSetup(page, 2026);
  await loadDemo(host.workstation.context());
  await page.reload();
  await page.getByRole('menuitem', { name: '自查整改' }).click();
  await page.getByRole('tab', { name: '回头看' }).click();
  const row = page.getByLabel('回头看').getByRole('row').filter({ hasText: '门户网站政务公开专栏迁移' });
  await expect(row).toContainText('集约化平台二期未按计划上线', slow);
  await row.getByRole('button', { name: '记录原因' }).click();
  const box = page.getByRole('dialog', { name: /^记录原因：/ }).getByLabel('原因');
  await expect(box).toBeFocused(slow);
  const opened = await caret(box);
  expect(opened.length).toBeGreaterThan(0);
  expect(opened.at).toBe(opened.length);
});
