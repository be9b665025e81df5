// Every export of the example year, built through the registry the command line's `export <kind>` runs, and read
// back: no ISO date anywhere in a .docx's text (running text and table cells print 2026年12月16日); in every .xlsx,
// 序号 are numbers and dates are Excel dates shown in 公文 form; and the 信息发布登记 and 依申请公开登记 the workstation
// exports are read back by its own importers with the same dates as the records.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readPublicationsXlsx } from '../../../main/import/disclosure/publications';
import { DATE_FORMAT } from '../../../main/export/xlsx/sheet';
import { readRequestsXlsx } from '../../../main/import/disclosure/requests';
import { loadDemo } from '../../../main/services/demo';
import type { Exporter } from '../../../main/services/exports';
import type { AppContext } from '../../../main/services/workstation';
import { openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { areaServices } from '../../../main/areas';

const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

/** The records an export is about, for the kinds that take --id. */
async function idsFor(ctx: AppContext, kind: string): Promise<number[] | null> {
  const ids = async (table: 'request' | 'training' | 'ab_change') =>
    (await ctx.db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);
  if (kind.startsWith('request-')) return ids('request');
  if (kind === 'signin-docx' || kind === 'training-docx') return ids('training');
  if (kind === 'filing-docx' || kind === 'handover-docx') return ids('ab_change');
  return null;
}

/** Every file an export kind makes of the example year: one, or one per record it can be made for. */
async function buildAll(ctx: AppContext, kind: string, e: Exporter): Promise<{ name: string; data: Buffer }[]> {
  const ids = await idsFor(ctx, kind);
  if (!ids) return [{ name: kind, data: (await e.build(ctx, { year: 2026 })).data }];
  const out: { name: string; data: Buffer }[] = [];
  for (const id of ids) {
    try {
      out.push({ name: `${kind} --id ${id}`, data: (await e.build(ctx, { year: 2026, id })).data });
    } catch {
      // A letter for a step the application does not have (no 补正, no 延期 …) is refused, as on the screen.
    }
  }
  return out;
}

/** The text of a .docx's parts a reader sees: body, headers and footers, run by run. */
async function docxText(buf: Buffer): Promise<string> {
  const zip = await JSZip.loadAsync(buf);
  const parts = Object.keys(zip.files).filter((n) => /^word\/(document|header\d+|footer\d+)\.xml$/.test(n));
  let text = '';
  for (const p of parts) {
    const xml = await zip.file(p)!.async('string');
    text += [...xml.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('') + '\n';
  }
  return text;
}

describe('the example year exported: dates and 序号', () => {
  let t: TestWorkstation;
  let exporters: Record<string, Exporter>;
  let ctx: AppContext;
  beforeAll(async () => {
    t = await openTestWorkstation({ year: 2026, now: () => new Date('2026-12-16T10:00:00') });
    await loadDemo(t.ws.context());
    ctx = t.ws.context();
    exporters = await areaServices.exporters();
  });
  afterAll(() => t?.cleanup());

  it('no .docx of any kind has an ISO date in its text', async () => {
    const kinds = Object.keys(exporters).filter((k) => k.endsWith('-docx'));
    expect(kinds.length).toBeGreaterThanOrEqual(17);
    for (const kind of kinds) {
      const files = await buildAll(ctx, kind, exporters[kind]);
      expect(files.length, `${kind}: 示例年度应能导出`).toBeGreaterThan(0);
      for (const f of files) {
        const text = await docxText(f.data);
        expect(text.length, f.name).toBeGreaterThan(50);
        expect(
          text.match(ISO_DATE)?.[0] ?? null,
          `${f.name}: ${text.slice(Math.max(0, text.search(ISO_DATE) - 20), text.search(ISO_DATE) + 20)}`,
        ).toBeNull();
      }
    }
    // The dates are there, in 公文 form: the 成文日期 of the 总结 and the 整改 dates of the 整改情况报告.
    const summary = await docxText((await exporters['summary-docx'].build(ctx, { year: 2026 })).data);
    expect(summary).toMatch(/\d{4}年\d{1,2}月\d{1,2}日/);
    const closed = await ctx.db
      .selectFrom('rectification')
      .select('closed_on')
      .where('closed_on', 'is not', null)
      .executeTakeFirstOrThrow();
    const [y, m, d] = closed.closed_on!.split('-').map(Number);
    const report = await docxText((await exporters['rectification-docx'].build(ctx, { year: 2026 })).data);
    expect(report).toContain(`${y}年${m}月${d}日`);
    // The indicator an item came from, as running text writes it (not the stored path "主动公开 / 公开时效与要素").
    expect(report).toContain('问题来源：自查（主动公开—公开时效与要素）。');
    expect(report).not.toMatch(/问题来源：[^。]* \/ /);
  }, 120_000);

  it('every .xlsx: 序号 are numbers, dates are Excel dates in 公文 form, no date is left as ISO text', async () => {
    const kinds = Object.keys(exporters).filter((k) => k.endsWith('-xlsx'));
    expect(kinds.length).toBeGreaterThanOrEqual(8);
    let dates = 0;
    let seqs = 0;
    for (const kind of kinds) {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load((await exporters[kind].build(ctx, { year: 2026 })).data as unknown as ArrayBuffer);
      wb.eachSheet((ws) => {
        // The header row: the first row holding a 序号 or 日期 heading; the annual report's tables have neither.
        let header = 0;
        for (let r = 1; r <= Math.min(ws.rowCount, 6) && !header; r++)
          ws.getRow(r).eachCell((c) => {
            if (/^(序号|.*日期)$/.test(String(c.value))) header = r;
          });
        const headers: string[] = [];
        if (header) ws.getRow(header).eachCell((c, col) => (headers[col] = String(c.value)));
        const seqCol = headers.indexOf('序号');
        const seqTexts: string[] = [];
        for (let r = 1; r <= ws.rowCount; r++) {
          const row = ws.getRow(r);
          // A section row is merged across: its first cell holds the name (一、…).
          const section = row.getCell(2).isMerged && row.getCell(2).master.address === row.getCell(1).address;
          row.eachCell((c, col) => {
            const where = `${kind} ${ws.name} ${c.address}`;
            if (typeof c.value === 'string') expect(c.value.match(ISO_DATE)?.[0] ?? null, where).toBeNull();
            if (r <= header || section || c.isMerged) return;
            const h = headers[col] ?? '';
            if (c.value instanceof Date) {
              expect(c.numFmt, where).toBe(DATE_FORMAT);
              dates++;
            }
            if (/日期$/.test(h) && c.value !== '') expect(c.value, `${where}（${h}）`).toBeInstanceOf(Date);
            // 时限/期限 hold a date or a word (长期坚持, 暂停计时, 9月底前), never a date written as text.
            if (/(时限|期限)$/.test(h) && typeof c.value === 'string')
              expect(c.value, `${where}（${h}）`).not.toMatch(/^\d{4}年\d{1,2}月\d{1,2}日$/);
            if (col === seqCol && row.getCell(1).value !== '合计') {
              if (typeof c.value === 'number') seqs++;
              else seqTexts.push(String(c.value));
            }
          });
        }
        // A 序号 column is numbers, or all text where it numbers a hierarchy (the 自查评分表's 1, 1.1, 1.2).
        if (seqTexts.length) {
          expect(
            seqTexts.some((s) => s.includes('.')),
            `${kind} ${ws.name} 序号 ${seqTexts.join(' ')}`,
          ).toBe(true);
          expect(seqTexts.every((s) => /^\d+(\.\d+)*$/.test(s))).toBe(true);
        }
      });
    }
    expect(dates).toBeGreaterThan(30);
    expect(seqs).toBeGreaterThan(50);
  }, 120_000);

  it('the two 信息公开 registers, exported and imported again, read the dates of the records', async () => {
    const pubs = await ctx.db
      .selectFrom('publication')
      .select(['title', 'published_date'])
      .where('published_date', '>=', '2026-01-01')
      .where('published_date', '<=', '2026-12-31')
      .execute();
    const exported = await readPublicationsXlsx(
      (await exporters['publications-xlsx'].build(ctx, { year: 2026 })).data,
      '信息发布登记.xlsx',
    );
    expect(exported.problems).toEqual([]);
    expect(exported.rows.map((r) => [r.title, r.publishedDate]).sort()).toEqual(
      pubs.map((p) => [p.title, p.published_date]).sort(),
    );

    const reqs = await ctx.db
      .selectFrom('request')
      .select(['applicant', 'content', 'received_date', 'answered_date'])
      .execute();
    const read = await readRequestsXlsx(
      (await exporters['requests-xlsx'].build(ctx, { year: 2026 })).data,
      '依申请公开登记.xlsx',
    );
    // No row is refused (rows still 办理中 included).
    expect(read.problems).toEqual([]);
    expect(read.rows.length).toBeGreaterThan(0);
    // Each row read is a record with the same dates (a repeated application has the same applicant and content).
    const left = reqs.map((q) => [q.applicant, q.content, q.received_date, q.answered_date].join('|'));
    for (const r of read.rows) {
      const key = [r.applicant, r.content, r.receivedDate, r.answeredDate].join('|');
      expect(left, key).toContain(key);
      left.splice(left.indexOf(key), 1);
    }
  }, 60_000);
});
