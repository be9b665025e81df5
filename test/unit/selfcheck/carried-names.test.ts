// The 整改台账 and 整改情况报告 of a year whose earlier-year items were 销号 during it and after it: they list every
// item not 销号 when the year began and name that set so (年初未销号的往年遗留问题), never 往年遗留未销号 — the name of the
// figure the 总结 and the home screen quote (rectification.carriedOpen: still not 销号 at the year's end). A 销号 in
// January of the next year is not 本年度已销号. Expected counts by plain SQL on the file.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { expect, it } from 'vitest';
import { workstationsPerTest } from '../../helpers/workstation';

const open = workstationsPerTest();
const Y = 2026;

async function docxParagraphs(buf: Buffer): Promise<string[]> {
  const xml = await (await JSZip.loadAsync(buf)).file('word/document.xml')!.async('string');
  return [...xml.matchAll(/<w:p[ >][\s\S]*?<\/w:p>/g)]
    .map((p) => [...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))
    .filter(Boolean);
}

async function xlsxRows(buf: Buffer): Promise<string[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const out: string[] = [];
  wb.worksheets[0].eachRow((r) => out.push(r.getCell(1).text));
  return out;
}

it('整改 documents name the items not 销号 at the year’s start as such, and count only the year’s own 销号', async () => {
  const t = await open({ year: Y, now: () => new Date(`${Y + 1}-01-20T10:00:00`) });
  const item = (year: number, problem: string, state: '整改中' | '已完成', completedOn: string | null = null) =>
    t.call('rectification.create', {
      year,
      source: '自查',
      origin: '政府信息公开指南',
      problem,
      measure: '更新并重新发布',
      kind: '限期整改',
      leader: '李副局长',
      deadline: `${year}-12-31`,
      state,
      completedOn,
    });
  const inYear = await item(Y - 1, '公开目录栏目设置不规范', '已完成', `${Y}-03-20`);
  await t.call('rectification.signOff', { id: inYear.id, closedOn: `${Y}-04-02`, closedBy: '李副局长' });
  const after = await item(Y - 1, '政策解读栏目更新不及时', '已完成', `${Y}-12-20`);
  await t.call('rectification.signOff', { id: after.id, closedOn: `${Y + 1}-01-10`, closedBy: '李副局长' });
  await item(Y - 1, '依申请公开指南未更新', '整改中');
  await item(Y, '部分栏目空白未发布情况说明', '整改中');

  const count = (sql: string, ...args: unknown[]) =>
    (
      t.ws
        .context()
        .raw.prepare(`SELECT COUNT(*) AS n FROM rectification WHERE ${sql}`)
        .get(...args) as { n: number }
    ).n;
  const atStart = count("year < ? AND (state <> '已销号' OR closed_on >= ?)", Y, `${Y}-01-01`);
  const closedInYear = count(
    "year < ? AND state = '已销号' AND closed_on BETWEEN ? AND ?",
    Y,
    `${Y}-01-01`,
    `${Y}-12-31`,
  );
  const closedAfter = count("year < ? AND state = '已销号' AND closed_on > ?", Y, `${Y}-12-31`);
  const openAtEnd = count("year < ? AND (state <> '已销号' OR closed_on > ?)", Y, `${Y}-12-31`);
  expect([atStart, closedInYear, closedAfter, openAtEnd]).toEqual([3, 1, 1, 2]);
  // The registry's 往年遗留未销号整改事项 counts the year's end, as the 总结 and the home screen quote it.
  const figures = await t.call('summary.figures', { year: Y, kind: '年度' });
  expect(figures.figures['rectification.carriedOpen'].value).toBe(openAtEnd);

  await t.call('selfcheck.export', { kind: 'rectification-docx', year: Y });
  const report = await docxParagraphs(t.delivered.at(-1)!.data);
  const intro = report.find((p) => p.startsWith('针对'))!;
  expect(intro).toContain(`另有年初未销号的往年遗留问题${atStart}个（${Y - 1}年度${atStart}个）`);
  expect(intro).toContain(`本年度已销号${closedInYear}个`);
  expect(intro).toContain(`年度结束后已销号${closedAfter}个`);
  expect(report).toContain(`二、年初未销号的往年遗留问题（${atStart}个）`);
  expect(report.join('\n')).not.toContain('往年遗留未销号');

  await t.call('selfcheck.export', { kind: 'rectification-xlsx', year: Y });
  const ledger = await xlsxRows(t.delivered.at(-1)!.data);
  expect(ledger[1]).toContain(`另有年初未销号的往年遗留问题${atStart}项（本年度已销号${closedInYear}项）`);
  expect(ledger).toContain(`二、年初未销号的往年遗留问题（${atStart}项）`);
  expect(ledger.join('\n')).not.toContain('往年遗留未销号');
});
