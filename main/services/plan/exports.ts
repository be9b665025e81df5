// The plan's exports: gathers the year's plan into plain data for the builders in main/export/plan.
import { PLAN_EXPORT_NAMES, taskStatusText, type PlanExportKind, type PlanTask } from '../../../shared/domain/plan';
import { formatChineseDate } from '../../export/gongwen/format';
import {
  buildLedgerXlsx,
  buildPlanDocx,
  buildTaskTableDocx,
  buildTaskTableXlsx,
  type LedgerExportData,
  type PlanExportData,
  type TaskExportRow,
} from '../../export/plan/plan-exports';
import { todayOf } from '../../../shared/domain/dates';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { getBureau } from '../org/bureau';
import type { Exporter } from '../exporter';
import type { AppContext } from '../workstation';
import { requirePlan } from './plans';
import { listPlanTasks, listProgress } from './tasks';

function exportRow(t: PlanTask, carried: Map<number, number>): TaskExportRow {
  const names = (xs: { name: string }[]) => xs.map((x) => x.name).join('、');
  return {
    seq: t.seq,
    title: t.title,
    measures: t.measures,
    points: t.points.map((p) => p.label).join('、'),
    // Only the bureau's 科室: a unit of the higher level not yet mapped is flagged on the screen, never printed as 牵头科室.
    lead: names(t.lead),
    support: names(t.support),
    owner: t.owner?.name ?? '',
    deadline: t.deadlineLabel,
    progress: t.latestProgress,
    status: taskStatusText(t, carried.get(t.id)),
  };
}

/** The tasks 回头看 carried into a later year's plan (lookback_note.carried_task_id): task id → that plan's year. */
async function carriedIntoYears(ctx: AppContext, tasks: PlanTask[]): Promise<Map<number, number>> {
  if (!tasks.length) return new Map();
  const rows = await ctx.db
    .selectFrom('lookback_note as n')
    .innerJoin('plan_task as t', 't.id', 'n.carried_task_id')
    .innerJoin('plan as p', 'p.id', 't.plan_id')
    .select(['n.task_id', 'p.year'])
    .where(
      'n.task_id',
      'in',
      tasks.map((t) => t.id),
    )
    .execute();
  return new Map(rows.map((r) => [r.task_id, r.year]));
}

async function planExportData(ctx: AppContext, year: number): Promise<PlanExportData> {
  const plan = await requirePlan(ctx, year);
  const bureau = await getBureau(ctx);
  const tasks = await listPlanTasks(ctx, plan.id);
  if (!tasks.length)
    throw new AppError(ErrorCode.NO_ITEMS, `${year}年实施方案还没有任务，无法导出。请先生成或添加任务。`);
  const carried = await carriedIntoYears(ctx, tasks);
  return {
    year,
    title: plan.title,
    docNumber: plan.docNumber,
    docDate: plan.docDate,
    intro: plan.intro,
    closing: plan.closing,
    signatureOrg: plan.signatureOrg,
    bureau: bureau?.fullName ?? '',
    filedOn: todayOf(ctx),
    issue: plan.issue,
    sections: plan.sections
      .map((s) => ({
        title: s.title,
        tasks: tasks.filter((t) => t.sectionId === s.id).map((t) => exportRow(t, carried)),
      }))
      .filter((s) => s.tasks.length),
  };
}

async function ledgerExportData(ctx: AppContext, year: number, from?: string, to?: string): Promise<LedgerExportData> {
  const plan = await requirePlan(ctx, year);
  const tasks = await listPlanTasks(ctx, plan.id);
  const start = from ?? `${year}-01-01`;
  const end = to ?? `${year}-12-31`;
  if (start > end) throw new AppError(ErrorCode.VALIDATION, '起始日期不能晚于结束日期。');
  const bureau = await getBureau(ctx);
  const carried = await carriedIntoYears(ctx, tasks);
  const out: LedgerExportData['tasks'] = [];
  for (const t of tasks) {
    const entries = (await listProgress(ctx, t.id)).filter((e) => e.date >= start && e.date <= end).reverse();
    out.push({
      ...exportRow(t, carried),
      section: t.sectionTitle,
      entries: entries.map((e) => ({
        date: e.date,
        text: e.text,
        percent: e.percent,
        evidence: e.evidence.map((v) => (v.link ? `${v.title}（${v.link}）` : v.title)),
      })),
    });
  }
  return {
    year,
    title: `${year}年${bureau?.fullName ?? ''}政务公开工作台账`,
    bureau: bureau?.fullName ?? '',
    filedOn: todayOf(ctx),
    tasks: out,
    rangeLabel: `${formatChineseDate(start)}至${formatChineseDate(end)}`,
  };
}

function rangeSuffix(from?: string, to?: string): string {
  return from || to ? `（${(from ?? '').replaceAll('-', '')}-${(to ?? '').replaceAll('-', '')}）` : '';
}

/** An export built from the plan's data by one builder: the 实施方案 and the two 分解表. */
function fromPlan(
  kind: Exclude<PlanExportKind, 'ledger-xlsx'>,
  label: string,
  build: (plan: PlanExportData) => Promise<Buffer>,
): Exporter {
  return {
    label,
    build: async (ctx, a) => ({
      fileName: PLAN_EXPORT_NAMES[kind](a.year),
      data: await build(await planExportData(ctx, a.year)),
    }),
  };
}

export const planExporters: Record<PlanExportKind, Exporter> = {
  'plan-docx': fromPlan('plan-docx', '实施方案（Word）', buildPlanDocx),
  'tasks-xlsx': fromPlan('tasks-xlsx', '重点任务分解表（Excel）', buildTaskTableXlsx),
  'tasks-docx': fromPlan('tasks-docx', '重点任务分解表（Word）', buildTaskTableDocx),
  'ledger-xlsx': {
    label: '工作台账（Excel）',
    async build(ctx, a) {
      const name = PLAN_EXPORT_NAMES['ledger-xlsx'](a.year).replace('.xlsx', `${rangeSuffix(a.from, a.to)}.xlsx`);
      return { fileName: name, data: await buildLedgerXlsx(await ledgerExportData(ctx, a.year, a.from, a.to)) };
    },
  },
};
