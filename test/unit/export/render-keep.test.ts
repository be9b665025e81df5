// Every Word export of the example year and of a small bureau's first year (test/helpers/sparse-year.ts, read in
// December and in January), rendered by LibreOffice and read page by page as the office head reads them before
// signing (GB/T 9704: nothing that belongs to what comes before or after stands alone at a page's edge):
// - the 落款 (署名 and 成文日期) never begins a page: some body text stands above it on its page;
// - no page ends with a heading (一、… （一）…) whose text is on the next page;
// - no page starts with only a table's last row and its note (注：…) when the table began on the page before and the
//   table with its note is shorter than a page: the two could have stood together. The first year's 总结 did that:
//   its 附件1 (a row per figure) ended with the last row and the note alone on the next page.
// Everything is counted from the rendered pages (pdftotext -bbox), nothing from the builders.
import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { areaServices } from '../../../main/areas';
import { loadDemo } from '../../../main/services/demo';
import type { Exporter } from '../../../main/services/exports';
import type { Workstation } from '../../../main/services/workstation';
import { openSparseYear, SPARSE_DECEMBER, SPARSE_JANUARY, SPARSE_YEAR } from '../../helpers/sparse-year';
import { makeTempDir, openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';
import { canRender, linesOf, renderPages, type Word } from './render-helpers';

if (!canRender) console.warn('未安装 LibreOffice（soffice）或 pdftotext，跳过 Word 导出分页测试。');

/** The type area's height: 225 mm (GB/T 9704 §5.2.1). */
const TYPE_HEIGHT = 225;
const CHINESE_DATE = /^\d{4}年\d{1,2}月\d{1,2}日$/;
const HEADING = /^(?:[一二三四五六七八九十]+、|（[一二三四五六七八九十]+）)/;

type Line = ReturnType<typeof linesOf>[number] & { bottom: number };

/**
 * A page's lines inside the type area, top to bottom, without the page number: under the type area on a portrait
 * page, turned on the left edge (left of the 35 mm margin) on a landscape one.
 */
function pageLines(page: Word[]): Line[] {
  const landscape = page.some((w) => w.x2 > 215);
  const inside = page.filter((w) => (landscape ? w.x1 > 30 : w.y2 < 262));
  return linesOf(inside).map((l) => ({ ...l, bottom: Math.max(...l.words.map((w) => w.y2)) }));
}

/** Every .docx the registry exports for a year, the per-record ones for each record they can be made for. */
async function buildAll(ws: Workstation, year: number, prefix: string): Promise<Record<string, Buffer>> {
  const ctx = ws.context();
  const ids = async (table: 'request' | 'training' | 'ab_change') =>
    (await ctx.db.selectFrom(table).select('id').orderBy('id').execute()).map((r) => r.id);
  const perRecord: Record<string, () => Promise<number[]>> = {
    request: () => ids('request'),
    signin: () => ids('training'),
    training: () => ids('training'),
    filing: () => ids('ab_change'),
    handover: () => ids('ab_change'),
  };
  const exporters: Record<string, Exporter> = await areaServices.exporters();
  const out: Record<string, Buffer> = {};
  for (const [kind, e] of Object.entries(exporters)) {
    if (!kind.endsWith('-docx')) continue;
    const records = perRecord[kind.split('-')[0]];
    for (const id of records ? await records() : [undefined]) {
      // A letter for a step the record did not take is refused, as on the screen.
      const built = await e.build(ctx, { year, id }).catch((err: unknown) => {
        if (id) return null;
        throw err;
      });
      if (built) out[`${prefix}-${kind}${id ? `-${id}` : ''}.docx`] = built.data;
    }
  }
  return out;
}

/** Pages whose first lines are a 署名 and its 成文日期 (nothing of the body above them on that page). */
function signatureAlone(pages: Line[][]): number[] {
  const alone: number[] = [];
  pages.forEach((lines, p) => {
    const i = lines.findIndex(
      (l, k) =>
        k > 0 &&
        CHINESE_DATE.test(l.text) &&
        l.words[0].x1 > 100 &&
        lines[k - 1].words[0].x1 > 90 &&
        l.y - lines[k - 1].y < 12,
    );
    if (i < 0) return;
    // Above the 署名: the body, or only the 附件说明 (which is no body text).
    const above = lines.slice(0, i - 1);
    const notes = above.findIndex((l) => l.text.startsWith('附件：'));
    if ((notes < 0 ? above : above.slice(0, notes)).length === 0) alone.push(p + 1);
  });
  return alone;
}

/**
 * Pages that end with a heading of the text (3号, not a table's row label such as 表三's （四）无法提供) whose text goes
 * on over the page: a heading line alone (一、主要做法), or the first line of a heading running into its paragraph. A
 * heading with its sentence ending on the line (（六）加分项。加分0分。) is whole.
 */
function headingAtFoot(pages: Line[][]): number[] {
  return pages.flatMap((lines, p) => {
    const last = lines.at(-1);
    const body = !!last && last.words[0].y2 - last.words[0].y1 > 6.5;
    return p < pages.length - 1 && body && HEADING.test(last.text) && !/[。；]$/.test(last.text) ? [p + 1] : [];
  });
}

/**
 * Pages that start (under the repeated header row) with a single row of a table and its note, the table having begun
 * on the page before, where the table and its note together are shorter than a page. A row is a line with a word
 * under the header's first column (the 序号); a note is a line starting 注：.
 */
function rowAndNoteAlone(pages: Line[][]): { page: number; height: number }[] {
  const found: { page: number; height: number }[] = [];
  for (let p = 1; p < pages.length; p++) {
    const lines = pages[p];
    const prev = pages[p - 1];
    const header = lines[0];
    if (!header) continue;
    const start = prev.findIndex((l) => l.text === header.text);
    if (start < 0) continue;
    const note = lines.findIndex((l) => l.text.startsWith('注：'));
    if (note < 0) continue;
    const col = header.words[0];
    // A row begins with its 序号, or is the 合计 (no 序号).
    const rowStart = (l: Line) =>
      l.words.some((w) => w.x1 >= col.x1 - 3 && w.x2 <= col.x2 + 8) || /^(?:合计|总计)/.test(l.text);
    const rows = lines.slice(1, note).filter(rowStart).length;
    if (rows !== 1) continue;
    // The table's height: its part on the page before, then this page's row and the note with its lines.
    let end = note;
    while (end + 1 < lines.length && lines[end + 1].y - lines[end].bottom < 6) end++;
    const before = prev.at(-1)!.bottom - prev[start].y;
    const here = lines[end].bottom - lines[1].y;
    if (before + here < TYPE_HEIGHT) found.push({ page: p + 1, height: Math.round(before + here) });
  }
  return found;
}

describe.skipIf(!canRender)('every Word export on paper: nothing that belongs elsewhere alone at a page edge', () => {
  const open: TestWorkstation[] = [];
  let dir: string;
  let rendered: Record<string, Line[][]>;
  beforeAll(async () => {
    dir = makeTempDir('zwgk-render-keep-');
    const demo = await openTestWorkstation({ year: 2026, now: () => new Date('2026-12-16T10:00:00') });
    open.push(demo);
    await loadDemo(demo.ws.context());
    const files = await buildAll(demo.ws, 2026, 'demo');
    for (const [name, day] of [
      ['sparse-dec', SPARSE_DECEMBER],
      ['sparse-jan', SPARSE_JANUARY],
    ] as const) {
      const t = await openSparseYear(day);
      open.push(t);
      Object.assign(files, await buildAll(t.ws, SPARSE_YEAR, name));
    }
    rendered = Object.fromEntries(
      Object.entries(renderPages(dir, files)).map(([name, pages]) => [name, pages.map(pageLines)]),
    );
  }, 300_000);
  afterAll(() => {
    for (const t of open) t.cleanup();
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('renders every kind of Word export for both years', async () => {
    const kinds = Object.keys(await areaServices.exporters()).filter((k) => k.endsWith('-docx'));
    for (const kind of kinds)
      expect(
        Object.keys(rendered).some((n) => n.startsWith(`demo-${kind}`)),
        kind,
      ).toBe(true);
    expect(Object.keys(rendered)).toContain('sparse-jan-summary-docx.docx');
    for (const [name, pages] of Object.entries(rendered)) expect(pages.length, name).toBeGreaterThan(0);
  });

  it('the first year’s 总结: each 附件 table stands with its note on the 附件’s page', () => {
    // (In December the 附件1 title takes two lines and the rows of figures 截至 that day run longer: more than a page
    // even set closer, so its last rows go over with the note; the general rule below covers it.)
    for (const name of ['sparse-jan-summary-docx.docx']) {
      const pages = rendered[name];
      const notes = pages.flatMap((lines, p) => lines.filter((l) => l.text.startsWith('注：')).map(() => p));
      expect(notes.length, name).toBeGreaterThan(0);
      for (const p of notes) {
        const lines = pages[p];
        const note = lines.findIndex((l) => l.text.startsWith('注：'));
        // The note's page holds the table's title too (附件N on its first line): the table did not break.
        expect(
          lines.slice(0, note).some((l) => /^附件\d*$/.test(l.text)),
          `${name} 第${p + 1}页：注不与表格同页`,
        ).toBe(true);
      }
    }
  });

  it('the 落款 never begins a page', () => {
    const signed = Object.entries(rendered).filter(([, pages]) =>
      pages.some((lines) => lines.some((l) => CHINESE_DATE.test(l.text) && l.words[0].x1 > 100)),
    );
    // The 总结, 年报, 自查报告, 整改报告, 实施方案, letters … are signed: the check looks at them all.
    expect(signed.length).toBeGreaterThan(20);
    for (const [name, pages] of signed) expect(signatureAlone(pages), `${name}：只有落款的页`).toEqual([]);
  });

  it('no page ends with a heading', () => {
    for (const [name, pages] of Object.entries(rendered))
      expect(headingAtFoot(pages), `${name}：以标题结束的页`).toEqual([]);
  });

  it('no page starts with only the last row and the note of a table that fits on a page', () => {
    for (const [name, pages] of Object.entries(rendered))
      expect(rowAndNoteAlone(pages), `${name}：只有表格末行和注的页`).toEqual([]);
  });
});
