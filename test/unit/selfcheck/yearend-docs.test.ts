// The 自查报告, 自查评分表, 整改台账 and 整改情况报告 of the example year read back as the office head who signs them
// reads them: every sentence next to the record it rests on. Expected figures are counted here with plain SQL.
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadDemo } from '../../../main/services/demo';
import { openRectifications, selfcheckFigures } from '../../../main/services/selfcheck/figures';
import { discardReport, getReport, saveReport } from '../../../main/services/selfcheck/report';
import { getSelfcheck } from '../../../main/services/selfcheck/scores';
import { checkYear } from '../../../main/services/yearcheck/check';
import type { AppContext } from '../../../main/services/workstation';
import { formatChineseDate } from '../../../shared/domain/dates';
import { yearPeriod } from '../../../shared/domain/period';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { docxParagraphs } from '../export/read-docx';

const YEAR = 2026;

async function sheetOf(buf: Buffer): Promise<ExcelJS.Worksheet> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  return wb.worksheets[0];
}

/** A cell's shown text (a hyperlink cell shows its text). */
function cellText(c: ExcelJS.Cell): string {
  const v = c.value as unknown;
  if (v && typeof v === 'object' && 'text' in (v as object)) return String((v as { text: unknown }).text);
  return c.text;
}

function rowsOf(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  const out: ExcelJS.Row[] = [];
  ws.eachRow((r) => out.push(r));
  return out;
}

describe('the year-end 自查 and 整改 documents of the example year', () => {
  let t: TestWorkstation;
  let ctx: AppContext;
  const built = new Map<string, Buffer>();
  const file = async (kind: 'selfcheck-xlsx' | 'selfcheck-docx' | 'rectification-xlsx' | 'rectification-docx') => {
    if (!built.has(kind)) {
      await t.call('selfcheck.export', { kind, year: YEAR });
      built.set(kind, t.delivered[t.delivered.length - 1].data);
    }
    return built.get(kind)!;
  };
  beforeAll(async () => {
    t = await openTestWorkstation({ year: YEAR, now: () => new Date(`${YEAR}-12-16T10:00:00`) });
    await loadDemo(t.ws.context());
    ctx = t.ws.context();
  });
  afterAll(() => t?.cleanup());

  /** Earlier years' items still to be accounted for this year: not 销号 before the year began. */
  const carried = () =>
    ctx.raw
      .prepare(
        `SELECT id, year, source, state, deadline, problem, completed_on, closed_on FROM rectification
         WHERE year < ? AND (state <> '已销号' OR closed_on >= ?) ORDER BY year, id`,
      )
      .all(YEAR, `${YEAR}-01-01`) as {
      id: number;
      year: number;
      source: string;
      state: string;
      deadline: string | null;
      problem: string;
      completed_on: string | null;
      closed_on: string | null;
    }[];

  it('整改情况报告 accounts for earlier years’ items not 销号, as 往年遗留, with their state', async () => {
    const old = carried();
    expect(old.length).toBeGreaterThan(0);
    const text = await docxParagraphs(await file('rectification-docx'));
    const intro = text.find((p) => p.startsWith('针对'))!;
    const own = ctx.raw.prepare('SELECT COUNT(*) AS n FROM rectification WHERE year = ?').get(YEAR) as { n: number };
    expect(intro).toContain(`共梳理问题${own.n}个`);
    expect(intro).toContain(`年初未销号的往年遗留问题${old.length}个`);
    const overdue = old.filter(
      (r) => r.state !== '已完成' && r.state !== '已销号' && r.deadline && r.deadline < '2026-12-16',
    );
    if (overdue.length) expect(intro).toMatch(new RegExp(`往年遗留[^。]*已超过整改时限${overdue.length}个`));
    const heading = text.findIndex((p) => p.includes('往年遗留问题整改情况'));
    expect(heading).toBeGreaterThan(0);
    for (const r of old) {
      const at = text.findIndex((p, i) => i > heading && p.includes(r.problem));
      expect(at, r.problem).toBeGreaterThan(heading);
      const body = text[at + 1];
      expect(body).toContain(`${r.year}年度`);
      if (r.state === '已完成') expect(body).toContain('待复核销号');
      else if (r.deadline) {
        expect(body).toContain(r.state);
        expect(body).toContain(formatChineseDate(r.deadline));
      }
      if (overdue.some((o) => o.id === r.id)) expect(body).toContain('逾期');
    }
    // The 附件 台账 lists them too.
    const table = text.slice(text.lastIndexOf('附件'));
    for (const r of old) expect(table.some((p) => p === r.problem)).toBe(true);
  });

  it('整改台账 lists earlier years’ items not 销号 under their own heading, counted in the subtitle', async () => {
    const old = carried();
    const ws = await sheetOf(await file('rectification-xlsx'));
    const rows = rowsOf(ws);
    const own = ctx.raw.prepare('SELECT COUNT(*) AS n FROM rectification WHERE year = ?').get(YEAR) as { n: number };
    expect(cellText(rows[1].getCell(1))).toContain(`共${own.n}项`);
    expect(cellText(rows[1].getCell(1))).toContain(`年初未销号的往年遗留问题${old.length}项`);
    const section = rows.findIndex((r) =>
      cellText(r.getCell(1)).startsWith(`二、年初未销号的往年遗留问题（${old.length}项）`),
    );
    expect(section).toBeGreaterThan(1);
    for (const r of old) {
      const row = rows.find((x, i) => i > section && cellText(x.getCell(4)) === r.problem);
      expect(row, r.problem).toBeDefined();
      expect(cellText(row!.getCell(2))).toContain(`${r.year}年度`);
      expect(cellText(row!.getCell(12))).toContain(r.state === '已销号' ? '已销号' : r.state);
    }
  });

  it('自查报告 二、存在的问题 names earlier years’ items not 销号, with their state; 三、整改措施 answers them', async () => {
    const old = carried().filter((r) => r.state !== '已销号');
    const text = await docxParagraphs(await file('selfcheck-docx'));
    const [p2, p3, p4] = ['二、存在的问题', '三、整改措施', '四、下一步工作打算'].map((h) => text.indexOf(h));
    for (const r of old) {
      const line = text.slice(p2, p3).find((p) => p.includes(r.problem));
      expect(line, r.problem).toBeDefined();
      expect(line).toContain(`${r.year}年度`);
      expect(line).toContain(r.state === '已完成' ? '待复核销号' : r.state);
      const n = /^(\d+)\./.exec(line!)![1];
      const plain = (x: string) => x.replace(/[“”‘’]/g, '');
      expect(text.slice(p3, p4).some((p) => p.startsWith(`${n}.`) && plain(p).includes(plain(r.problem)))).toBe(true);
    }
  });

  it('an item entered late for an earlier year counts in that year’s figures (its own year, not the day it was keyed in)', async () => {
    const rows = ctx.raw.prepare('SELECT id, state, completed_on FROM rectification WHERE year = 2025').all() as {
      id: number;
      state: string;
      completed_on: string | null;
    }[];
    expect(rows.length).toBeGreaterThan(0);
    const figures = await selfcheckFigures(ctx, yearPeriod(2025));
    expect(figures['rectification.opened'].value).toBe(rows.length);
    const notDone = rows.filter((r) => !(r.completed_on && r.completed_on <= '2025-12-31'));
    expect((await openRectifications(ctx, yearPeriod(2025))).length).toBe(notDone.length);
  });

  it('（n）of 一、自查情况 cites as evidence of meeting a standard only the leaves that met it; a deduction says why', async () => {
    const v = await getSelfcheck(ctx, YEAR);
    const lost = v.rows.filter((r) => r.isLeaf && r.deducted > 0);
    expect(lost.length).toBeGreaterThan(0);
    const text = await docxParagraphs(await file('selfcheck-docx'));
    for (const r of lost) {
      const top = v.rows.find((x) => x.level === 1 && r.number.startsWith(`${x.number}.`))!;
      const para = text.find((p) => /^（[一二三四五六七八九十]+）/.test(p) && p.includes(`${top.name}。`))!;
      const met = /达到评分标准，佐证材料有([^；。]*)/.exec(para)?.[1] ?? '';
      const titles = ctx.raw
        .prepare(
          `SELECT t.title FROM sc_evidence e JOIN plan_task t ON t.id = e.ref_id WHERE e.kind = 'task' AND e.indicator_id = ?`,
        )
        .all(r.id) as { title: string }[];
      for (const x of titles) expect(met, x.title).not.toContain(x.title);
      const reason = (
        ctx.raw.prepare('SELECT reason FROM sc_entry WHERE indicator_id = ?').get(r.id) as { reason: string }
      ).reason.replace(/[。；]$/, '');
      expect(reason).not.toBe('');
      expect(para).toContain(`${r.name}扣${r.deducted}分`);
      expect(para).toContain(reason);
    }
  });

  it('a training is cited with what is on file: its attendance and its uploaded materials, never an unfiled 签到表', async () => {
    const linked = ctx.raw
      .prepare(
        `SELECT e.indicator_id, tr.id, tr.title,
           (SELECT COUNT(*) FROM training_attendee a WHERE a.training_id = tr.id AND a.present = 1) AS present,
           (SELECT COUNT(*) FROM training_file f WHERE f.training_id = tr.id AND f.kind = '材料') AS materials
         FROM sc_evidence e JOIN training tr ON tr.id = e.ref_id WHERE e.kind = 'training'`,
      )
      .all() as { indicator_id: number; id: number; title: string; present: number; materials: number }[];
    expect(linked.length).toBeGreaterThan(0);
    const xl = rowsOf(await sheetOf(await file('selfcheck-xlsx')));
    const header = xl.findIndex((r) => cellText(r.getCell(1)) === '序号');
    const evCol = (xl[header].values as unknown[]).indexOf('佐证材料');
    const docx = (await docxParagraphs(await file('selfcheck-docx'))).join('\n');
    for (const l of linked) {
      const cell = xl.map((r) => cellText(r.getCell(evCol))).find((c) => c.includes(l.title))!;
      expect(cell).toBeDefined();
      expect(cell).not.toContain('签到表');
      expect(cell).toContain(`实到${l.present}人`);
      expect(cell).toContain(l.materials ? `培训材料${l.materials}份` : '未上传培训材料');
      expect(docx).not.toContain(`${l.title}（含签到表）`);
    }
  });

  it('an AB岗 change cited as evidence says which post, when it changed and when it was filed', async () => {
    const linked = ctx.raw
      .prepare(
        `SELECT p.name, c.change_date, c.filed_date FROM sc_evidence e JOIN ab_change c ON c.id = e.ref_id
         JOIN ab_post p ON p.id = c.post_id WHERE e.kind = 'ab_change'`,
      )
      .all() as { name: string; change_date: string; filed_date: string | null }[];
    expect(linked.length).toBeGreaterThan(0);
    const docx = (await docxParagraphs(await file('selfcheck-docx'))).join('\n');
    for (const l of linked) {
      const post = /岗位?$/.test(l.name) ? l.name : `${l.name}岗位`;
      const filed = l.filed_date ? `${formatChineseDate(l.filed_date)}备案` : '未备案';
      expect(docx).toContain(`${post}人员变动（${formatChineseDate(l.change_date)}变动，${filed}）`);
    }
  });

  it('整改台账 prints each web evidence’s address and links it', async () => {
    const urls = ctx.raw
      .prepare(
        `SELECT r.problem, e.url FROM rectification_evidence e JOIN rectification_progress p ON p.id = e.progress_id
         JOIN rectification r ON r.id = p.rectification_id WHERE e.url IS NOT NULL AND r.year = ?`,
      )
      .all(YEAR) as { problem: string; url: string }[];
    expect(urls.length).toBeGreaterThan(0);
    const rows = rowsOf(await sheetOf(await file('rectification-xlsx')));
    for (const u of urls) {
      const row = rows.find((r) => cellText(r.getCell(4)) === u.problem)!;
      const cell = row.getCell(11);
      expect(cellText(cell)).toContain(u.url);
      expect(cellText(cell)).not.toContain('网页链接');
      // The first address of the cell opens when clicked (a HYPERLINK formula: it wraps like text on paper).
      const first = urls.find((x) => x.problem === u.problem)!.url;
      expect((cell.value as ExcelJS.CellFormulaValue).formula).toMatch(
        new RegExp(`^HYPERLINK\\("${first.replace(/[.?/]/g, '\\$&')}",`),
      );
    }
  });

  it('a full-score indicator with a 整改 item of the year says what was found and where its 整改 stands', async () => {
    const v = await getSelfcheck(ctx, YEAR);
    const linked = ctx.raw
      .prepare(
        'SELECT indicator_id, problem, state, closed_on FROM rectification WHERE year = ? AND indicator_id IS NOT NULL',
      )
      .all(YEAR) as { indicator_id: number; problem: string; state: string; closed_on: string | null }[];
    const full = linked.filter((r) => {
      const row = v.rows.find((x) => x.id === r.indicator_id);
      return row && row.entry.rated && row.deducted === 0;
    });
    expect(full.length).toBeGreaterThan(0);
    const text = await docxParagraphs(await file('selfcheck-docx'));
    for (const r of full) {
      const row = v.rows.find((x) => x.id === r.indicator_id)!;
      const top = v.rows.find((x) => x.level === 1 && row.number.startsWith(`${x.number}.`))!;
      const para = text.find((p) => /^（[一二三四五六七八九十]+）/.test(p) && p.includes(`${top.name}。`))!;
      expect(para).toContain(r.problem);
      expect(para).toContain(r.state === '已销号' ? `${formatChineseDate(r.closed_on!)}整改销号` : r.state);
    }
  });

  it('核对 finds a saved 自查报告 silent on an earlier year’s item not 销号, and not the drafted one', async () => {
    const old = carried().filter((r) => r.state !== '已销号');
    expect(old.length).toBeGreaterThan(0);
    const silent = (f: Awaited<ReturnType<typeof checkYear>>) =>
      old.filter((r) => f.some((x) => x.documents.includes('自查报告') && x.message.includes(r.problem)));
    const { sections } = await getReport(ctx, YEAR);
    await saveReport(ctx, YEAR, sections);
    expect(silent(await checkYear(ctx, YEAR))).toEqual([]);
    const cut = (text: string) =>
      text
        .split('\n')
        .filter((l) => !old.some((r) => l.includes(r.problem)))
        .join('\n');
    await saveReport(ctx, YEAR, { ...sections, problems: cut(sections.problems), measures: cut(sections.measures) });
    expect(silent(await checkYear(ctx, YEAR))).toEqual(old);
    await discardReport(ctx, YEAR);
  });

  it('both reports carry the 主送机关: the county government office by default, or the one set', async () => {
    const region = (ctx.raw.prepare('SELECT region FROM bureau').get() as { region: string }).region;
    for (const kind of ['selfcheck-docx', 'rectification-docx'] as const) {
      const text = await docxParagraphs(await file(kind));
      // Right under the title (two lines: the bureau, then what the report is).
      expect(text[2], kind).toBe(`${region}人民政府办公室：`);
    }
    // Set on the 自查报告 screen (saved with the text, in one step), it is what both reports print; "" prints none.
    const shown = await t.call('selfcheck.report', { year: YEAR });
    expect(shown.addressee).toBe(`${region}人民政府办公室`);
    await t.call('selfcheck.saveReport', {
      year: YEAR,
      sections: shown.sections,
      addressee: '县政务公开领导小组办公室',
    });
    expect((await t.call('selfcheck.report', { year: YEAR })).addressee).toBe('县政务公开领导小组办公室');
    built.clear();
    for (const kind of ['selfcheck-docx', 'rectification-docx'] as const)
      expect((await docxParagraphs(await file(kind)))[2], kind).toBe('县政务公开领导小组办公室：');
    await t.call('selfcheck.saveReport', { year: YEAR, sections: shown.sections, addressee: '' });
    built.clear();
    for (const kind of ['selfcheck-docx', 'rectification-docx'] as const)
      expect((await docxParagraphs(await file(kind)))[2], kind).not.toMatch(/：$/);
    const audit = ctx.raw
      .prepare(`SELECT COUNT(*) AS n FROM audit_log WHERE summary LIKE '修改自查报告和整改情况报告的主送机关%'`)
      .get() as { n: number };
    expect(audit.n).toBe(2);
  });
});
