// The 工作总结 .docx read back (structure, fonts of the 公文 parts, 附件 tables agreeing with the text) and rendered
// with LibreOffice to PNG pages; the command line's `summary --json` and `export summary-docx` on a file with no draft.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import JSZip from 'jszip';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { allAreaCommands } from '../../../main/cli/all-areas';
import { summaryCommands } from '../../../main/cli/summary';
import { buildSummaryDocx } from '../../../main/export/summary/summary-docx';
import { summaryDocx } from '../../../main/services/summary/exports';
import { collectFigures, summaryLists } from '../../../main/services/summary/summaries';
import { Workstation } from '../../../main/services/workstation';
import { makeTempDir, openTestWorkstation } from '../../helpers/workstation';
import { paragraphsWith, readDocx, runsOf } from '../export/read-docx';
import { captureStdout } from '../../helpers/stdout';
import { canRender as renderAvailable, linesOf, renderPages } from '../export/render-helpers';
import { formatChineseDate } from '../../../shared/domain/dates';
import type { TestWorkstation } from '../../helpers/workstation';
import { buildSmallYear, SMALL_TODAY } from './small-year';
import { areaServices } from '../../../main/areas';

const has = (cmd: string) => spawnSync('sh', ['-c', `command -v ${cmd}`]).status === 0;
const canRender = has('soffice') && has('pdftoppm');
if (!canRender) console.warn('未安装 LibreOffice（soffice）或 pdftoppm，跳过工作总结的渲染检查。');

const dirs: string[] = [];
afterEach(() => {
  vi.restoreAllMocks();
  while (dirs.length) fs.rmSync(dirs.pop()!, { recursive: true, force: true });
});

const plain = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

describe('工作总结 export', () => {
  it('is a 公文 with headings, 落款, 附注, 附件 tables and a chart that agree with the text, and renders in LibreOffice', async () => {
    const t = await openTestWorkstation({ year: 2026, now: () => new Date('2026-11-20T10:00:00') });
    try {
      await t.call('demo.load');
      const s = (await t.call('summary.get', { year: 2026, kind: '年度' }))!;
      await t.call('summary.saveMeta', {
        id: s.id,
        title: s.title,
        addressee: '县政务公开领导小组办公室',
        signatureOrg: s.signatureOrg,
        signatureDate: '2026-12-20',
        publicNote: true,
        withTables: true,
        withCharts: true,
      });
      const delivered = await t.call('summary.export', { year: 2026, kind: '年度' });
      expect(delivered.fileName).toBe('2026年政务公开工作总结.docx');
      const buf = t.delivered.at(-1)!.data;
      const { document } = await readDocx(buf);
      const text = plain(document);
      expect(text).toContain(`${(await t.call('app.status')).bureau!.fullName}2026年政务公开工作总结`);
      expect(text).toContain('县政务公开领导小组办公室：');
      expect(text).toContain('2026年12月20日');
      expect(text).toContain('（此件主动公开）');
      // 一、 in 黑体, （一） in 楷体 with the text running on in 仿宋.
      expect(runsOf(paragraphsWith(document, '一、主要做法和成效')[0])[0].eastAsia).toBe('黑体');
      const sub = runsOf(paragraphsWith(document, '（一）加强组织领导')[0]);
      expect(sub[0]).toMatchObject({ text: '（一）加强组织领导，压实工作责任。', eastAsia: '楷体_GB2312' });
      expect(sub[1].eastAsia).toBe('仿宋_GB2312');
      // 附件说明 and the tables: the task table's totals equal the figures the text quotes.
      // Made on 20 November: the tables count 1 January to that day, the year before the same days.
      expect(text).toMatch(/附件：1\.2026年1月1日至11月20日政务公开工作主要数据/);
      expect(text).toContain('2026年2025年同期增减');
      const tasks = s.figures['plan.tasks'].value;
      const done = s.figures['plan.done'].value;
      expect(text).toContain(`合计${tasks}${done}`);
      expect(text).toContain(`${tasks}项重点任务中已完成${done}项`);
      expect(text).toContain('举办政务公开培训（次）');
      // The charts: PNG pictures in word/media, each referenced from the body (plan progress, then trainings by month).
      const zip = await JSZip.loadAsync(buf);
      const media = Object.keys(zip.files)
        .filter((f) => /^word\/media\/summary-chart\d+\.png$/.test(f))
        .sort();
      expect(media).toEqual(['word/media/summary-chart1.png', 'word/media/summary-chart2.png']);
      const rels = await zip.file('word/_rels/document.xml.rels')!.async('string');
      expect(await zip.file('[Content_Types].xml')!.async('string')).toMatch(
        /<Default Extension="png" ContentType="image\/png"\/>/,
      );
      for (const [i, f] of media.entries()) {
        const png = await zip.file(f)!.async('nodebuffer');
        expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
        // Drawn at twice 620 px wide.
        expect(png.readUInt32BE(16)).toBe(1240);
        expect(rels).toContain(
          `Id="rIdSummaryPicture${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="${f.slice(5)}"`,
        );
        expect(document).toContain(`<a:blip r:embed="rIdSummaryPicture${i + 1}"/>`);
      }
      expect(Object.keys(zip.files).some((f) => f.includes('charts/'))).toBe(false);
      expect(document).not.toContain('⟦图');
      expect(text).not.toContain('未能生成图表图片');
      // The picture's chart is the task table's numbers: its option (shared with the dashboard) carries them.
      const lists = await summaryLists(t.ws.context(), s.id);
      const sections = (lists.sections ?? []).filter((x) => x.tasks > 0);
      const drawn: unknown[] = [];
      const fallback = await summaryDocx(t.ws.context(), 2026, '年度', async (option) => {
        drawn.push(option);
        return null;
      });
      const planOption = drawn[0] as { series: { name: string; data: number[] }[] };
      expect(planOption.series.map((x) => x.name)).toEqual(['已完成', '进行中', '未开始等']);
      expect(planOption.series[0].data.reduce((a, b) => a + b, 0)).toBe(done);
      expect(planOption.series.flatMap((x) => x.data).reduce((a, b) => a + b, 0)).toBe(tasks);
      expect(planOption.series[0].data).toHaveLength(sections.length);
      // Where no picture can be made: the native Word chart as before, and a line saying why it may look different.
      const fz = await JSZip.loadAsync(fallback.data);
      expect(Object.keys(fz.files)).toContain('word/charts/chart1.xml');
      expect(Object.keys(fz.files).some((f) => f.startsWith('word/media/summary-chart'))).toBe(false);
      const fdoc = await fz.file('word/document.xml')!.async('string');
      expect(fdoc).toMatch(/<c:chart [^>]*r:id="rIdSummaryChart1"/);
      expect(plain(fdoc)).toContain('本机未能生成图表图片');
      const chart = await fz.file('word/charts/chart1.xml')!.async('string');
      const doneSeries = /<c:ser>.*?<c:v>已完成<\/c:v>.*?<c:val>(.*?)<\/c:val>/s.exec(chart)![1];
      expect([...doneSeries.matchAll(/<c:v>(\d+)<\/c:v>/g)].map((m) => Number(m[1]))).toEqual(
        planOption.series[0].data,
      );

      // Without the tables: no 附件.
      await t.call('summary.saveMeta', {
        id: s.id,
        title: s.title,
        addressee: '',
        signatureOrg: s.signatureOrg,
        signatureDate: '2026-12-20',
        publicNote: false,
        withTables: false,
        withCharts: false,
      });
      await t.call('summary.export', { year: 2026, kind: '年度' });
      const bare = plain((await readDocx(t.delivered.at(-1)!.data)).document);
      expect(bare).not.toContain('附件');
      expect(bare).not.toContain('此件主动公开');
      expect(
        Object.keys((await JSZip.loadAsync(t.delivered.at(-1)!.data)).files).some((f) => f.includes('charts/')),
      ).toBe(false);

      if (canRender) {
        const dir = makeTempDir('zwgk-summary-render-');
        const keep = process.env.ZWGK_KEEP_RENDER;
        if (!keep) dirs.push(dir);
        const docx = path.join(dir, 'summary.docx');
        fs.writeFileSync(docx, buf);
        const env = { ...process.env, FONTCONFIG_FILE: path.resolve('test/fixtures/fonts/fonts.conf') };
        const r = spawnSync(
          'soffice',
          [`-env:UserInstallation=file://${dir}/profile`, '--headless', '--convert-to', 'pdf', '--outdir', dir, docx],
          { env, timeout: 180_000 },
        );
        expect(r.status, String(r.stderr)).toBe(0);
        spawnSync('pdftoppm', ['-r', '60', '-png', path.join(dir, 'summary.pdf'), path.join(dir, 'page')]);
        const pages = fs.readdirSync(dir).filter((f) => /^page-\d+\.png$/.test(f));
        // Body about 2,000+ characters at 22×28 a page is 4 pages or so, plus the three 附件.
        expect(pages.length).toBeGreaterThanOrEqual(6);
        const pdfText = spawnSync('pdftotext', [path.join(dir, 'summary.pdf'), '-'], { encoding: 'utf8' }).stdout;
        expect(pdfText).toContain('三、下一步工作打算');
        expect(pdfText).toMatch(/—\s*1\s*—/);
        // Both chart pictures are on pages of the 附件 (after the body), at print resolution.
        const images = spawnSync('pdfimages', ['-list', path.join(dir, 'summary.pdf')], { encoding: 'utf8' })
          .stdout.trim()
          .split('\n')
          .slice(2)
          .map((l) => l.trim().split(/\s+/))
          .map((c) => ({ page: Number(c[0]), type: c[2], width: Number(c[3]), height: Number(c[4]) }));
        const charts = images.filter((im) => im.type === 'image' && im.width === 1240);
        expect(charts).toHaveLength(2);
        expect(Math.min(...charts.map((c) => c.page))).toBeGreaterThan(2);
        if (keep) console.log(`渲染结果：${dir}`);
      }
    } finally {
      t.cleanup();
    }
  }, 240_000);
});

describe('the printed 总结', () => {
  it.skipIf(!renderAvailable)(
    'never leaves the 署名 and date alone on a page: the example year, a small year (both kinds), an almost empty one',
    async () => {
      const files: Record<string, Buffer> = {};
      const signatures: Record<string, { org: string; date: string }> = {};
      const add = async (name: string, t: TestWorkstation, kind: '年度' | '半年', withTables: boolean) => {
        const s =
          (await t.call('summary.get', { year: 2026, kind })) ?? (await t.call('summary.create', { year: 2026, kind }));
        await t.call('summary.saveMeta', {
          id: s.id,
          title: s.title,
          addressee: '县政务公开领导小组办公室',
          signatureOrg: s.signatureOrg,
          signatureDate: s.signatureDate,
          publicNote: true,
          withTables,
          withCharts: false,
        });
        await t.call('summary.export', { year: 2026, kind });
        files[name] = t.delivered.at(-1)!.data;
        signatures[name] = { org: s.signatureOrg, date: formatChineseDate(s.signatureDate) };
      };
      const example = await openTestWorkstation({ year: 2026, now: () => new Date('2026-11-20T10:00:00') });
      const small = await openTestWorkstation({ year: 2026, now: () => new Date(`${SMALL_TODAY}T10:00:00`) });
      const empty = await openTestWorkstation({ year: 2026, now: () => new Date(`${SMALL_TODAY}T10:00:00`) });
      try {
        await example.call('demo.load');
        await buildSmallYear(small);
        await add('example.docx', example, '年度', true);
        await add('example-half.docx', example, '半年', false);
        await add('small.docx', small, '年度', true);
        await add('small-half.docx', small, '半年', true);
        // Almost empty: one item published (a year with nothing at all is refused a draft: nothing to write under
        // 一、主要做法和成效).
        const columns = await empty.call('disclosure.columns');
        await empty.call('disclosure.createPublication', {
          title: '县科技局开展科技活动周宣传活动',
          publishedDate: '2026-05-20',
          formedDate: '2026-05-18',
          columnId: columns.find((c) => c.name === '工作动态')!.id,
          channel: '门户网站',
        });
        await add('empty.docx', empty, '年度', false);
        const dir = makeTempDir('zwgk-summary-pages-');
        if (!process.env.ZWGK_KEEP_RENDER) dirs.push(dir);
        else console.log(`渲染结果：${dir}`);
        const rendered = renderPages(dir, files);
        for (const [name, pages] of Object.entries(rendered)) {
          const { org, date } = signatures[name];
          const at = pages.findIndex((page) => linesOf(page).some((l) => l.text === org));
          expect(at, `${name}：找不到署名`).toBeGreaterThanOrEqual(0);
          // What else the page of the 署名 holds: some of the body, not only 署名, date, 附注, 附件说明 and the number.
          const others = linesOf(pages[at]).filter(
            (l) =>
              l.text !== org &&
              l.text !== date &&
              l.text !== '（此件主动公开）' &&
              !/^—\s*\d+\s*—$/.test(l.text) &&
              !/^(附件：)?\d*\.?\d{4}年.*(数据|情况)$/.test(l.text),
          );
          if (!others.length)
            console.log(
              name,
              at,
              JSON.stringify(
                pages.map((pg) => linesOf(pg).map((l) => l.text)).slice(Math.max(0, at - 1), at + 1),
                null,
                1,
              ),
            );
          expect(others.length, `${name}：第${at + 1}页只有署名和日期`).toBeGreaterThan(0);
        }
      } finally {
        for (const t of [example, small, empty]) t.cleanup();
      }
    },
    300_000,
  );
});

describe('the 署名 kept with the body', () => {
  it.skipIf(!renderAvailable)(
    'whatever line the body ends on, the page of the 署名 holds body text too (22 lengths, one line apart)',
    async () => {
      // A body of three headed parts, then a last paragraph one line longer in each file: one of them ends on the
      // last line of a page, where the 署名 would otherwise start a page of its own.
      const sentence = '对照年度实施方案逐项梳理进度，确保各项要求落到实处。'; // 26 characters: one line of 28 with indent
      const files: Record<string, Buffer> = {};
      for (let n = 0; n < 22; n++) {
        files[`body-${n}.docx`] = await buildSummaryDocx({
          title: '某县科学技术局2026年政务公开工作总结',
          addressee: '',
          signatureOrg: '某县科学技术局',
          signatureDate: '2026-12-20',
          publicNote: false,
          paragraphs: [
            { level: 0, heading: '', text: sentence.repeat(8) },
            { level: 1, heading: '一、主要做法和成效', text: '' },
            { level: 2, heading: '（一）加强组织领导。', text: sentence.repeat(6) },
            { level: 1, heading: '二、下一步工作打算', text: '' },
            { level: 0, heading: '', text: `一是${sentence.repeat(3)}\n二是${sentence.repeat(Math.max(1, n))}` },
          ],
          tables: [],
        });
      }
      const dir = makeTempDir('zwgk-summary-keep-');
      dirs.push(dir);
      const rendered = renderPages(dir, files);
      const alone: string[] = [];
      for (const [name, pages] of Object.entries(rendered)) {
        const at = pages.findIndex((page) => linesOf(page).some((l) => l.text === '某县科学技术局'));
        const others = linesOf(pages[at]).filter(
          (l) => !['某县科学技术局', '2026年12月20日'].includes(l.text) && !/^—\s*\d+\s*—$/.test(l.text),
        );
        if (!others.length) alone.push(name);
      }
      expect(alone).toEqual([]);
    },
    300_000,
  );
});

describe('command line', () => {
  it('summary --json prints exactly one JSON object with every figure; export summary-docx creates the draft when there is none', async () => {
    const dir = makeTempDir();
    dirs.push(dir);
    const db = path.join(dir, 'demo.sqlite');
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await allAreaCommands.demo.run({ areas: areaServices, positional: [], flags: { db } })).toBe(0);
    vi.restoreAllMocks();
    const year = new Date().getFullYear();

    const out = captureStdout();
    expect(
      await summaryCommands.summary.run({
        areas: areaServices,
        positional: [],
        flags: { db, year: String(year), json: true },
      }),
    ).toBe(0);
    const printed = out();
    expect(printed.trim().split('\n')).toHaveLength(1);
    const parsed = JSON.parse(printed) as {
      year: number;
      figures: Record<string, { value: unknown; previous: unknown; source: string }>;
    };
    expect(Object.keys(parsed)).toEqual(['year', 'figures']);
    expect(parsed.year).toBe(year);
    const ws = new Workstation({
      dbPath: db,
      host: 'cli',
      autoBackup: false,
      areas: areaServices,
      files: {
        deliver: async () => {
          throw new Error('no');
        },
      },
    }).open();
    try {
      expect(parsed.figures).toEqual(await collectFigures(ws.context(), year));
      const count = (y: number) =>
        Object.values(
          ws
            .context()
            .raw.prepare('SELECT count(*) AS n FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.year = ?')
            .get(y) as { n: number },
        )[0];
      // The example data carries last year's plan (for 回头看): the previous value is its count.
      expect(parsed.figures['plan.tasks']).toMatchObject({ value: count(year), previous: count(year - 1) });
      expect(count(year - 1)).toBeGreaterThan(0);
      // No draft yet in a file where only the figures were asked for: delete the demo's, then export.
      ws.context().raw.prepare('DELETE FROM summary').run();
    } finally {
      ws.close();
    }
    for (const f of Object.values(parsed.figures))
      expect(Object.keys(f).sort()).toEqual(['previous', 'source', 'value']);

    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const target = path.join(dir, '总结.docx');
    expect(
      await allAreaCommands.export.run({
        areas: areaServices,
        positional: ['summary-docx'],
        flags: { db, year: String(year), out: target },
      }),
    ).toBe(0);
    vi.restoreAllMocks();
    const xml = await (await JSZip.loadAsync(fs.readFileSync(target))).file('word/document.xml')!.async('string');
    expect(plain(xml)).toContain(`${year}年政务公开工作总结`);
    await expect(
      summaryCommands.summary.run({ areas: areaServices, positional: [], flags: { db, year: '20x6', json: true } }),
    ).rejects.toMatchObject({ code: 'VALIDATION', message: expect.stringContaining('年度“20x6”无效') });
  }, 240_000);
});
