// The 2026 年报 on the example data as the office head signs it: made in January 2027 (the year over, every figure
// counted for 2026 and the open applications' state said as of 31 December), and as a draft on 7 December 2026 (said
// as a draft in its title, its date and its wording, in Word and Excel). Figures counted here with plain SQL.
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { loadDemo } from '../../../main/services/demo';
import { formatChineseDate } from '../../../shared/domain/dates';
import { workstationsPerTest, type TestWorkstation } from '../../helpers/workstation';
import { readDocx } from '../export/read-docx';

const open = workstationsPerTest();
const Y = 2026;
const textOf = (xml: string) => [...xml.matchAll(/<w:t[^>]*>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('');

/** The example year loaded on 7 December 2026 (as `demo` makes it today); the clock then moves as the test sets. */
async function exampleYear(): Promise<{ t: TestWorkstation; setToday: (iso: string) => void }> {
  let now = new Date(`${Y}-12-07T10:00:00`);
  const t = await open({ year: Y, now: () => now });
  await loadDemo(t.ws.context());
  return { t, setToday: (iso) => (now = new Date(`${iso}T10:00:00`)) };
}

function count(t: TestWorkstation, sql: string, ...args: unknown[]): number {
  return (
    t.ws
      .context()
      .raw.prepare(sql)
      .get(...args) as { n: number }
  ).n;
}

async function exported(t: TestWorkstation) {
  await t.call('disclosure.export', { kind: 'annual-report-docx', year: Y });
  const docx = textOf((await readDocx(t.delivered.at(-1)!.data)).document);
  await t.call('disclosure.export', { kind: 'annual-report-xlsx', year: Y });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(t.delivered.at(-1)!.data as unknown as ArrayBuffer);
  const cells = wb.worksheets.map((ws) => {
    const out: string[] = [];
    ws.eachRow((r) => r.eachCell((c) => out.push(String(c.value ?? ''))));
    return out;
  });
  return { docx, wb, cells };
}

describe('the 2026 年报 made in January 2027', () => {
  it('counts 2026 exactly and says an application open past its due date on 31 December, though answered since', async () => {
    const { t, setToday } = await exampleYear();
    setToday(`${Y + 1}-01-12`);
    const open_ = (await t.call('disclosure.requests', { year: Y })).filter(
      (r) => !r.answeredDate && r.receivedDate.startsWith(String(Y)),
    );
    expect(open_.length).toBeGreaterThan(0);
    // Open on 31 December and past its due date then; answered in January, late.
    const overdueAtYearEnd = open_.filter((r) => r.deadline.dueDate! < `${Y}-12-31`);
    expect(overdueAtYearEnd.length).toBeGreaterThan(0);
    for (const r of overdueAtYearEnd) {
      const { id, deadline: _d, reviews: _r, steps, ...rest } = r;
      await t.call('disclosure.updateRequest', {
        ...rest,
        id,
        steps: steps.map(({ id: _i, ...s }) => s),
        answeredDate: `${Y + 1}-01-08`,
        result: '三.四.1',
      });
    }

    const from = `${Y}-01-01`;
    const to = `${Y}-12-31`;
    const received = count(t, 'SELECT count(*) AS n FROM request WHERE received_date BETWEEN ? AND ?', from, to);
    const carriedIn = count(
      t,
      'SELECT count(*) AS n FROM request WHERE received_date < ? AND (answered_date IS NULL OR answered_date >= ?)',
      from,
      from,
    );
    const answered = count(
      t,
      'SELECT count(*) AS n FROM request WHERE answered_date BETWEEN ? AND ? AND result IS NOT NULL',
      from,
      to,
    );
    const opened = count(
      t,
      "SELECT count(*) AS n FROM request WHERE answered_date BETWEEN ? AND ? AND result = '三.一'",
      from,
      to,
    );
    const carriedOut = count(
      t,
      'SELECT count(*) AS n FROM request WHERE received_date <= ? AND (answered_date IS NULL OR answered_date > ?)',
      to,
      to,
    );
    const published = count(t, 'SELECT count(*) AS n FROM publication WHERE published_date BETWEEN ? AND ?', from, to);
    expect(received + carriedIn).toBe(answered + carriedOut);

    const { docx, wb, cells } = await exported(t);
    expect(docx).toContain(`全年主动公开政府信息${published}条`);
    expect(docx).toContain(
      `新收政府信息公开申请${received}件，上年结转${carriedIn}件，办结${answered}件，其中予以公开${opened}件`,
    );
    expect(docx).toContain(`结转下年度继续办理${carriedOut}件`);
    // The application was overdue and unanswered on 31 December: not "按时限办理", and said as of that day.
    const n = overdueAtYearEnd.length;
    expect(docx).not.toContain('所有申请均按照');
    expect(docx).toContain(`${n}件截至${Y}年12月31日已超过答复期限尚未答复。`);
    expect(docx).toContain(`${n}件申请截至${Y}年12月31日已超过答复期限尚未答复`);
    // A 行政复议 and no 行政诉讼: the one is counted, the other said as none, never "行政诉讼0件".
    expect(count(t, "SELECT count(*) AS n FROM review WHERE kind LIKE '%复议%'")).toBeGreaterThan(0);
    expect(count(t, "SELECT count(*) AS n FROM review WHERE kind LIKE '%诉讼%'")).toBe(0);
    expect(docx).toMatch(/全年发生政府信息公开行政复议\d+件，未发生行政诉讼。/);
    expect(docx).not.toMatch(/行政诉讼0件/);
    // Nothing says the year is still running, claims what no record holds, or is dated as a draft.
    for (const s of ['今年以来', '尚在办理', '初稿', '本稿数据截至', '已督促']) expect(docx).not.toContain(s);
    const view = await t.call('disclosure.report', { year: Y });
    expect(view.reportDate > to).toBe(true);
    expect(docx).toContain(formatChineseDate(view.reportDate));
    expect(docx).not.toMatch(/\d{4}-\d{2}-\d{2}/);

    // The Excel: no draft mark, and table 三's 四 (总计 column) as counted.
    expect(cells.flat().join()).not.toContain('初稿');
    const t3 = wb.getWorksheet('表三 依申请公开')!;
    const carryRow = [...Array(t3.rowCount).keys()]
      .map((i) => t3.getRow(i + 1))
      .find((r) => String(r.getCell(1).value).startsWith('四、结转下年度继续办理'))!;
    expect(String(carryRow.getCell(1).value)).toBe('四、结转下年度继续办理');
    expect(carryRow.getCell(10).value).toBe(carriedOut);
  });
});

describe('the 2026 年报 exported on 7 December 2026', () => {
  it('is a draft in its title, its date and its words: 今年以来, never 全年, in Word and Excel', async () => {
    const { t } = await exampleYear();
    const today = `${Y}-12-07`;
    const published = count(
      t,
      'SELECT count(*) AS n FROM publication WHERE published_date BETWEEN ? AND ?',
      `${Y}-01-01`,
      today,
    );
    const pending = count(
      t,
      'SELECT count(*) AS n FROM request WHERE received_date <= ? AND answered_date IS NULL',
      today,
    );
    const { docx, cells } = await exported(t);
    expect(docx).toContain(`${Y}年政府信息公开工作年度报告（初稿）`);
    expect(docx).toContain(`本稿数据截至${Y}年12月7日`);
    expect(docx).toContain(`今年以来主动公开政府信息${published}条`);
    expect(docx).toContain(`截至${Y}年12月7日尚在办理${pending}件`);
    expect(docx).not.toContain('全年');
    expect(docx).not.toContain(`结转下年度继续办理${pending}件`);
    // Dated the day it was made, not with the 成文日期 of the report due in January.
    const view = await t.call('disclosure.report', { year: Y });
    expect(docx).toContain(`${Y}年12月7日`);
    expect(docx).not.toContain(formatChineseDate(view.reportDate));
    // Each of the three Excel sheets says it is a draft as of today.
    expect(cells).toHaveLength(3);
    for (const sheet of cells) expect(sheet.join()).toContain(`数据截至${Y}年12月7日，初稿`);
  });
});

describe('the 2026 年报 on 解读 published in time', () => {
  it('says 解读材料均在…内发布 only when every 解读 of the year names the document it interprets', async () => {
    const { t, setToday } = await exampleYear();
    setToday(`${Y + 1}-01-12`);
    const interpretations = () =>
      count(
        t,
        'SELECT count(*) AS n FROM publication WHERE interpretation = 1 AND published_date BETWEEN ? AND ?',
        `${Y}-01-01`,
        `${Y}-12-31`,
      );
    const unlinked = () =>
      count(
        t,
        'SELECT count(*) AS n FROM publication WHERE interpretation = 1 AND interprets_id IS NULL AND published_date BETWEEN ? AND ?',
        `${Y}-01-01`,
        `${Y}-12-31`,
      );
    // The example year: every 解读 linked to its document and published within the limit.
    expect(unlinked()).toBe(0);
    const before = (await exported(t)).docx;
    expect(before).toContain(`发布政策解读${interpretations()}篇，解读材料均在所解读文件公开后3个工作日内发布`);

    // A 解读 registered without the document it interprets: nothing shows it went out in time.
    const column = (await t.call('disclosure.columns')).find((c) => c.name === '政策解读')!;
    await t.call('disclosure.createPublication', {
      title: '一图读懂县级科技计划项目管理流程',
      publishedDate: `${Y}-12-15`,
      formedDate: `${Y}-12-14`,
      columnId: column.id,
      channel: '门户网站',
      interpretation: true,
      drafter: '赵敏',
      draftedDate: `${Y}-12-14`,
      reviewer: '钱进',
      reviewedDate: `${Y}-12-14`,
      approver: '李明',
      approvedDate: `${Y}-12-15`,
    });
    expect(unlinked()).toBe(1);
    const after = (await exported(t)).docx;
    expect(after).toContain(`发布政策解读${interpretations()}篇。`);
    expect(after).not.toContain('解读材料均在');
  });
});
