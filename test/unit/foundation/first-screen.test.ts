// The home screen drawn by the host into the page a window opens (issue 22; main/app/first-screen.ts): the real drawing
// code, built as `npm run build` builds it, run by a real web host on the example data, and the page read as the window
// gets it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaServices } from '../../../main/areas';
import { loadDemo } from '../../../main/services/demo';
import { Workstation } from '../../../main/services/workstation';
import { startWebHost, type WebHost } from '../../../main/web/server';
import { makeTempDir, openTestWorkstation } from '../../helpers/workstation';

const ROOT = path.resolve(__dirname, '../../..');

/** index.html as the build writes it (renderer/index.html after electron-vite): the parts the host works on. */
const BUILT_PAGE = `<!doctype html>
<html lang="zh-CN">
  <head>
    <meta charset="UTF-8" />
    <title>政务公开工作台</title>
    <script type="module" crossorigin src="./assets/early-AbC1.js"></script>
    <script type="module" crossorigin src="./assets/index-XyZ2.js"></script>
    <link rel="stylesheet" crossorigin href="./assets/vendor-Q3.css">
  </head>
  <body>
    <div id="root"><div class="zwgk-opening" role="status">正在打开政务公开工作台…</div></div>
  </body>
</html>
`;

/** The words a page shows: markup and React's text separators taken out. */
const words = (html: string) => html.replace(/<!-- -->/g, '').replace(/<[^>]+>/g, '');

/** The drawing code, built once for the file as `npm run build` builds it. */
let drawCode = '';
beforeAll(() => {
  drawCode = path.join(makeTempDir(), 'draw.cjs');
  const built = spawnSync(process.execPath, [path.join(ROOT, 'scripts/build-first-screen.mjs'), drawCode], {
    encoding: 'utf8',
  });
  expect(built.status, built.stderr).toBe(0);
}, 120_000);
afterAll(() => fs.rmSync(path.dirname(drawCode), { recursive: true, force: true }));

/** The page's stylesheet: antd's, as the build bundles it (renderer/main.tsx). */
const SHEET = fs.readFileSync(path.join(ROOT, 'node_modules/antd/dist/antd.css'), 'utf8');
/** The built page's stylesheet link (render-blocking), and the form the host gives it when a drawing comes. */
const BLOCKING_LINK = '<link rel="stylesheet" crossorigin href="./assets/vendor-Q3.css">';
const HELD_LINK =
  '<link rel="preload" as="style" crossorigin href="./assets/vendor-Q3.css">' +
  '<link rel="stylesheet" crossorigin href="./assets/vendor-Q3.css" media="print" data-zwgk-full>';

/**
 * A renderer folder holding the built page and its stylesheet (unless `sheet` is false), with the drawing code
 * (`code`, the real one unless said) beside it as in out/.
 */
function rendererBeside(dir: string, { sheet = true, code = drawCode } = {}): string {
  const rendererDir = path.join(dir, 'renderer');
  fs.mkdirSync(path.join(rendererDir, 'assets'), { recursive: true });
  fs.writeFileSync(path.join(rendererDir, 'index.html'), BUILT_PAGE);
  if (sheet) fs.writeFileSync(path.join(rendererDir, 'assets', 'vendor-Q3.css'), SHEET);
  fs.mkdirSync(path.join(dir, 'first-screen'));
  fs.copyFileSync(code, path.join(dir, 'first-screen', 'draw.cjs'));
  return rendererDir;
}

/** The stylesheet links of a page, and the inline part of the stylesheet a drawing comes with. */
const links = (html: string) => html.match(/<link rel="(?:stylesheet|preload)"[^>]*>/g) ?? [];
const criticalOf = (html: string) => /<style id="zwgk-critical-css">([^<]*)<\/style>/.exec(html)?.[1] ?? null;

describe('the home screen drawn by the host', () => {
  let dir: string;
  let dbPath: string;
  let host: WebHost;
  const page = async (query = `?token=${host.token}`) => {
    const res = await fetch(`http://127.0.0.1:${host.port}/${query}`);
    return { status: res.status, csp: res.headers.get('content-security-policy'), html: await res.text() };
  };
  /** The example year's figures, counted with plain SQL. */
  const counted = () => {
    const db = new Database(dbPath, { readonly: true });
    try {
      const year = Number(
        (db.prepare(`SELECT value FROM setting WHERE key = 'app.currentYear'`).get() as { value: string }).value,
      );
      const one = (sql: string, ...args: unknown[]) => Object.values(db.prepare(sql).get(...args) as object)[0];
      return {
        year,
        published: one(
          'SELECT count(*) FROM publication WHERE published_date BETWEEN ? AND ?',
          `${year}-01-01`,
          `${year}-12-31`,
        ) as number,
        lastPublication: one(
          'SELECT id FROM publication WHERE published_date BETWEEN ? AND ? ORDER BY id DESC LIMIT 1',
          `${year}-01-01`,
          `${year}-12-31`,
        ) as number,
        bureau: one('SELECT full_name FROM bureau') as string,
      };
    } finally {
      db.close();
    }
  };

  beforeAll(async () => {
    dir = makeTempDir();
    const rendererDir = rendererBeside(dir);
    dbPath = path.join(dir, 'zwgk.sqlite');
    const ws = new Workstation({
      dbPath,
      host: 'cli',
      autoBackup: false,
      areas: areaServices,
      files: {
        deliver: () => {
          throw new Error('不导出');
        },
      },
    }).open();
    await loadDemo(ws.context());
    ws.close();
    host = await startWebHost({ dbPath, rendererDir });
    // The host's drawing worker loads and makes its first drawing; until then pages go out as built.
    const until = Date.now() + 60_000;
    while (!(await page()).html.includes('<div id="zwgk-host-drawn"') && Date.now() < until)
      await new Promise((r) => setTimeout(r, 200));
  }, 120_000);

  afterAll(async () => {
    await host?.close();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('comes in the page opened with the launch address: the cards with their figures, the charts drawn', async () => {
    const p = await page();
    const c = counted();
    expect(p.status).toBe(200);
    expect(p.csp).toContain("script-src 'self'");
    expect(p.html).toContain('<div id="zwgk-host-drawn" inert>');
    const drawn = p.html.slice(p.html.indexOf('<div id="zwgk-host-drawn" inert>'));
    expect(p.html).not.toContain('zwgk-opening');
    const text = words(drawn);
    expect(text).toContain(c.bureau);
    expect(text).toContain(`${c.year} 年度`);
    expect(text).toContain(`本年发布 ${c.published} 条`);
    // No card still waiting, and every chart box has its picture.
    expect(drawn).not.toMatch(/ant-card-loading|ant-spin-spinning|ant-skeleton/);
    const charts = [...drawn.matchAll(/role="img" aria-label="([^"]+)"[^>]*>(<svg[\s\S]*?<\/svg>)?/g)];
    expect(charts.length).toBeGreaterThanOrEqual(7);
    for (const [, label, svg] of charts) expect(svg, label).toMatch(/<path /);
    // The theme (the office's red) is in the page, not only in the window's code.
    expect(p.html).toMatch(/<style[^>]*>[^<]*--ant-color-primary:#b4232a/);
    // The start-up code is fetched at once and started by early.ts after the first paint.
    expect(p.html).toContain('<link rel="modulepreload" crossorigin href="./assets/index-XyZ2.js" data-zwgk-start>');
    expect(p.html).not.toContain('src="./assets/index-XyZ2.js"');
    expect(p.html).toContain('src="./assets/early-AbC1.js"');
  });

  it('comes with the part of the stylesheet it uses inline, and the whole stylesheet does not hold its paint back', () =>
    page().then((p) => {
      // The stylesheet is still named, and fetched at once, but only for print until the window applies it (early.ts).
      expect(links(p.html)).toEqual(HELD_LINK.match(/<link[^>]*>/g));
      expect(p.html.indexOf(HELD_LINK)).toBeLessThan(p.html.indexOf('</head>'));
      // The inline part comes before the theme's variables and the drawing: where the stylesheet stood in the cascade.
      const critical = criticalOf(p.html)!;
      expect(critical).not.toBeNull();
      const at = p.html.indexOf('<style id="zwgk-critical-css">');
      expect(at).toBeGreaterThan(p.html.indexOf('</head>'));
      expect(at).toBeLessThan(p.html.search(/<style[^>]*>[^<]*--ant-color-primary:#b4232a/));
      expect(at).toBeLessThan(p.html.indexOf('<div id="root">'));
      // It holds the rules of what is drawn (cards, the layout, the menu), as antd writes them, and not those of what is not
      // (a dialog), and is a small part of the whole.
      const drawn = p.html.slice(p.html.indexOf('<div id="zwgk-host-drawn"'));
      const rule = (selector: string) => {
        const from = SHEET.indexOf(`}${selector}{`);
        expect(from, selector).toBeGreaterThan(0);
        return SHEET.slice(from + 1, SHEET.indexOf('}', from + 1) + 1);
      };
      for (const used of ['ant-card', 'ant-layout', 'ant-menu']) {
        expect(drawn).toMatch(new RegExp(`class="(?:[^"]* )?${used}[ "]`));
        expect(critical).toContain(rule(`.${used}`));
      }
      expect(drawn).not.toContain('ant-modal');
      expect(critical).not.toContain(rule('.ant-modal'));
      expect(critical.length).toBeLessThan(SHEET.length / 5);
    }));

  it('is not in a page asked for without the launch address, nor with another', async () => {
    for (const query of ['', '?token=0', `?token=${host.token.slice(1)}x`]) {
      const p = await page(query);
      expect(p.html, query).toBe(BUILT_PAGE);
    }
  });

  it('is drawn again once the data has changed, and only then', async () => {
    const before = await page();
    expect((await page()).html).toBe(before.html);
    const c = counted();
    const res = await fetch(`http://127.0.0.1:${host.port}/api/disclosure.deletePublication`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Zwgk-Token': host.token },
      body: JSON.stringify({ id: c.lastPublication }),
    });
    expect(((await res.json()) as { ok: boolean }).ok).toBe(true);
    const after = await page();
    expect(counted().published).toBe(c.published - 1);
    expect(words(after.html)).toContain(`本年发布 ${c.published - 1} 条`);
    expect(words(after.html)).not.toContain(`本年发布 ${c.published} 条`);
  });
});

/**
 * A web host on a data file just opened, serving the built page with `options`' drawing code (rendererBeside); `use`
 * gets a function that asks it for the page.
 */
async function onHost(
  options: { sheet?: boolean; code?: string },
  use: (page: () => Promise<string>) => Promise<void>,
): Promise<void> {
  const t = await openTestWorkstation();
  t.ws.close();
  const dir = makeTempDir();
  const host = await startWebHost({ dbPath: t.dbPath, rendererDir: rendererBeside(dir, options) });
  try {
    await use(async () => (await fetch(`http://127.0.0.1:${host.port}/?token=${host.token}`)).text());
  } finally {
    await host.close();
    fs.rmSync(dir, { recursive: true, force: true });
    fs.rmSync(t.dir, { recursive: true, force: true });
  }
}

/** Waits until the page comes with a drawing (the worker loads and makes one first; until then a page comes as built). */
async function drawingMade(page: () => Promise<string>): Promise<void> {
  await expect.poll(async () => (await page()).includes('<div id="zwgk-host-drawn"'), { timeout: 60_000 }).toBe(true);
}

describe('the home screen of a bureau just set up, drawn by the host', () => {
  it('carries the 从这里开始 steps, as the window shows them', async () => {
    await onHost({}, async (page) => {
      await drawingMade(page);
      const html = await page();
      const text = words(html);
      expect(text).toContain('从这里开始');
      expect(text).toContain('添加科室');
      // Its steps are drawn with their own rules (antd's steps), taken into the inline part.
      expect(html).toContain('class="ant-steps');
      expect(criticalOf(html)).toContain('.ant-steps{');
    });
  }, 90_000);
});

describe('a drawn page whose stylesheet cannot be read', () => {
  it('keeps the stylesheet as built, holding back the paint', async () => {
    await onHost({ sheet: false }, async (page) => {
      await drawingMade(page);
      const html = await page();
      expect(links(html)).toEqual([BLOCKING_LINK]);
      expect(html.indexOf(BLOCKING_LINK)).toBeLessThan(html.indexOf('</head>'));
      expect(criticalOf(html)).toBeNull();
    });
  }, 90_000);
});

describe('a page whose drawing does not come', () => {
  it('has the stylesheet as built before anything it shows, when its head was sent holding it back', async () => {
    // Drawing code that loads and answers, but draws nothing: each page's head goes out while a drawing is made.
    const code = path.join(makeTempDir(), 'draws-nothing.cjs');
    fs.writeFileSync(code, 'exports.drawHomeScreen = async () => null; exports.criticalCss = () => () => "";');
    await onHost({ code }, async (page) => {
      // Once the worker is ready, the head holds the stylesheet back while the screen is drawn…
      await expect.poll(async () => (await page()).includes(HELD_LINK), { timeout: 60_000 }).toBe(true);
      const html = await page();
      // …and the body, without a drawing, begins with the stylesheet as built: it holds back the paint of the page's
      // opening line and the start-up code as the head's did.
      expect(html).not.toContain('<div id="zwgk-host-drawn"');
      expect(criticalOf(html)).toBeNull();
      expect(html).toContain(`${BLOCKING_LINK}<div id="root"><div class="zwgk-opening" role="status">`);
      expect(html.indexOf(BLOCKING_LINK)).toBeGreaterThan(html.indexOf('<body>'));
      fs.rmSync(path.dirname(code), { recursive: true, force: true });
    });
  }, 90_000);
});

describe('a host whose drawing code cannot run', () => {
  it('sends the page as built, and goes on answering calls', async () => {
    const dir = makeTempDir();
    const rendererDir = path.join(dir, 'renderer');
    fs.mkdirSync(rendererDir);
    fs.writeFileSync(path.join(rendererDir, 'index.html'), BUILT_PAGE);
    fs.mkdirSync(path.join(dir, 'first-screen'));
    fs.writeFileSync(path.join(dir, 'first-screen', 'draw.cjs'), "throw new Error('损坏的绘制代码');");
    const host = await startWebHost({ dbPath: path.join(dir, 'zwgk.sqlite'), rendererDir });
    try {
      const page = async () => (await fetch(`http://127.0.0.1:${host.port}/?token=${host.token}`)).text();
      // While the worker is still loading, a page has no drawing (early.ts then starts the code at once)…
      const first = await page();
      expect(first).toContain('<div id="root"><div class="zwgk-opening" role="status">');
      expect(first).not.toContain('<div id="zwgk-host-drawn"');
      // …and once it has failed, pages go out exactly as built.
      await expect.poll(page, { timeout: 20_000 }).toBe(BUILT_PAGE);
      expect(await page()).toBe(BUILT_PAGE);
      const status = await fetch(`http://127.0.0.1:${host.port}/api/app.status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'X-Zwgk-Token': host.token },
        body: '',
      });
      expect(((await status.json()) as { ok: boolean }).ok).toBe(true);
    } finally {
      await host.close();
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
