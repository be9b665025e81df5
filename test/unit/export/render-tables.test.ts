// What a user prints shows every task once and whole: the plan (with its 附件), the 分解表 (.docx and .xlsx) and
// the 工作台账 rendered by LibreOffice, read back page by page (pdftotext -bbox). Also the page number's position on
// the plan's portrait pages: its 一字线 7 mm below the type area (262 mm), odd pages right, even pages left.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  buildLedgerXlsx,
  buildPlanDocx,
  buildTaskTableDocx,
  buildTaskTableXlsx,
} from '../../../main/export/plan/plan-exports';
import { makeTempDir } from '../../helpers/workstation';
import { canRender, linesOf, pageNumberDash, renderPages, type Word } from './render-helpers';
import { sampleLedger, samplePlan } from './sample-plan';

if (!canRender) console.warn('未安装 LibreOffice（soffice）或 pdftotext，跳过打印版式测试。');

const SECTION_ROW = /^[一二三四五六七八九十]+、/;

/** The 序号 of each page: numbers in the table's leftmost column. */
function seqsOf(page: Word[], left: number, bottom: number): number[] {
  return page
    .filter((w) => /^\d+$/.test(w.text) && w.x1 < left + 12 && w.x1 > left - 2 && w.y2 < bottom)
    .map((w) => Number(w.text));
}

/** The last line of a page's table (above the page number or footer). */
function lastTableLine(page: Word[], bottom: number): string {
  const lines = linesOf(page.filter((w) => w.y2 < bottom));
  return lines.at(-1)?.text ?? '';
}

describe.skipIf(!canRender)("printed pages of the plan's tables (LibreOffice)", () => {
  it('every task once and whole on every page; no section heading row ends a page; page numbers 7 mm below', async () => {
    const dir = makeTempDir('zwgk-render-tables-');
    try {
      const plan = samplePlan(40);
      const ledger = sampleLedger(40);
      const files = {
        'plan.docx': await buildPlanDocx({
          ...plan,
          issue: { head: true, sealed: false, note: '此件主动公开', imprintIssuer: '某县科学技术局办公室' },
        }),
        'tasks-table.docx': await buildTaskTableDocx(plan),
        'tasks-sheet.xlsx': await buildTaskTableXlsx(plan),
        'ledger.xlsx': await buildLedgerXlsx(ledger),
      };
      {
        const pages = renderPages(dir, files);
        const tasks = plan.sections.flatMap((s) => s.tasks);
        const all = tasks.map((t) => t.seq);

        // 实施方案: the portrait pages' page numbers; the landscape 附件's rows.
        const planPages = pages['plan.docx'];
        const portrait = planPages.filter((p) => p.every((w) => w.x2 < 211));
        expect(portrait.length).toBeGreaterThan(3);
        portrait.forEach((p, i) => {
          const dash = pageNumberDash(p)!;
          expect(dash.y, `第${i + 1}页页码`).toBeGreaterThan(268.3);
          expect(dash.y, `第${i + 1}页页码`).toBeLessThan(269.7);
        });
        const pageNo = (p: Word[]) => Number(p.find((w) => /^\d+$/.test(w.text) && w.y1 > 264)?.text ?? 0);
        for (const p of portrait) {
          const dash = pageNumberDash(p)!;
          if (pageNo(p) % 2) expect(dash.x, `第${pageNo(p)}页`).toBeGreaterThan(150);
          else expect(dash.x, `第${pageNo(p)}页`).toBeLessThan(45);
        }

        // The tables: each 序号 once across the pages, every row whole (its measures end on the same page), and
        // no page ending on a section heading row.
        const checkTable = (
          name: string,
          tablePages: Word[][],
          left: number,
          bottom: number,
          measuresOf: (seq: number) => string,
        ) => {
          const seen: number[] = [];
          tablePages.forEach((p, i) => {
            const seqs = seqsOf(p, left, bottom);
            seen.push(...seqs);
            // Whole rows: the endings of the measures on this page are exactly those of its 序号.
            const text = linesOf(p)
              .map((l) => l.text)
              .join('');
            const endings = new Map<string, number>();
            for (const s of seqs) {
              const e = measuresOf(s).slice(-2);
              endings.set(e, (endings.get(e) ?? 0) + 1);
            }
            for (const [e, n] of endings) expect(text.split(e).length - 1, `${name} 第${i + 1}页 “${e}”`).toBe(n);
            const last = lastTableLine(p, bottom);
            expect(SECTION_ROW.test(last), `${name} 第${i + 1}页末行：${last}`).toBe(false);
          });
          expect(
            [...seen].sort((a, b) => a - b),
            name,
          ).toEqual(all);
        };
        const measures = (seq: number) => tasks[seq - 1].measures;
        const attachment = planPages.filter((p) => p.some((w) => w.x2 > 211));
        checkTable('实施方案附件', attachment, 37, 190, measures);
        checkTable('分解表（Word）', pages['tasks-table.docx'], 37, 190, measures);
        const xlsxLeft = (ps: Word[][]) =>
          Math.min(...ps.flatMap((p) => p.filter((w) => /^\d+$/.test(w.text)).map((w) => w.x1))) - 1;
        checkTable('分解表（Excel）', pages['tasks-sheet.xlsx'], xlsxLeft(pages['tasks-sheet.xlsx']), 195, measures);

        // 工作台账: a task's block (one row per progress entry) stays on one page with its 序号.
        const ledgerPages = pages['ledger.xlsx'];
        const left = xlsxLeft(ledgerPages);
        const entries = new Map(ledger.tasks.map((t) => [t.seq, Math.max(1, t.entries.length)]));
        const seen: number[] = [];
        ledgerPages.forEach((p, i) => {
          const seqs = seqsOf(p, left, 195);
          seen.push(...seqs);
          const text = linesOf(p)
            .map((l) => l.text)
            .join('');
          const rows = text.split('次进展：').length - 1 + text.split('（期间无进展记录）').length - 1;
          expect(rows, `台账第${i + 1}页的进展行`).toBe(seqs.reduce((n, s) => n + entries.get(s)!, 0));
          expect(SECTION_ROW.test(lastTableLine(p, 195)), `台账第${i + 1}页末行`).toBe(false);
        });
        expect(seen.sort((a, b) => a - b)).toEqual(all);
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  }, 300_000);
});
