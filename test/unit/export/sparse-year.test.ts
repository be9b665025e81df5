// Every document of a new user's year, read as the office head who signs it reads them: a small bureau in its first
// year on the workstation (test/helpers/sparse-year.ts: 4 staff, 5 tasks, 2 AB岗, no training, 3 publications, 1
// application, a small 自查, no 上年 data at all), and a year with nothing but the bureau and its staff. Each is read
// before the year's end (16 December: the 初稿 of the 年报, a 总结 counted to that day) and after it (January).
// Expected figures are counted here with plain SQL; the sentences are the ones real documents write for such a year:
// no invented comparison with a year the workstation never saw, no "0件", no empty section, no table of nothing.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaServices } from '../../../main/areas';
import { checkYear } from '../../../main/services/yearcheck/check';
import type { Exporter } from '../../../main/services/exports';
import { summaryPeriodOn } from '../../../shared/domain/summary';
import { figuresFor } from '../../../main/services/summary/figures';
import {
  openEmptyYear,
  openSparseYear,
  SPARSE_DECEMBER,
  SPARSE_JANUARY,
  SPARSE_STAFF,
  SPARSE_TITLES,
  SPARSE_YEAR,
  type SparseYear,
} from '../../helpers/sparse-year';
import { makeTempDir } from '../../helpers/workstation';
import { canRender, linesOf, renderPages } from './render-helpers';
import { docxParagraphs } from './read-docx';

const Y = SPARSE_YEAR;

/** The rows of a .docx's tables, each as its cells' text. */
async function tableRows(buf: Buffer): Promise<string[][]> {
  const zip = await JSZip.loadAsync(buf);
  const xml = await zip.file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:tr[ >][\s\S]*?<\/w:tr>/g)].map((tr) =>
    [...tr[0].matchAll(/<w:tc>[\s\S]*?<\/w:tc>/g)].map((tc) =>
      [...tc[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''),
    ),
  );
}

async function sheets(buf: Buffer): Promise<ExcelJS.Worksheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets;
}
const rowTexts = (ws: ExcelJS.Worksheet): string[][] => {
  const out: string[][] = [];
  ws.eachRow((r) => {
    const cells: string[] = [];
    r.eachCell((c) => cells.push(String(c.value ?? '')));
    out.push(cells);
  });
  return out;
};

const one = (t: SparseYear, sql: string, ...args: unknown[]): number =>
  Number(
    Object.values(
      t.ws
        .context()
        .raw.prepare(sql)
        .get(...args) as Record<string, unknown>,
    )[0],
  );

/** A count written as "0件", "0条" … in running text: real documents say 未…/无 instead. */
const ZERO_COUNT = /(?<![\d.])0(?:件|条|次|个|项|人次|篇)/;

let exporters: Record<string, Exporter>;
beforeAll(async () => {
  exporters = await areaServices.exporters();
});

async function build(t: SparseYear, kind: string): Promise<Buffer> {
  return (await exporters[kind].build(t.ws.context(), { year: Y })).data;
}
const text = async (t: SparseYear, kind: string) => (await docxParagraphs(await build(t, kind))).join('\n');
/** The 年报's （一）…（五） of 一、总体情况, each with its text. */
async function overview(t: SparseYear): Promise<string[]> {
  const all = await docxParagraphs(await build(t, 'annual-report-docx'));
  return [
    '（一）主动公开。',
    '（二）依申请公开。',
    '（三）政府信息管理。',
    '（四）政府信息公开平台建设。',
    '（五）监督保障。',
  ].map((head) => all.find((p) => p.startsWith(head))!.slice(head.length));
}

describe('a small bureau’s first year, read on 16 December', () => {
  let t: SparseYear;
  beforeAll(async () => {
    t = await openSparseYear(SPARSE_DECEMBER);
  }, 60_000);
  afterAll(() => t?.cleanup());

  it('the 总结 compares with no year the workstation never saw: no 上年 column, no 增减, and says so', async () => {
    const buf = await build(t, 'summary-docx');
    const all = (await docxParagraphs(buf)).join('\n');
    const published = one(
      t,
      `SELECT count(*) FROM publication WHERE published_date BETWEEN ? AND ?`,
      `${Y}-01-01`,
      SPARSE_DECEMBER,
    );
    expect(all).toContain(`今年以来主动公开政府信息${published}条，`);
    expect(all).not.toMatch(/较上年|与上年持平|增加\d|减少\d/);
    // 附件1: 序号, 项目 and this year only; the note says there is nothing to compare with.
    const rows = await tableRows(buf);
    const header = rows.find((r) => r[0] === '序号' && r[1] === '项目')!;
    expect(header).toEqual(['序号', '项目', `${Y}年`]);
    expect(rows.flat().join('')).not.toMatch(/同期|增减|—/);
    expect(all).toContain('标有“截至12月16日”的为当日的状态；上年同期没有相应记录，不作对比。');
    // The 整改台账 of a year the bureau did not keep one is no 0: its figures carry no 上年 value.
    const f = await figuresFor(t.ws.context(), summaryPeriodOn(Y, '年度', SPARSE_DECEMBER));
    expect(f['rectification.opened']).toMatchObject({ value: 1, previous: null });
    expect(Object.values(f).every((x) => x.previous === null)).toBe(true);
  });

  it('the 总结 names one document alone, claims no 栏目 kept up to date across half a year of silence, plans the 解读 it lacks', async () => {
    const all = await text(t, 'summary-docx');
    expect(all).toContain(`二是公开“${SPARSE_TITLES.pub2}”。`);
    expect(all).not.toContain('等政策文件');
    // Published in February, April and May only: 各栏目信息更新及时 is not borne out.
    expect(all).toContain('“财政预决算”栏目发布1条、“工作动态”栏目发布1条、“通知公告”栏目发布1条。');
    expect(all).not.toContain('更新及时');
    // No 解读 at all this year: not "丰富解读方式".
    expect(one(t, `SELECT count(*) FROM publication WHERE interpretation = 1`)).toBe(0);
    expect(all).toContain('做好政策解读。出台政策文件时同步组织解读材料');
    expect(all).not.toContain('丰富政策解读方式');
    expect(all).not.toMatch(ZERO_COUNT);
  });

  it('the 年报 初稿 says only the figures there are: no 上年结转0件, no 尚在办理0件, one channel named as one', async () => {
    const [active, requests, management, platform, supervision] = await overview(t);
    const received = one(
      t,
      `SELECT count(*) FROM request WHERE received_date BETWEEN ? AND ?`,
      `${Y}-01-01`,
      `${Y}-12-31`,
    );
    const fully = one(t, `SELECT count(*) FROM request WHERE result = '三.一' AND answered_date <= ?`, SPARSE_DECEMBER);
    const published = one(t, `SELECT count(*) FROM publication WHERE published_date LIKE ?`, `${Y}-%`);
    expect(one(t, `SELECT count(*) FROM request WHERE received_date < ?`, `${Y}-01-01`)).toBe(0);
    expect(requests).toBe(
      // A draft: 今年以来 once; the only one answered said with its result.
      `今年以来，本单位新收政府信息公开申请${received}件，办结${fully}件，${fully === 1 ? '办理结果为予以公开' : `其中予以公开${fully}件`}。申请按照《条例》规定的程序和时限办理。未发生政府信息公开行政复议和行政诉讼案件。`,
    );
    expect(active).toContain(`公开了申报信息《${SPARSE_TITLES.pub2}》。`);
    expect(management).toBe(
      `信息发布执行“三审”制度，今年以来发布的全部${published}条信息均留有拟稿、审核、签发完整记录。政府信息均在形成或变更之日起20个工作日内公开。`,
    );
    // One channel, and nothing published from June: the 专栏 was updated, not "及时".
    expect(platform).toBe(`依托门户网站发布政府信息${published}条，更新政府信息公开专栏。`);
    expect(supervision).toBe('今年以来未组织政务公开相关培训；落实AB岗制度。');
    const all = await text(t, 'annual-report-docx');
    expect(all).not.toMatch(ZERO_COUNT);
  });

  it('the 自查报告 claims no 佐证材料 nobody collected; the 整改 report names only what its item has', async () => {
    const report = await text(t, 'selfcheck-docx');
    expect(one(t, `SELECT count(*) FROM sc_evidence`)).toBe(0);
    expect(report).toContain('逐项开展自查自评，并对发现的问题逐一制定整改措施。现将自查情况报告如下。');
    expect(report).not.toContain('佐证材料');
    const rect = await text(t, 'rectification-docx');
    // The one item: from 自查, with a 责任领导, 责任人 and 时限 but no 责任科室, being worked on.
    expect(rect).toContain(
      `针对${Y}年度政务公开自查发现的问题，我局逐项制定整改措施，明确责任领导、责任人和整改时限，建立整改台账，实行对账销号。共梳理问题1个，目前正在整改。`,
    );
    const intro = rect.split('\n').find((p) => p.startsWith('针对'))!;
    expect(intro).not.toMatch(/上级测评通报|责任科室|0个/);
    expect(rect).not.toContain('回头看');
  });

  it('the 实施方案 and 分解表 do not print a 时限 as a 具体措施', async () => {
    const plan = await docxParagraphs(await build(t, 'plan-docx'));
    const tasks = plan.filter((p) => p.includes('（牵头科室：'));
    expect(tasks).toHaveLength(one(t, `SELECT count(*) FROM plan_task`));
    for (const p of tasks) expect(p, p).not.toMatch(/(?:底前|日前)完成。（/);
    const [ws] = await sheets(await build(t, 'tasks-xlsx'));
    const rows = rowTexts(ws);
    const col = rows.find((r) => r.includes('具体措施'))!.indexOf('具体措施');
    for (const r of rows.filter((x) => /^\d+$/.test(x[0]))) expect(r[col] ?? '').not.toMatch(/^\d{4}年.*前完成。?$/);
  });

  it('the 培训台账 of a year without training says so, with no 合计 of zeros and no column of dashes', async () => {
    expect(one(t, `SELECT count(*) FROM training`)).toBe(0);
    const [ledger, hours] = await sheets(await build(t, 'training-xlsx'));
    const rows = rowTexts(ledger);
    expect(rows[1][0]).toBe(`${Y}年未开展政务公开专题培训，要求至少1次，尚未达到要求。`);
    expect(rows.some((r) => r[0] === '合计')).toBe(false);
    const people = rowTexts(hours);
    expect(people.find((r) => r[0] === '序号')).not.toContain('是否达标');
    expect(people.flat()).not.toContain('—');
  });

  it('the 核对 asks for 表二 现行有效, which no earlier year on the workstation can give', async () => {
    const f = (await checkYear(t.ws.context(), Y)).filter((x) => x.kind === 'in-force-unknown');
    expect(f).toHaveLength(1);
    expect(f[0].message).toContain(`工作台中又没有${Y - 1}年年度报告的数据可以推算`);
  });

  it('names nobody who is not on the staff list, and prints no null, NaN, placeholder or ISO date', async () => {
    const staff = new Set<string>(SPARSE_STAFF);
    const people = t.ws
      .context()
      .raw.prepare(
        `SELECT drafter AS n FROM publication UNION SELECT reviewer FROM publication UNION SELECT approver FROM publication
         UNION SELECT handler FROM request UNION SELECT leader FROM rectification`,
      )
      .all() as { n: string }[];
    for (const p of people.filter((x) => x.n)) expect(staff.has(p.n), p.n).toBe(true);
    for (const kind of [
      'summary-docx',
      'summary-half-docx',
      'annual-report-docx',
      'selfcheck-docx',
      'rectification-docx',
      'plan-docx',
      'ab-docx',
    ]) {
      const all = await text(t, kind);
      expect(all, kind).not.toMatch(/null|undefined|NaN|XX|××|待填写|\d{4}-\d{2}-\d{2}/);
      for (const name of ['王局长', '李副局长', '张三']) expect(all, kind).not.toContain(name);
    }
  });
});

describe('the same first year, read in January', () => {
  let t: SparseYear;
  beforeAll(async () => {
    t = await openSparseYear(SPARSE_JANUARY);
  }, 60_000);
  afterAll(() => t?.cleanup());

  it('the 总结 of the whole year: 全年, no 上年 column, the note says there is no 上年', async () => {
    const buf = await build(t, 'summary-docx');
    const all = (await docxParagraphs(buf)).join('\n');
    const published = one(t, `SELECT count(*) FROM publication WHERE published_date LIKE ?`, `${Y}-%`);
    expect(all).toContain(`全年主动公开政府信息${published}条，`);
    expect((await tableRows(buf)).find((r) => r[0] === '序号' && r[1] === '项目')).toEqual(['序号', '项目', `${Y}年`]);
    expect(all).toContain('只计本年度的记录；上年没有相应记录，不作对比。');
    expect(all).not.toMatch(/较上年|增加\d|减少\d|“—”/);
    expect(all).not.toMatch(ZERO_COUNT);
  });

  it('the final 年报: the applications as counted, none carried either way, nothing said as 0', async () => {
    const [, requests] = await overview(t);
    const received = one(t, `SELECT count(*) FROM request WHERE received_date LIKE ?`, `${Y}-%`);
    const open = one(
      t,
      `SELECT count(*) FROM request WHERE received_date <= ? AND (answered_date IS NULL OR answered_date > ?)`,
      `${Y}-12-31`,
      `${Y}-12-31`,
    );
    expect(open).toBe(0);
    expect(requests).toBe(
      `${Y}年，本单位新收政府信息公开申请${received}件，办结${received}件，${received === 1 ? '办理结果为予以公开' : `其中予以公开${received}件`}。申请按照《条例》规定的程序和时限办理。全年未发生政府信息公开行政复议和行政诉讼案件。`,
    );
    expect((await overview(t)).join('')).not.toMatch(/上年结转|结转下年度继续办理|所有申请均/);
    expect(await text(t, 'annual-report-docx')).not.toMatch(ZERO_COUNT);
  });

  it('the 总结, 年报 and 自查报告 quote the same figures', async () => {
    const summary = await text(t, 'summary-docx');
    const report = await text(t, 'annual-report-docx');
    const selfcheck = await text(t, 'selfcheck-docx');
    const published = one(t, `SELECT count(*) FROM publication WHERE published_date LIKE ?`, `${Y}-%`);
    expect(summary).toContain(`全年主动公开政府信息${published}条`);
    expect(report).toContain(`全年主动公开政府信息${published}条`);
    const done = one(t, `SELECT count(*) FROM plan_task WHERE status = '已完成'`);
    const tasks = one(t, `SELECT count(*) FROM plan_task`);
    expect(summary).toContain(`${tasks}项重点任务中已完成${done}项`);
    expect(selfcheck).toContain(`本年度实施方案共${tasks}项任务，已完成${done}项。`);
    const score = /自评总分(\d+)分/.exec(selfcheck)![1];
    expect(summary).toContain(`自评得分${score}分`);
  });

  it('the 整改 report: one item past its 时限, said once, without "其中" over a single item', async () => {
    const rect = await text(t, 'rectification-docx');
    expect(rect).toContain('共梳理问题1个，目前正在整改，已超过整改时限。');
    expect(rect).not.toMatch(/0个/);
  });
});

describe('a year with nothing but the bureau and its staff', () => {
  let dec: SparseYear;
  let jan: SparseYear;
  beforeAll(async () => {
    dec = await openEmptyYear(SPARSE_DECEMBER);
    jan = await openEmptyYear(SPARSE_JANUARY);
  }, 60_000);
  afterAll(() => {
    dec?.cleanup();
    jan?.cleanup();
  });

  it('the 年报: no section without a sentence, no "所有申请均", no 0件, no AB岗 nobody holds', async () => {
    for (const [t, whole] of [
      [dec, '今年以来'],
      [jan, '全年'],
    ] as const) {
      const [active, requests, management, platform, supervision] = await overview(t);
      for (const s of [active, requests, management, platform, supervision]) expect(s.length).toBeGreaterThan(10);
      // A draft says 今年以来 once, at the head; the final report names the year and then 全年.
      expect(requests).toBe(
        t === dec
          ? '今年以来，本单位未收到政府信息公开申请。未发生政府信息公开行政复议和行政诉讼案件。'
          : `${Y}年，本单位未收到政府信息公开申请。${whole}未发生政府信息公开行政复议和行政诉讼案件。`,
      );
      expect(management).toBe(`${t === dec ? '今年以来' : '本年度'}未制发行政规范性文件。`);
      expect(supervision).toBe(`${t === dec ? '今年以来' : '本年度'}未组织政务公开相关培训。`);
      const all = await text(t, 'annual-report-docx');
      expect(all).not.toMatch(ZERO_COUNT);
      expect(all).not.toContain('所有申请均');
      expect(all).not.toContain('落实AB岗制度');
    }
  });

  it('the 总结 is not drafted from nothing: the export says what to do first', async () => {
    await expect(exporters['summary-docx'].build(dec.ws.context(), { year: Y })).rejects.toThrow(
      /还没有可写入工作总结的工作记录.*请先在各页面登记本年度的工作/,
    );
    await expect(dec.call('summary.create', { year: Y, kind: '年度' })).rejects.toMatchObject({ code: 'NOT_READY' });
    expect(one(dec, `SELECT count(*) FROM summary`)).toBe(0);
  });

  it('the 整改 report has no 附件 of an empty ledger and plans no 回头看 of nothing; the ledger says it is empty', async () => {
    const rect = await text(dec, 'rectification-docx');
    expect(rect).toContain(`${Y}年度暂未登记需要整改的问题。`);
    expect(rect).toContain('定期对照考核指标开展自查，发现问题及时登记、限期整改，持续提升政务公开工作质量。');
    expect(rect).not.toMatch(/附件|回头看|好做法/);
    expect(await tableRows(await build(dec, 'rectification-docx'))).toEqual([]);
    const [ledger] = await sheets(await build(dec, 'rectification-xlsx'));
    expect(rowTexts(ledger)[1][0]).toBe(`${Y}年度未登记整改事项\u3000\u3000统计日期：${Y}年12月16日`);
  });

  it('the registers with no rows say so above their header', async () => {
    const [pub] = await sheets(await build(dec, 'publications-xlsx'));
    expect(rowTexts(pub)[1][0]).toBe(`${Y}年未登记发布的信息。`);
    const [req] = await sheets(await build(dec, 'requests-xlsx'));
    expect(rowTexts(req)[1][0]).toBe(`${Y}年未登记政府信息公开申请。`);
  });

  it('the 核对 has nothing to ask of a year nobody recorded anything for', async () => {
    expect(await checkYear(dec.ws.context(), Y)).toEqual([]);
  });
});

if (!canRender) console.warn('未安装 LibreOffice（soffice）或 pdftotext，跳过第一年文档的版面检查。');

describe.skipIf(!canRender)('the first year’s documents on paper', () => {
  it('the 总结’s 附件1 prints one year’s column; every 年报 section of the empty year has a line under it', async () => {
    const sparse = await openSparseYear(SPARSE_JANUARY);
    const empty = await openEmptyYear(SPARSE_JANUARY);
    const dir = makeTempDir('zwgk-sparse-render-');
    try {
      const pages = renderPages(dir, {
        'summary.docx': await build(sparse, 'summary-docx'),
        'report.docx': await build(empty, 'annual-report-docx'),
      });
      const summary = pages['summary.docx'].map(linesOf);
      const table = summary.find((p) => p.some((l) => l.text === '附件1'))!;
      const head = table.find((l) => l.text.startsWith('序号'))!;
      expect(head.text).toBe(`序号项目${Y}年`);
      // No column of dashes: the only 一字线 are those of the page numbers ("— 5 —").
      const printed = summary
        .flat()
        .map((l) => l.text)
        .filter((l) => !/^—\d+—$/.test(l));
      expect(printed.join('')).not.toMatch(/增减|同期|—/);
      // Each （一）…（五） heading runs on into its sentence on the same line.
      const report = pages['report.docx'].flatMap(linesOf).map((l) => l.text);
      for (const head of [
        '（一）主动公开。',
        '（二）依申请公开。',
        '（三）政府信息管理。',
        '（四）政府信息公开平台建设。',
        '（五）监督保障。',
      ]) {
        const line = report.find((l) => l.startsWith(head))!;
        expect(line.length, head).toBeGreaterThan(head.length + 4);
      }
    } finally {
      sparse.cleanup();
      empty.cleanup();
    }
  }, 240_000);
});
