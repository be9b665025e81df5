// The home screen's start (issue 22), in the real renderer: the host draws the home screen into the page
// (main/app/first-screen.ts) and the window's render takes its place; a cold start asks for every card's data once,
// ahead of the cards (renderer/api/call.ts readAhead), and the cards show those answers; a screen opened the first
// time asks for its reads as it is being built (useLoad), each once; a chart left with its screen is put back
// as it was when the screen opens again, and redrawn when its data changed (renderer/components/EChart.tsx).
import type { Page } from '@playwright/test';
import { loadDemo } from '../../main/services/demo';
import type { WebHost } from '../../main/web/server';
import { arrange } from './arrange';
import { expect, test } from './fixtures';

// The few DOM names the in-page functions below use (the Node-side tsconfig has no DOM types; declared here only).
interface PageStyle {
  position: string;
  color: string;
  borderTopWidth: string;
  borderTopStyle: string;
  borderTopLeftRadius: string;
}
interface PageNode {
  className: string;
  remove(): void;
}
declare function getComputedStyle(element: unknown): PageStyle;
declare const document: {
  querySelector(selector: string): unknown;
  createElement(tag: string): PageNode;
  body: { append(node: PageNode): void };
  styleSheets: Iterable<{ href: string | null; media: { mediaText: string } }>;
};

/**
 * Waits until the host's drawing worker has made a drawing; until then a page comes as built. (The drawn screen's
 * element, not its name: the built page's stylesheet names it too.) Once made, the drawing is kept and sent to the
 * next window at once.
 */
async function drawingMade(url: string): Promise<void> {
  await expect
    .poll(async () => (await (await fetch(url)).text()).includes('<div id="zwgk-host-drawn"'), { timeout: 60_000 })
    .toBe(true);
}

/** The example year loaded into the host's data file; returns that year. */
async function loadExampleYear(host: WebHost): Promise<number> {
  await loadDemo(host.workstation.context());
  return (await arrange(host, 'app.status')).year!;
}

/** Holds the page's requests for `asset` on their way; returns what lets them go. */
async function hold(page: Page, asset: RegExp): Promise<() => void> {
  let release = () => undefined as void;
  const held = new Promise<void>((r) => (release = r));
  await page.route(asset, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}

test('the page comes with the home screen drawn by the host; the window takes its place, and then clicks work', async ({
  page,
  host,
}) => {
  await loadDemo(host.workstation.context());
  await drawingMade(host.url);
  // The window's start-up code held back: what shows is the host's drawing alone.
  const release = await hold(page, /\/assets\/index-[^/]+\.js$/);
  await page.goto(host.url, { waitUntil: 'commit' });
  const drawn = page.locator('#zwgk-host-drawn');
  await expect(drawn.getByText(/本年发布 \d+ 条，其中政策解读 \d+ 篇/)).toBeVisible();
  // A bar of the chart (not a grid line, which has no width).
  await expect(drawn.locator('[aria-label^="各章节任务进度"] svg path[fill^="#"]').first()).toBeVisible();
  await expect(drawn.locator('.ant-card-loading, .ant-spin-spinning')).toHaveCount(0);
  // Nothing on it can be clicked or focused, and the window's code has not run.
  await expect(drawn).toHaveAttribute('inert', '');
  expect(await page.evaluate(() => performance.getEntriesByName('zwgk:start-code').length)).toBe(0);
  release();
  await expect(drawn).toHaveCount(0);
  await expect(
    page
      .getByRole('img', { name: /各章节任务进度/ })
      .locator('svg path[fill^="#"]')
      .first(),
  ).toBeVisible();
  await expect(page.getByText(/本年发布 \d+ 条，其中政策解读 \d+ 篇/)).toBeVisible();
  await page.getByRole('menuitem', { name: '培训' }).click();
  await expect(page.getByRole('heading', { name: '培训' })).toBeVisible();
});

test('the drawn screen paints styled before the stylesheet has come; the window takes over only once it is applied', async ({
  page,
  host,
}) => {
  await loadDemo(host.workstation.context());
  await drawingMade(host.url);
  // The page's stylesheet (antd's whole one) held on its way.
  const release = await hold(page, /\/assets\/vendor-[^/]+\.css$/);
  await page.goto(host.url, { waitUntil: 'commit' });
  const drawn = page.locator('#zwgk-host-drawn');
  await expect(drawn.getByText(/本年发布 \d+ 条，其中政策解读 \d+ 篇/)).toBeVisible();
  // Painted without it, and styled by the part of it that came with the drawing: a card has antd's border and corners.
  await expect.poll(() => page.evaluate(() => performance.getEntriesByName('first-contentful-paint').length)).toBe(1);
  // What shows antd's stylesheet and the office's theme on screen: a card's border and corners, the selected menu
  // item's colour (the theme's red; antd's own is blue).
  const looks = () =>
    page.evaluate(() => {
      const card = getComputedStyle(document.querySelector('#root .ant-card'));
      const selected = getComputedStyle(document.querySelector('#root .ant-menu-item-selected'));
      return {
        border: `${card.borderTopWidth} ${card.borderTopStyle}`,
        radius: card.borderTopLeftRadius,
        selected: selected.color,
      };
    });
  const drawnLooks = await looks();
  expect(drawnLooks.border).not.toBe('0px none');
  expect(drawnLooks.radius).not.toBe('0px');
  expect(drawnLooks.selected).toBe('rgb(180, 35, 42)');
  // A component the home screen does not show (a drawer's frame) has no style yet.
  const drawerPosition = () =>
    page.evaluate(() => {
      const d = document.createElement('div');
      d.className = 'ant-drawer';
      document.body.append(d);
      const position = getComputedStyle(d).position;
      d.remove();
      return position;
    });
  expect(await drawerPosition()).toBe('static');
  // The window's code runs and its render gets ready, but it does not take over while the stylesheet is away (the
  // take-over looks at both in the same moment: had it not waited, it would have happened with that mark).
  await page.waitForFunction(() => performance.getEntriesByName('zwgk:render-ready').length > 0, undefined, {
    timeout: 30_000,
  });
  expect(await page.evaluate(() => performance.getEntriesByName('zwgk:taken-over').length)).toBe(0);
  await expect(drawn).toHaveCount(1);
  // The window's code did not change how the drawn screen looks (antd moves the drawing's theme when it loads).
  expect(await looks()).toEqual(drawnLooks);
  release();
  await expect(drawn).toHaveCount(0);
  // Now the whole stylesheet is applied, the inline part is gone, and the window's screen looks as the drawn one did.
  expect(
    await page.evaluate(() =>
      [...document.styleSheets].filter((s) => s.href?.includes('/assets/vendor-')).map((s) => s.media.mediaText),
    ),
  ).toEqual(['all']);
  await expect(page.locator('#zwgk-critical-css')).toHaveCount(0);
  expect(await drawerPosition()).toBe('fixed');
  expect(await looks()).toEqual(drawnLooks);
  await page.getByRole('menuitem', { name: '培训' }).click();
  await expect(page.getByRole('heading', { name: '培训' })).toBeVisible();
});

test('a cold start on the home screen asks for each card’s data once, and the cards show it', async ({
  app: page,
  host,
}) => {
  const year = await loadExampleYear(host);
  const asked: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/')) asked.push(`${r.url().replace(/.*\/api\//, '')} ${r.postData() ?? ''}`);
  });
  await page.reload();
  // Every card drawn with its data: a chart of the dashboard's, the AB card's warning, the 信息公开 chart's sentence.
  await expect(
    page
      .getByRole('img', { name: /各章节任务进度/ })
      .locator('svg path')
      .first(),
  ).toBeAttached({
    timeout: 30_000,
  });
  await expect(page.locator('.ant-card').filter({ hasText: 'AB岗与备案' })).toContainText('待备案');
  await expect(page.getByText(/其中政策解读 \d+ 篇/)).toBeVisible();
  await expect(page.locator('.ant-card-loading')).toHaveCount(0);
  // Whatever the cards asked for after the read-ahead was taken from it: no read went out twice.
  const reads = asked.filter((a) => !a.startsWith('app.status'));
  expect(reads.length).toBeGreaterThanOrEqual(10);
  expect(reads.filter((a, i) => reads.indexOf(a) !== i)).toEqual([]);
  expect(reads).toContain(`summary.dashboard {"year":${year}}`);
  // …and they went out before the window started rendering (main.tsx marks that moment), not from the cards' effects.
  const late = await page.evaluate(() => {
    const at = performance.getEntriesByName('zwgk:first-render')[0].startTime;
    return performance
      .getEntriesByType('resource')
      .filter((e) => e.name.includes('/api/') && !e.name.endsWith('/app.status') && e.startTime > at)
      .map((e) => e.name);
  });
  expect(late).toEqual([]);
  // The window is not blank while the start-up code loads: the page's own waiting line is painted before the first
  // render, and the app has taken its place.
  const painted = await page.evaluate(() => ({
    content: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Infinity,
    render: performance.getEntriesByName('zwgk:first-render')[0].startTime,
  }));
  expect(painted.content).toBeLessThan(painted.render);
  await expect(page.getByText('正在打开政务公开工作台')).toHaveCount(0);
});

test('a screen opened the first time asks for its data while it is being built, each read once', async ({
  app: page,
  host,
}) => {
  const year = await loadExampleYear(host);
  await page.reload();
  await expect(page.getByRole('heading', { name: '首页' })).toBeVisible();
  await expect(page.locator('.ant-card-loading')).toHaveCount(0);
  // Each call as it goes out, and whether the new screen was in the page then: it is once React has committed it,
  // which is when its effects run.
  await page.evaluate(`
    window.asked = [];
    const send = window.fetch.bind(window);
    window.fetch = (url, init) => {
      const built = [...document.querySelectorAll('h1, h2, h3, h4')].some((h) => h.textContent === '实施方案与任务');
      window.asked.push({ method: String(url).replace(/.*\\/api\\//, ''), built });
      return send(url, init);
    };`);
  await page.getByRole('menuitem', { name: '实施方案与任务' }).click();
  await expect(page.locator('.ant-table-row').filter({ visible: true }).first()).toBeVisible();
  await expect(page.locator('.ant-spin-spinning')).toHaveCount(0);
  const asked = (await page.evaluate('window.asked')) as { method: string; built: boolean }[];
  const methods = asked.map((a) => a.method);
  expect(methods).toEqual(expect.arrayContaining(['plan.get', 'tasks.list', 'plan.coverage']));
  // The screen's load went out before the screen was in the page (useLoad reads ahead in its first render)…
  expect(asked.filter((a) => ['plan.get', 'tasks.list', 'plan.coverage'].includes(a.method) && a.built)).toEqual([]);
  // …and its own run took those answers: no read went out twice.
  expect(methods.filter((m, i) => methods.indexOf(m) !== i)).toEqual([]);
  // The rows out of view are built after the first ones are painted: every task of the plan is listed.
  const tasks = (await arrange(host, 'tasks.list', { year })).length;
  expect(tasks).toBeGreaterThan(12);
  await expect(page.locator('.ant-table-row').filter({ visible: true })).toHaveCount(tasks);
  // What only the task drawer uses is read when a task is first opened, not with the screen.
  expect(methods).not.toContain('plan.pointOptions');
  await page.locator('.ant-table-row').filter({ visible: true }).first().getByRole('link').first().click();
  await expect(page.locator('.ant-drawer-open').getByText('对应要点')).toBeVisible();
  await expect
    .poll(async () => ((await page.evaluate('window.asked')) as { method: string }[]).map((a) => a.method))
    .toEqual(expect.arrayContaining(['plan.pointOptions', 'tasks.get']));
});

test('a screen opened just after the start shows what was recorded meanwhile, not the start’s answers', async ({
  app: page,
  host,
}) => {
  const year = await loadExampleYear(host);
  await page.reload();
  // The home screen's 依申请公开 chart asked for the year's requests ahead, at the start, and has shown them.
  await expect(
    page
      .getByRole('img', { name: /申请按办理期限状态/ })
      .locator('svg path')
      .first(),
  ).toBeAttached({
    timeout: 30_000,
  });
  // Recorded elsewhere (another window, the command line) a moment later: the register opened now lists it.
  await arrange(host, 'disclosure.createRequest', {
    receivedDate: `${year}-12-01`,
    applicant: '刚登记的申请人',
    applicantType: '自然人',
    method: '网络平台',
    content: '本年度科技项目立项清单',
  });
  await page.getByRole('menuitem', { name: '信息公开' }).click();
  await page.getByRole('tab', { name: '依申请公开' }).click();
  await expect(page.getByRole('row').filter({ hasText: '刚登记的申请人' })).toBeVisible({ timeout: 10_000 });
});

test('a chart comes back as it was when its screen opens again, and is redrawn after its data changed', async ({
  app: page,
  host,
}) => {
  await loadDemo(host.workstation.context());
  await page.reload();
  const months = page.getByRole('img', { name: /^各月发布条数：共\d+条$/ });
  await expect(months.locator('svg path').first()).toBeAttached({ timeout: 30_000 });
  const total = Number(/共(\d+)条/.exec((await months.getAttribute('aria-label'))!)![1]);
  // Marked in the page: the same drawing (not a new one) is what comes back.
  await months.locator('svg').evaluate((svg) => ((svg as unknown as { kept: boolean }).kept = true));
  // The drawing once its bars have grown (they are animated for a moment).
  const settled = async () => {
    for (let last = ''; ;) {
      const now = await months.locator('svg').innerHTML();
      if (now === last) return now;
      last = now;
      await page.waitForTimeout(400);
    }
  };
  const drawing = await settled();

  await page.getByRole('menuitem', { name: '培训' }).click();
  await expect(page.getByRole('heading', { name: '培训', exact: true })).toBeVisible();
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(months.locator('svg path').first()).toBeAttached();
  expect(await months.locator('svg').evaluate((svg) => (svg as unknown as { kept?: boolean }).kept)).toBe(true);
  expect(await months.locator('svg').innerHTML()).toBe(drawing);

  // One publication of the year deleted: the chart says and draws one fewer.
  await page.getByRole('menuitem', { name: '信息公开' }).click();
  // The rows on screen: the screens opened before stay in the page, hidden (renderer/kept-screens.tsx).
  const row = page.locator('.ant-table-tbody tr.ant-table-row').filter({ visible: true }).first();
  const title = (await row.locator('td').nth(1).textContent())!;
  await row.getByRole('button', { name: '删除' }).click();
  await page.locator('.ant-popconfirm').getByRole('button', { name: '删除' }).click();
  await expect(page.locator('.ant-table-tbody tr.ant-table-row').filter({ hasText: title })).toHaveCount(0);
  await page.getByRole('menuitem', { name: '首页' }).click();
  await expect(page.getByRole('img', { name: `各月发布条数：共${total - 1}条` })).toBeVisible();
  expect(await settled()).not.toBe(drawing);
  // Its bars still open the register (the click is heard by the chart put back): the tallest month's bar.
  const bars = months.locator('path[fill="#1677ff"]');
  const heights = await bars.evaluateAll((els) => els.map((e) => e.getBoundingClientRect().height));
  const tallest = bars.nth(heights.indexOf(Math.max(...heights)));
  await tallest.scrollIntoViewIfNeeded();
  const box = (await tallest.boundingBox())!;
  await page.mouse.click(box.x + box.width / 2, box.y + box.height - 2);
  await expect(page).toHaveURL(/#\/disclosure\/publications\/month\/\d+$/);
});
