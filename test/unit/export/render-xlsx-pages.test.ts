// Every printed page of a table sheet is full: the 自查评分表, the 重点任务分解表 and the 信息发布登记 of the example
// year, and the 分解表 of a long plan, rendered by LibreOffice. A page other than the last ends short only when the next page's first row (or a section heading with its
// first row) would not have fitted in what is left; each page repeats the header; each row prints whole on one page;
// no heading row ends a page.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTaskTableXlsx } from '../../../main/export/plan/plan-exports';
import { areaServices } from '../../../main/areas';
import { loadDemo } from '../../../main/services/demo';
import { makeTempDir, openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { canRender, inkBands, linesOf, renderPages, type Word } from './render-helpers';
import { samplePlan } from './sample-plan';

if (!canRender) console.warn('未安装 LibreOffice（soffice）或 pdftotext，跳过打印版式测试。');

const MM_PER_PT = 25.4 / 72;
/** The sheets' top and bottom page margins (0.79 in), in mm. */
const MARGIN = 0.79 * 25.4;
/** A page may end shorter than this only when the next row would not have fitted. */
const FULL = 0.8;
/**
 * What a page plus the row that starts the next page must exceed for that row to count as not fitting: the sheets
 * print at 100 %, the scale their breaks are placed for, less a little the builder keeps for rounding (12 pt of 482);
 * a builder placing breaks for 100 % while the table is shrunk to 88 % leaves 12 % more.
 */
const NEXT_WOULD_NOT_FIT = 0.95;
const SEQ = /^\d+(\.\d+)*$/;
const PUNCT = /[\p{P}\s]/gu;

interface SheetFacts {
  headers: string[];
  /** Row number of each 序号, and each row's height in points and longest text. */
  seqRow: Map<string, number>;
  height: (row: number) => number;
  longest: (row: number) => string;
}

async function sheetFacts(buf: Buffer): Promise<SheetFacts> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buf as unknown as ArrayBuffer);
  const ws = wb.worksheets[0];
  let headerRow = 0;
  ws.eachRow((row, r) => {
    if (!headerRow && row.getCell(1).text === '序号') headerRow = r;
  });
  const headers: string[] = [];
  ws.getRow(headerRow).eachCell((c) => headers.push(c.text));
  const seqRow = new Map<string, number>();
  for (let r = headerRow + 1; r <= ws.rowCount; r++) {
    const t = ws.getRow(r).getCell(1).text.trim();
    if (SEQ.test(t)) seqRow.set(t, r);
  }
  return {
    headers,
    seqRow,
    height: (r) => ws.getRow(r).height ?? 15,
    longest: (r) => {
      let best = '';
      ws.getRow(r).eachCell((c) => {
        // Text as written (a date cell's text would be the Date's English form, not what prints).
        const v = c.value;
        const raw = typeof v === 'string' ? v : v && typeof v === 'object' && 'formula' in v ? String(v.result) : '';
        const t = raw.replace(/\s+/g, '');
        if (!c.isMerged && t.length > best.length) best = t;
      });
      return best;
    },
  };
}

/** How many times each character occurs in the texts, punctuation and spaces aside. */
function counts(texts: string[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const ch of texts.join('').replace(PUNCT, '')) m.set(ch, (m.get(ch) ?? 0) + 1);
  return m;
}

interface PageReport {
  fill: number;
  seqs: string[];
}

/** Checks a rendered sheet's pages and returns each page's fill (table bottom over the printable height). */
function checkPages(name: string, pdf: string, pages: Word[][], f: SheetFacts): PageReport[] {
  const out: PageReport[] = [];
  const centre = new Map<string, number>();
  pages.forEach((p, i) => {
    const height = p.some((w) => w.x2 > 211) ? 210 : 297;
    const body = p.filter((w) => w.y2 < height - 14);
    // The header, repeated: 序号 above the rows with every other column's characters beside it.
    const seqHead = body.filter((w) => w.text === '序号').sort((a, b) => a.y1 - b.y1)[0];
    expect(seqHead, `${name} 第${i + 1}页：表头`).toBeDefined();
    const band = body
      .filter((w) => w.y1 > seqHead.y1 - 8 && w.y2 < seqHead.y2 + 8)
      .map((w) => w.text)
      .join('');
    for (const h of f.headers) for (const ch of h) expect(band, `${name} 第${i + 1}页表头“${h}”`).toContain(ch);
    const seqs = body
      .filter((w) => SEQ.test(w.text) && w.y1 > seqHead.y2 && w.x1 > seqHead.x1 - 6 && w.x2 < seqHead.x2 + 6)
      .sort((a, b) => a.y1 - b.y1);
    for (const w of seqs) centre.set(w.text, (w.y1 + w.y2) / 2);
    // Whole rows: the characters of the longest text of every row the page shows (by its 序号) are all on the page,
    // as many times as those texts hold them (punctuation aside; wrapped lines interleave with the next column's).
    const onPage = counts(linesOf(body).map((l) => l.text));
    const needed = counts(seqs.map((w) => f.longest(f.seqRow.get(w.text)!)));
    for (const [ch, n] of needed)
      expect(onPage.get(ch) ?? 0, `${name} 第${i + 1}页：“${ch}”少了，有行被拆到下页`).toBeGreaterThanOrEqual(n);
    // The table's bottom border: the lowest ink above the footer.
    const ink = inkBands(pdf, i + 1).dark.filter((b) => b.bottom < height - 14);
    const bottom = Math.max(...ink.map((b) => b.bottom));
    out.push({ fill: (bottom - MARGIN) / (height - 2 * MARGIN), seqs: seqs.map((w) => w.text) });
  });
  // No heading row (an indicator whose sub-indicators follow, 2 above 2.1) ends a page.
  const order = [...f.seqRow.keys()];
  out.slice(0, -1).forEach((p, i) => {
    const last = p.seqs.at(-1)!;
    const next = order[order.indexOf(last) + 1];
    expect(next?.startsWith(`${last}.`) ?? false, `${name} 第${i + 1}页末行是标题行 ${last}`).toBe(false);
  });
  // Every row once.
  expect(out.flatMap((p) => p.seqs).sort(), name).toEqual([...f.seqRow.keys()].sort());
  // The printed scale, from consecutive rows on a page: their 序号 sit in the middle of their rows.
  const ratios: number[] = [];
  for (const [s, r] of f.seqRow) {
    const next = [...f.seqRow].find(([, r2]) => r2 === r + 1);
    const samePage = out.some((p) => p.seqs.includes(s) && next && p.seqs.includes(next[0]));
    if (next && samePage)
      ratios.push((centre.get(next[0])! - centre.get(s)!) / (((f.height(r) + f.height(r + 1)) / 2) * MM_PER_PT));
  }
  ratios.sort((a, b) => a - b);
  const scale = ratios[Math.floor(ratios.length / 2)];
  expect(scale, `${name}: 打印缩放`).toBeGreaterThan(0.5);
  // Full pages: a page before the last ends short only when what starts the next page would not have fitted.
  out.slice(0, -1).forEach((p, i) => {
    if (p.fill >= FULL) return;
    const last = Math.max(...p.seqs.map((s) => f.seqRow.get(s)!));
    // What starts the next page: its first row, with any section or heading rows above it that go along.
    let first = out[i + 1].seqs[0];
    while (order[order.indexOf(first) + 1]?.startsWith(`${first}.`)) first = order[order.indexOf(first) + 1];
    let points = 0;
    for (let r = last + 1; r <= f.seqRow.get(first)!; r++) points += f.height(r);
    const printable = (pages[i].some((w) => w.x2 > 211) ? 210 : 297) - 2 * MARGIN;
    const next = (points * MM_PER_PT * scale) / printable;
    expect
      .soft(
        p.fill + next,
        `${name} 第${i + 1}页只排满${Math.round(p.fill * 100)}%，下页首行（${Math.round(next * 100)}%）本可排下`,
      )
      .toBeGreaterThan(NEXT_WOULD_NOT_FIT);
  });
  return out;
}

describe.skipIf(!canRender)('printed pages of the table sheets are full (LibreOffice)', () => {
  let t: TestWorkstation;
  let dir: string;
  beforeAll(async () => {
    t = await openTestWorkstation({ year: 2026, now: () => new Date('2026-12-16T10:00:00') });
    await loadDemo(t.ws.context());
    dir = makeTempDir('zwgk-render-xlsx-');
  });
  afterAll(() => {
    t?.cleanup();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('自查评分表, 分解表 and 信息发布登记 of the example year, and a long 分解表: full pages, header, whole rows', async () => {
    const ctx = t.ws.context();
    const exporters = await areaServices.exporters();
    const files: Record<string, Buffer> = {};
    for (const kind of ['selfcheck-xlsx', 'tasks-xlsx', 'publications-xlsx'])
      files[`${kind}.xlsx`] = (await exporters[kind].build(ctx, { year: 2026 })).data;
    files['tasks-long.xlsx'] = await buildTaskTableXlsx(samplePlan(60));
    const pages = renderPages(dir, files);
    const report: string[] = [];
    for (const [name, buf] of Object.entries(files)) {
      expect(pages[name].length, name).toBeGreaterThan(1);
      const pdf = path.join(dir, name.replace(/\.xlsx$/, '.pdf'));
      const fills = checkPages(name, pdf, pages[name], await sheetFacts(buf));
      report.push(`${name}: ${fills.map((p) => Math.round(p.fill * 100)).join(' ')}`);
    }
    console.log(report.join('\n'));
  }, 300_000);
});
