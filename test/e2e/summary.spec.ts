// 年度总结 and the home dashboard on the example year, at 1366×768: the charts open the lists behind them; the draft
// is edited, the data changes, 刷新数据 keeps the edit and marks the changed figure, and the export carries both. The
// 成文日期 is never set before the day the figures count to.
import JSZip from 'jszip';
import { loadDemo } from '../../main/services/demo';
import { listPosts } from '../../main/services/team/ab';
import { createTraining } from '../../main/services/team/training';
import { figuresFor } from '../../main/services/summary/figures';
import { yearPeriod } from '../../shared/domain/period';
import type { Locator } from '@playwright/test';
import { figuresCountedTo } from '../../shared/domain/summary';
import { formatChineseDate } from '../../shared/domain/date-text';
import { answerUnsaved, arrange, fillDate, openExampleSummary, openScreen, setUpBureau, today, year } from './arrange';
import { completeSetup, expect, test } from './fixtures';

test.use({ viewport: { width: 1366, height: 768 } });

/**
 * Clicks the largest of a chart's shapes (a real bar or slice, not a legend icon or an empty month's bar), at a point
 * inside its fill (a donut slice's box centre is in the hole), as a user's mouse would.
 */
async function clickLargest(paths: Locator, by: 'height' | 'width' = 'height'): Promise<void> {
  await expect(paths.first()).toBeAttached();
  // Until the chart's entry animation has settled (the same sizes twice).
  const measure = () =>
    paths.evaluateAll((els, k) => els.map((e) => e.getBoundingClientRect()[k as 'height' | 'width']), by);
  let sizes: number[] = [];
  await expect
    .poll(
      async () => {
        const before = JSON.stringify(sizes);
        sizes = await measure();
        return before === JSON.stringify(sizes) && sizes.length > 0;
      },
      { intervals: [150] },
    )
    .toBe(true);
  const shape = paths.nth(sizes.indexOf(Math.max(...sizes)));
  await shape.scrollIntoViewIfNeeded();
  const point = await shape.evaluate((e) => {
    const el = e as unknown as {
      getBBox(): { x: number; y: number; width: number; height: number };
      isPointInFill(p: { x: number; y: number }): boolean;
      getScreenCTM(): { a: number; b: number; c: number; d: number; e: number; f: number } | null;
    };
    const b = el.getBBox();
    const m = el.getScreenCTM()!;
    for (let i = 5; i < 100; i += 10) {
      for (let j = 5; j < 100; j += 10) {
        const p = { x: b.x + (b.width * i) / 100, y: b.y + (b.height * j) / 100 };
        if (el.isPointInFill(p)) return { x: m.a * p.x + m.c * p.y + m.e, y: m.b * p.x + m.d * p.y + m.f };
      }
    }
    return null;
  });
  expect(point).not.toBeNull();
  await paths.page().mouse.click(point!.x, point!.y);
}

test('summary: dashboard charts open their lists; the draft keeps an edit through 刷新数据 and exports', async ({
  app: page,
  host,
}) => {
  // Seven charts and three registers on a shared 2-core machine.
  test.setTimeout(240_000);
  await completeSetup(page, year);
  const ctx = host.workstation.context();
  await loadDemo(ctx);
  await page.reload();

  // The dashboard: three charts in the first row, each opening the list behind it.
  await expect(page.getByRole('img', { name: /各章节任务进度/ })).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole('img', { name: '任务按预警分布' })).toBeVisible();
  // Section names wrap whole: a chart label is never cut with "…".
  await expect(page.getByRole('img', { name: /各章节任务进度/ })).not.toContainText('…');
  // The two 整改 cards count different scopes and say which, quoting the registry's figures.
  const figures = await figuresFor(ctx, yearPeriod(year));
  const open = figures['rectification.open'].value;
  await expect(page.locator('.ant-card').filter({ hasText: `整改进度（${year}年度）` })).toContainText(
    `${year}年度台账中未销号 ${open} 项`,
  );
  await expect(page.locator('.ant-card').filter({ hasText: '整改事项（各年度）' })).toContainText(
    `各年度未销号 ${figures['rectification.openAllYears'].value} 项（其中${year}年度 ${open} 项）`,
  );
  await expect(page.locator('.ant-card').filter({ hasText: '实施方案进度' })).toContainText(
    `${figures['plan.tasks'].value} 项任务，已完成 ${figures['plan.done'].value} 项`,
  );
  await expect(page.getByRole('img', { name: /各月培训/ })).toBeVisible();
  await expect(
    page.locator('.ant-card').filter({ hasText: '近期时间节点' }).getByRole('link', { name: '人员变动备案截止' }),
  ).toBeVisible();
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

  // The dashboard's 信息公开 and 整改 charts: each opens its register filtered to what was clicked.
  await page.getByRole('menuitem', { name: '首页' }).click();
  const monthChart = page.getByRole('img', { name: /各月发布条数/ });
  await expect(monthChart).toBeVisible();
  await expect(page.getByRole('img', { name: /按栏目发布条数/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /申请按办理期限状态/ })).toBeVisible();
  await expect(page.getByRole('img', { name: /整改事项按状态/ })).toBeVisible();
  await page.locator('.ant-card').filter({ hasText: '依申请公开' }).first().scrollIntoViewIfNeeded();
  await page.screenshot({ path: test.info().outputPath('home-1366-row2.png') });
  // The tallest month bar.
  await clickLargest(monthChart.locator('path[fill="#1677ff"]'));
  await expect(page).toHaveURL(/#\/disclosure\/publications\/month\/\d+$/);
  const month = Number(/month\/(\d+)$/.exec(page.url())![1]);
  const inMonth = (
    ctx.raw
      .prepare(`SELECT count(*) AS n FROM publication WHERE published_date LIKE ?`)
      .get(`${year}-${String(month).padStart(2, '0')}-%`) as { n: number }
  ).n;
  expect(inMonth).toBeGreaterThan(0);
  await expect(page.getByText(`仅显示${year}年${month}月发布的信息：${inMonth} 条`)).toBeVisible();
  // The rows on screen: the task list opened before is still in the page, hidden (renderer/kept-screens.tsx).
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').filter({ visible: true })).toHaveCount(
    Math.min(inMonth, 12),
  );
  await page.getByRole('button', { name: '显示全部' }).click();
  await expect(page).toHaveURL(/#\/disclosure\/publications$/);
  // The widest 栏目 bar.
  await page.getByRole('menuitem', { name: '首页' }).click();
  await clickLargest(page.getByRole('img', { name: /按栏目发布条数/ }).locator('path[fill="#52c41a"]'), 'width');
  await expect(page).toHaveURL(/#\/disclosure\/publications\/column\//);
  await expect(page.getByText(/^仅显示“.+”栏目的信息：\d+ 条/)).toBeVisible();
  // A slice of the applications chart.
  await page.getByRole('menuitem', { name: '首页' }).click();
  await clickLargest(page.getByRole('img', { name: /申请按办理期限状态/ }).locator('path[fill]:not([fill="none"])'));
  await expect(page).toHaveURL(/#\/disclosure\/requests\/state\//);
  const state = decodeURIComponent(/state\/([^/]+)$/.exec(page.url())![1]);
  const shown = page.getByText(new RegExp(`^仅显示办理状态为“${state}”的申请：(\\d+) 件`));
  await expect(shown).toBeVisible();
  const n = Number(/：(\d+) 件/.exec((await shown.textContent())!)![1]);
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: state })).toHaveCount(
    Math.min(n, 10),
  );
  // The 整改 chart: a segment opens the ledger with that state's filter.
  await page.getByRole('menuitem', { name: '首页' }).click();
  await clickLargest(
    page.getByRole('img', { name: /整改事项按状态/ }).locator('path[fill="#1677ff"], path[fill="#cf1322"]'),
    'width',
  );
  await expect(page).toHaveURL(/#\/selfcheck\/ledger\/.+/);
  const filter = decodeURIComponent(/ledger\/([^/]+)$/.exec(page.url())![1]);
  await expect(
    page.locator('.ant-select').filter({ has: page.getByRole('combobox', { name: '按状态筛选' }) }),
  ).toContainText(filter);

  // The draft the example data made.
  await page.getByRole('menuitem', { name: '年度总结' }).click();
  await expect(page.getByText('一、主要做法和成效')).toBeVisible();
  await expect(page.getByText('二、存在的问题')).toBeVisible();
  await expect(page.getByText('三、下一步工作打算')).toBeVisible();
  // Drafted before the year's end, its figures are 今年以来's, beside the same days of the year before.
  const quoted = page.locator('.ant-card').filter({ hasText: '引用的数据' });
  const running = today < `${year}-12-31`;
  await expect(quoted.getByRole('columnheader', { name: running ? '今年以来' : '本年', exact: true })).toBeVisible();
  await expect(quoted.getByRole('columnheader', { name: running ? '上年同期' : '上年', exact: true })).toBeVisible();
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

  // Someone records another training; the figures change (from the example year's count, counted here).
  const held = (
    ctx.raw
      .prepare(`SELECT count(*) AS n FROM training WHERE status = '已举办' AND date BETWEEN ? AND ?`)
      .get(`${year}-01-01`, `${year}-12-31`) as { n: number }
  ).n;
  const team = [
    ...new Set((await listPosts(ctx)).flatMap((p) => [p.a?.staffId, p.b?.staffId]).filter((x): x is number => !!x)),
  ];
  await createTraining(ctx, {
    date: today,
    title: '依申请公开办理实务培训',
    kind: '政务公开专题培训',
    form: '集中授课',
    status: '已举办',
    hours: 1.5,
    attendees: team.slice(0, 3).map((staffId) => ({ staffId, present: true })),
  });
  await page.getByRole('button', { name: '刷新数据' }).click();
  await expect(page.getByText(/刷新完成：\d+ 项数字有变化/)).toBeVisible();
  await expect(page.getByText(`举办政务公开培训（次）：${held} → ${held + 1}`, { exact: true })).toBeVisible();
  // The edit is kept, with the new version waiting beside it.
  await expect(page.getByText(mine)).toBeVisible();
  await expect(page.getByText('本段你修改过，按最新数据生成的文字有变化')).toBeVisible();
  // The untouched opening now says one training more, marked as changed.
  const opening = page.getByRole('group', { name: /^段落：\d{4}年/ }).first();
  await expect(opening.locator('.summary-figure-changed[data-figure="training.count"]')).toHaveText(String(held + 1));
  await page.screenshot({ path: test.info().outputPath('summary-refreshed.png') });

  // Export: the .docx carries the user's words and the new figure.
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: '导出 Word' }).click();
  // Open 核对 findings about the summary (the example year has some) are named first; the export goes on.
  const goOn = page.getByRole('button', { name: '仍然导出' });
  await goOn
    .waitFor({ timeout: 10_000 })
    .then(() => goOn.click())
    .catch(() => undefined);
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${year}年政务公开工作总结.docx`);
  const zip = await JSZip.loadAsync(await (await import('node:fs')).promises.readFile((await download.path())!));
  const xml = (await zip.file('word/document.xml')!.async('string')).replace(/<[^>]+>/g, '');
  expect(xml).toContain('本段由用户改写');
  expect(xml).toContain(`举办政务公开培训${held + 1}次`);
  expect(xml).toContain('此件主动公开');
});

test('summary: leaving with an unsaved paragraph asks 保存 / 不保存 / 取消; 取消 stays, 不保存 leaves, 保存 saves and leaves', async ({
  app: page,
  host,
}) => {
  const { edit, box } = await openExampleSummary(page, host);

  const mine = '本段改写后尚未保存。';
  await edit.click();
  await box.fill(mine);

  // The side menu: the question comes, 取消 keeps the screen and the words.
  await page.getByRole('menuitem', { name: '首页' }).click();
  const dialog = page.getByRole('dialog').filter({ hasText: '保存修改吗？' });
  await expect(dialog).toBeVisible();
  await expect(dialog).toContainText('正在修改的段落还没有保存');
  await page.screenshot({ path: test.info().outputPath('leave-prompt.png') });
  await answerUnsaved(page, '取消');
  await expect(page).toHaveURL(/#\/summary$/);
  await expect(box).toHaveValue(mine);

  // Any other route change (a link, typed address) asks too; 不保存 leaves and the paragraph is as it was.
  await page.evaluate("window.location.hash = '#/plan'");
  await answerUnsaved(page, '不保存', '正在修改的段落');
  await expect(page).toHaveURL(/#\/plan$/);
  await expect(page.getByRole('heading', { name: '实施方案与任务' })).toBeVisible();
  await page.getByRole('menuitem', { name: '年度总结' }).click();
  await expect(page.getByText('一、主要做法和成效')).toBeVisible();
  await expect(page.getByText(mine)).toHaveCount(0);

  // 保存 saves the paragraph, then leaves; nothing is asked once it is saved.
  await edit.click();
  await box.fill(mine);
  await page.getByRole('menuitem', { name: '培训' }).click();
  await answerUnsaved(page, '保存', '正在修改的段落');
  await expect(page).toHaveURL(/#\/training$/);
  await page.getByRole('menuitem', { name: '年度总结' }).click();
  await expect(page.getByText(mine)).toBeVisible();
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
  await expect(dialog).toHaveCount(0);
});

test('summary: Esc in a paragraph with unsaved words asks 保存 / 不保存 / 取消 (the hint says Esc 取消); unchanged, it just closes', async ({
  app: page,
  host,
}) => {
  const { edit, box } = await openExampleSummary(page, host);

  await edit.click();
  await expect(box).toBeFocused();
  const before = await box.inputValue();
  await box.press('Control+End');
  await box.pressSequentially('（补充）');
  await box.press('Escape');
  // The question stays open (the Esc that asked it does not also close it); 取消 keeps the words in the box.
  await answerUnsaved(page, '取消', '正在修改的段落');
  await expect(box).toHaveValue(`${before}（补充）`);
  await box.press('Escape');
  await answerUnsaved(page, '不保存', '正在修改的段落');
  await expect(box).toHaveCount(0);
  await expect(page.getByText('（补充）')).toHaveCount(0);

  // Nothing typed: Esc closes the paragraph without a question.
  await edit.click();
  await box.press('Escape');
  await expect(box).toHaveCount(0);
  await expect(page.getByRole('dialog', { name: '保存修改吗？' })).toHaveCount(0);
});

test('summary: a 成文日期 before the day its figures count to is refused beside the field, naming both dates', async ({
  app: page,
  host,
}) => {
  await setUpBureau(host, page, year);
  // One item published (a year with no record at all is refused a 总结).
  const columns = await arrange(host, 'disclosure.columns');
  await arrange(host, 'disclosure.createPublication', {
    title: '县科技局开展科技活动周宣传活动',
    publishedDate: `${year}-05-20`,
    formedDate: `${year}-05-18`,
    columnId: columns.find((c) => c.name === '工作动态')!.id,
    channel: '门户网站',
  });
  const made = await arrange(host, 'summary.create', { year, kind: '年度' });
  const counted = figuresCountedTo(made);
  const earlier = new Date(Date.UTC(+counted.slice(0, 4), +counted.slice(5, 7) - 1, +counted.slice(8, 10) - 6))
    .toISOString()
    .slice(0, 10);
  await openScreen(page, '年度总结');
  await page.getByRole('button', { name: '标题与落款' }).click();
  const dialog = page.getByRole('dialog', { name: '标题、主送与落款' });
  await expect(dialog).toContainText(`总结中的数字统计到${formatChineseDate(counted)}，成文日期不能早于这一天。`);

  await fillDate(dialog, '成文日期', earlier);
  await dialog.getByRole('button', { name: '保存' }).click();
  const refusal = dialog.getByText(
    `成文日期${formatChineseDate(earlier)}早于总结中数字统计到的${formatChineseDate(counted)}`,
  );
  await expect(refusal).toBeVisible();
  await expect(refusal).toContainText(`请把成文日期改为${formatChineseDate(counted)}或之后的日期`);
  await expect(refusal).toContainText('刷新数据');
  await page.screenshot({ path: test.info().outputPath('summary-date-refused.png') });
  await expect(dialog).toBeVisible();
  expect((await arrange(host, 'summary.get', { year, kind: '年度' }))!.signatureDate).toBe(made.signatureDate);

  await fillDate(dialog, '成文日期', counted);
  await expect(refusal).toHaveCount(0);
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  expect((await arrange(host, 'summary.get', { year, kind: '年度' }))!.signatureDate).toBe(counted);
});

test('summary: a figure in the draft and a row of 引用的数据 say where they come from when pointed at', async ({
  app: page,
  host,
}) => {
  await openExampleSummary(page, host);
  const tip = page.getByRole('tooltip');
  const figure = page.locator('.summary-figure').first();
  await figure.hover();
  await expect(tip).toBeVisible();
  await expect(tip).toContainText(/来源：\S+/);
  await page.getByRole('heading', { name: '年度总结' }).hover();
  await expect(tip).toBeHidden();

  const row = page.getByRole('table').getByRole('row').nth(1).getByRole('cell').first().locator('span').first();
  await row.hover();
  await expect(page.getByRole('tooltip').filter({ visible: true })).toHaveText(/^来源：\S+/);
});
