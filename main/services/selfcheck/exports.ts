// The documents of the 自查整改 area in the shared export registry (main/services/exports.ts): the screen's
// selfcheck.export and the command line's `export <name>` both run them through runExport().
import type { SELFCHECK_EXPORT_KINDS } from '../../../shared/ipc/contracts/selfcheck';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import {
  buildLedgerXlsx,
  buildRectificationReportDocx,
  buildScoreSheetXlsx,
  buildSelfcheckReportDocx,
  type ScoreSheetData,
} from '../../export/selfcheck/selfcheck-exports';
import { getBureau } from '../org/bureau';
import { todayOf } from '../../../shared/domain/dates';
import type { Exporter } from '../exporter';
import type { AppContext } from '../workstation';
import { gradeText } from '../../../shared/domain/selfcheck';
import { rectificationContradictions } from './contradictions';
import { carriedRectifications, listRectifications } from './rectification';
import { getReport, reportAddressee, unregisteredProblems } from './report';
import { getSelfcheck } from './scores';

async function bureauName(ctx: AppContext): Promise<string> {
  const b = await getBureau(ctx);
  if (!b) throw new AppError(ErrorCode.NOT_READY, '尚未设置单位信息，请先完成首次设置。');
  return b.fullName;
}

async function sheetData(ctx: AppContext, year: number): Promise<ScoreSheetData> {
  const v = await getSelfcheck(ctx, year);
  if (!v.template)
    throw new AppError(
      ErrorCode.NOT_READY,
      `${year}年还没有考核细则和自查评分。请先在“自查整改—自查评分”中导入细则或使用内置模板，并完成评分。`,
    );
  const rects = await listRectifications(ctx, { year });
  const measures = new Map<number, string>();
  for (const r of v.rows) {
    const m = r.entry.measure || rects.find((x) => x.indicatorId === r.id)?.measure || '';
    if (m) measures.set(r.id, m);
  }
  return {
    bureau: await bureauName(ctx),
    year,
    title: v.template.title,
    total: v.total,
    maxBase: v.maxBase,
    maxBonus: v.maxBonus,
    // Lost by the rated part: the 一级 deductions (bonus items lose nothing).
    deducted:
      Math.round(
        v.rows.filter((r) => r.level === 1 && r.rule.kind !== 'bonus').reduce((a, r) => a + r.deducted, 0) * 100,
      ) / 100,
    grade: gradeText(v),
    rated: v.scoredLeaves,
    leaves: v.leaves,
    vetoed: v.vetoed,
    vetoedBy: v.vetoedBy,
    rows: v.rows,
    measures,
  };
}

/** The year's 整改 items, earlier years' items it still accounts for, and what the records contradict (each item
 * read against the records of its own year). */
async function ledgerOf(ctx: AppContext, year: number) {
  const items = await listRectifications(ctx, { year });
  const carried = await carriedRectifications(ctx, year);
  const contradictions = await rectificationContradictions(ctx, year, items);
  for (const y of new Set(carried.map((r) => r.year)))
    for (const [id, c] of await rectificationContradictions(
      ctx,
      y,
      carried.filter((r) => r.year === y),
    ))
      contradictions.set(id, c);
  return { items, carried, contradictions, unregistered: await unregisteredProblems(ctx, year) };
}

export const selfcheckExporters: Record<(typeof SELFCHECK_EXPORT_KINDS)[number], Exporter> = {
  'selfcheck-xlsx': {
    label: '自查评分表（Excel，--year 年度）',
    async build(ctx, { year }) {
      return {
        fileName: `${year}年度政务公开自查评分表.xlsx`,
        data: await buildScoreSheetXlsx(await sheetData(ctx, year)),
      };
    },
  },
  'selfcheck-docx': {
    label: '自查报告（公文格式 Word，--year 年度）',
    async build(ctx, { year }) {
      const sheet = await sheetData(ctx, year);
      const { sections } = await getReport(ctx, year);
      return {
        fileName: `${year}年度政务公开工作自查报告.docx`,
        data: await buildSelfcheckReportDocx({
          bureau: sheet.bureau,
          addressee: await reportAddressee(ctx),
          year,
          date: todayOf(ctx),
          sections,
          sheet,
        }),
      };
    },
  },
  'rectification-xlsx': {
    label: '整改台账（Excel，--year 年度）',
    async build(ctx, { year }) {
      const { items, carried, contradictions } = await ledgerOf(ctx, year);
      return {
        fileName: `${year}年度政务公开问题整改台账.xlsx`,
        data: await buildLedgerXlsx({
          bureau: await bureauName(ctx),
          year,
          date: todayOf(ctx),
          items,
          carried,
          contradictions,
        }),
      };
    },
  },
  'rectification-docx': {
    label: '整改情况报告（公文格式 Word，--year 年度）',
    async build(ctx, { year }) {
      const { items, carried, contradictions, unregistered } = await ledgerOf(ctx, year);
      return {
        fileName: `${year}年度政务公开问题整改情况报告.docx`,
        data: await buildRectificationReportDocx({
          bureau: await bureauName(ctx),
          addressee: await reportAddressee(ctx),
          year,
          date: todayOf(ctx),
          items,
          carried,
          contradictions,
          unregistered,
        }),
      };
    },
  },
};
