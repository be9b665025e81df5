// 年度总结 and the home dashboard on the example year, at 1366×768: the charts open the lists behind them; the draft
// is edited, the data changes, 刷新数据 keeps the edit and marks the changed figure, and the export carries both.
import JSZip from 'jszip';
import { loadDemo } from '../../main/services/demo';
import { listPosts } from '../../main/services/team/ab';
import { createTraining } from '../../main/services/team/training';
import { today, year } from './arrange';
import { completeSetup, expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });


test('summary: dashboard charts open their lists; the draft keeps an edit through 刷新数据 and exports', async ({ app: page, host }) => {
  await completeSetup(page, year);
  const ctx = host.workstation.context();
  await loadDemo(ctx);
  await page.reload();

  // The dashboard: three charts in the first row, each opening the list behind it.
  await expect(page.getByRole('img', { name: /各章节任务进度/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: '任务按预警分布' })).toBeVisible();
  await expect(page.getByRole('img', { name: /各月培训/ })).toBeVisible();
  await expect(page.locator('.ant-card').filter({ hasText: '近期时间节点' }).getByRole('link', { name: '人员变动备案截止' })).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('home-1366.png') });
  const lights = page.locator('.ant-card').filter({ hasText: '任务预警' });
  const overdueLink = lights.getByText(/^已逾期 \d+$/);
  const overdue = Number((await overdueLink.textContent())!.replace(/\D/g, ''));
  await overdueLink.click();
  await expect(page).toHaveURL(/#\/plan\/filter\//);
  await expect(page.locator('.ant-table-tbody tr.ant-table-row')).toHaveCount(overdue);
  // A bar of the section chart opens that section's tasks of that status.
  await page.getByRole('menuitem', { name: '首页' }).click();
  const bars = page.getByRole('img', { name: /各章节任务进度/ }).locator('path[fill="#52c41a"]');
  await bars.first().click();
  await expect(page).toHaveURL(/#\/plan\/filter\/.*section/);
  await expect(page.getByText(/^章节：/)).toBeVisible();

  // The draft the example data made.
  await page.getByRole('menuitem', { name: '年度总结' }).click();
  await expect(page.getByText('一、主要做法和成效')).toBeVisible();
  await expect(page.getByText('二、存在的问题')).toBeVisible();
  await expect(page.getByText('三、下一步工作打算')).toBeVisible();
  await page.screenshot({ path: test.info().outputPath('summary-1366.png') });

  // Rewrite the training paragraph.
  const mine = '一是全年由办公室统筹安排政务公开培训，分管领导带头参训，重点学习政府信息公开条例。（本段由用户改写）';
  await page.getByRole('button', { name: /^修改：（.）加强队伍建设/ }).click();
  const box = page.getByRole('textbox', { name: '段落文字' });
  await expect(box).toBeFocused();
  await box.fill(mine);
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(page.getByText(mine)).toBeVisible();
  await expect(page.getByRole('group', { name: /段落：（.）加强队伍建设/ }).getByText('已手动修改')).toBeVisible();

  // Someone records another training; the figures change.
  const team = [...new Set((await listPosts(ctx)).flatMap((p) => [p.a?.staffId, p.b?.staffId]).filter((x): x is number => !!x))];
  await createTraining(ctx, {
    date: today, title: '依申请公开办理实务培训', kind: '政务公开专题培训', form: '集中授课', status: '已举办', hours: 1.5,
    attendees: team.slice(0, 3).map((staffId) => ({ staffId, present: true })),
  });
  await page.getByRole('button', { name: '刷新数据' }).click();
  await expect(page.getByText(/刷新完成：\d+ 项数字有变化/)).toBeVisible();
  await expect(page.getByText('举办政务公开培训（次）：2 → 3', { exact: true })).toBeVisible();
  // The edit is kept, with the new version waiting beside it.
  await expect(page.getByText(mine)).toBeVisible();
  await expect(page.getByText('本段你修改过，按最新数据生成的文字有变化')).toBeVisible();
  // The untouched opening now says 3 trainings, marked as changed from 2.
  const opening = page.getByRole('group', { name: /^段落：\d{4}年/ }).first();
  await expect(opening.locator('.summary-figure-changed[data-figure="training.count"]')).toHaveText('3');
  await page.screenshot({ path: test.info().outputPath('summary-refreshed.png') });

  // Export: the .docx carries the user's words and the new figure.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '导出 Word' }).click()]);
  expect(download.suggestedFilename()).toBe(`${year}年政务公开工作总结.docx`);
  const zip = await JSZip.loadAsync(await (await import('node:fs')).promises.readFile((await download.path())!));
  const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  expect(xml).toContain('本段由用户改写');
  expect(xml).toContain('组织政务公开培训3次');
  expect(xml).toContain('此件主动公开');
});
