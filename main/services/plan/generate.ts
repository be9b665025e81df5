// "从上级要点生成": the chosen documents' work points become a draft plan. Responsible units named by the higher level
// (各级政府部门, 省科技厅 …) are mapped to the bureau's 科室 through a table the user confirms; the mapping is kept and
// offered again next year. Units that map to nothing stay on the task as unmapped and are listed, never dropped.
import { isForeignKeyError } from '../../db/errors';
import { deadlineFromPoint, type UnitMapping } from '../../../shared/domain/plan';
import type { WorkPoint } from '../../../shared/domain/points';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { listDepartments } from '../org/departments';
import { nowText, recordAudit } from '../audit';
import { listWorkPoints } from '../points/documents';
import type { AppContext } from '../workstation';
import { ensurePlan, getPlan } from './plans';
import { sectionTitleOf, taskItemsOf, taskTextOf } from './structure';

/** Every unit the documents' points name (lead and support), with how often. */
function unitsOf(points: readonly WorkPoint[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of points) for (const u of [...p.lead, ...p.support]) m.set(u, (m.get(u) ?? 0) + 1);
  return m;
}

/**
 * The mapping table for the chosen documents: saved choices first; otherwise a suggestion (a 科室 of the same name,
 * or 办公室 for units that are the bureau itself in the higher level's words), which the user confirms.
 */
export async function listUnitMappings(ctx: AppContext, documentIds: number[]): Promise<UnitMapping[]> {
  const points = await listWorkPoints(ctx, { documentIds });
  const units = unitsOf(points);
  const saved = new Map((await ctx.db.selectFrom('unit_mapping').selectAll().execute()).map((r) => [r.unit, r]));
  const depts = await listDepartments(ctx, false);
  const byName = new Map(depts.map((d) => [d.name, d]));
  const office = depts.find((d) => d.name === '办公室') ?? depts.find((d) => d.name.includes('办公室'));
  const suggest = (unit: string) => {
    const exact = byName.get(unit);
    if (exact) return exact;
    const inside = depts.find((d) => unit.endsWith(d.name) && d.name.length >= 2);
    if (inside) return inside;
    // The county bureau is one of "各级政府部门/各部门/各单位" and of the 科技 departments the higher level names.
    if (office && /各级政府部门|各部门|各单位|各级行政机关|科技(厅|局)|政务公开(工作)?主管部门/.test(unit)) return office;
    return null;
  };
  const allDepts = new Map((await listDepartments(ctx, true)).map((d) => [d.id, d.name]));
  return [...units.entries()].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN')).map(([unit, count]) => {
    const s = saved.get(unit);
    if (s) return { unit, count, departmentId: s.department_id, departmentName: s.department_id === null ? null : allDepts.get(s.department_id) ?? null, ignored: s.ignored === 1, saved: true };
    const d = suggest(unit);
    return { unit, count, departmentId: d?.id ?? null, departmentName: d?.name ?? null, ignored: false, saved: false };
  });
}

/** Remembers the user's choices (also for next year's plan). */
export async function saveUnitMappings(ctx: AppContext, mappings: { unit: string; departmentId: number | null; ignored: boolean }[]): Promise<void> {
  const now = nowText(ctx);
  await ctx.db.transaction().execute(async (trx) => {
    for (const m of mappings) {
      const values = { department_id: m.ignored ? null : m.departmentId, ignored: m.ignored ? 1 : 0, updated_at: now };
      await trx.insertInto('unit_mapping').values({ unit: m.unit, ...values }).onConflict((oc) => oc.column('unit').doUpdateSet(values)).execute();
    }
    await recordAudit(trx, ctx, { entity: 'unit_mapping', entityId: null, action: 'update', summary: `保存单位对应关系 ${mappings.length} 条` });
  }).catch((e) => {
    if (isForeignKeyError(e)) throw new AppError(ErrorCode.NOT_FOUND, '所选科室已不存在，请刷新后重新选择。');
    throw e;
  });
}

export interface GenerateResult {
  planId: number;
  sections: number;
  tasks: number;
  /** Units that map to no 科室 (kept on their tasks), with how many tasks name them. */
  unmappedUnits: { unit: string; tasks: number }[];
  /** Tasks whose points name no responsible unit at all. */
  tasksWithoutUnit: number;
}

/**
 * Builds the year's draft plan from the documents. A plan that already has tasks is replaced only when asked, and
 * never once progress has been recorded on it.
 */
export async function generatePlan(ctx: AppContext, input: { year: number; documentIds: number[]; replace?: boolean }): Promise<GenerateResult> {
  if (!input.documentIds.length) throw new AppError(ErrorCode.VALIDATION, '请至少选择一份上级文件。');
  const docs = await ctx.db.selectFrom('source_document').select(['id', 'title']).where('id', 'in', input.documentIds).execute();
  if (docs.length !== new Set(input.documentIds).size) throw new AppError(ErrorCode.NOT_FOUND, '所选的上级文件有的已被删除，请刷新后重新选择。');
  const existing = await getPlan(ctx, input.year);
  if (existing) {
    const taskCount = existing.sections.reduce((n, s) => n + s.taskCount, 0);
    if (taskCount > 0 && !input.replace) {
      throw new AppError(ErrorCode.CONFLICT, `${input.year}年实施方案已有 ${taskCount} 项任务。重新生成会替换这些任务，请确认后再试（命令行加 --replace）。`);
    }
    const progress = await ctx.db.selectFrom('plan_progress as p').innerJoin('plan_task as t', 't.id', 'p.task_id')
      .select((eb) => eb.fn.countAll<number>().as('n')).where('t.plan_id', '=', existing.id).executeTakeFirstOrThrow();
    if (Number(progress.n) > 0) {
      throw new AppError(ErrorCode.IN_USE, `${input.year}年实施方案的任务已有 ${progress.n} 条进展记录，不能整体重新生成。可以在方案中逐项增加或修改任务。`);
    }
  }
  // Keep the documents in the order the user chose.
  const order = new Map(input.documentIds.map((id, i) => [id, i]));
  const points = (await listWorkPoints(ctx, { documentIds: input.documentIds }))
    .sort((a, b) => (order.get(a.documentId)! - order.get(b.documentId)!) || a.seq - b.seq);
  const items = taskItemsOf(points);
  if (!items.length) throw new AppError(ErrorCode.NO_ITEMS, '所选文件中没有可生成任务的工作要点。请先在“上级要点”中检查导入结果。');

  const mappings = new Map((await ctx.db.selectFrom('unit_mapping').selectAll().execute()).map((r) => [r.unit, r]));
  const depts = new Map((await listDepartments(ctx, true)).map((d) => [d.name, d.id]));
  const resolve = (unit: string): { dept: number | null; unmapped: boolean } => {
    const m = mappings.get(unit);
    if (m) return m.ignored ? { dept: null, unmapped: false } : m.department_id === null ? { dept: null, unmapped: true } : { dept: m.department_id, unmapped: false };
    const d = depts.get(unit);
    return d === undefined ? { dept: null, unmapped: true } : { dept: d, unmapped: false };
  };
  const docTitle = new Map(docs.map((d) => [d.id, d.title]));

  const planId = await ensurePlan(ctx, input.year);
  const now = nowText(ctx);
  const unmappedCount = new Map<string, number>();
  let withoutUnit = 0;
  let sectionCount = 0;
  await ctx.db.transaction().execute(async (trx) => {
    await trx.deleteFrom('plan_task').where('plan_id', '=', planId).execute();
    await trx.deleteFrom('plan_section').where('plan_id', '=', planId).execute();
    await trx.deleteFrom('plan_source').where('plan_id', '=', planId).execute();
    await trx.insertInto('plan_source').values(input.documentIds.map((d) => ({ plan_id: planId, document_id: d }))).execute();
    const sectionIds = new Map<string, number>();
    let taskOrder = 0;
    for (const item of items) {
      const key = item.section ? `p${item.section.id}` : `d${item.point.documentId}`;
      let sectionId = sectionIds.get(key);
      if (sectionId === undefined) {
        const title = item.section ? sectionTitleOf(item.section) : (docTitle.get(item.point.documentId) ?? '重点任务');
        sectionId = (await trx.insertInto('plan_section').values({ plan_id: planId, title, sort_order: ++sectionCount }).returning('id').executeTakeFirstOrThrow()).id;
        sectionIds.set(key, sectionId);
      }
      const { title, measures } = taskTextOf(item);
      const p = item.point;
      const lead = new Set<number>(), support = new Set<number>(), unmapped: string[] = [];
      for (const [units, target] of [[p.lead, lead], [p.support, support]] as const) {
        for (const u of units) {
          const r = resolve(u);
          if (r.dept !== null) target.add(r.dept);
          else if (r.unmapped) {
            unmapped.push(u);
            unmappedCount.set(u, (unmappedCount.get(u) ?? 0) + 1);
          }
        }
      }
      for (const d of lead) support.delete(d);
      if (!p.lead.length && !p.support.length) withoutUnit++;
      const deadline = deadlineFromPoint(input.year, p.deadline, p.deadlineText);
      const t = await trx.insertInto('plan_task').values({
        plan_id: planId, section_id: sectionId, sort_order: ++taskOrder, title, measures,
        deadline_kind: deadline.kind, deadline_date: deadline.date, deadline_recurrence: deadline.recurrence, deadline_days: deadline.days,
        deadline_text: deadline.text, event_date: null, status: '未开始', status_reason: '', completed_on: null, owner_staff_id: null,
        unmapped_units_json: JSON.stringify(unmapped), created_at: now, updated_at: now,
      }).returning('id').executeTakeFirstOrThrow();
      const links = [...[...lead].map((d, i) => ({ task_id: t.id, department_id: d, role: 'lead' as const, sort_order: i })),
        ...[...support].map((d, i) => ({ task_id: t.id, department_id: d, role: 'support' as const, sort_order: i }))];
      if (links.length) await trx.insertInto('plan_task_department').values(links).execute();
      await trx.insertInto('plan_task_point').values([p, ...item.folded].map((x) => ({ task_id: t.id, work_point_id: x.id }))).execute();
    }
    await recordAudit(trx, ctx, { entity: 'plan', entityId: planId, action: 'create', summary: `从上级要点生成${input.year}年实施方案：${sectionCount} 个章节、${items.length} 项任务` });
  });
  return {
    planId, sections: sectionCount, tasks: items.length, tasksWithoutUnit: withoutUnit,
    unmappedUnits: [...unmappedCount.entries()].map(([unit, tasks]) => ({ unit, tasks })).sort((a, b) => b.tasks - a.tasks),
  };
}

/**
 * Applies the saved mapping to the plan's tasks after generation: units now mapped to a 科室 become its lead (or
 * supporting, when the higher level named them as 配合) 科室; units marked 不涉及 are dropped; the rest stay listed.
 */
export async function applyUnitMappings(ctx: AppContext, year: number): Promise<{ resolved: number; remaining: number }> {
  const plan = await getPlan(ctx, year);
  if (!plan) throw new AppError(ErrorCode.NOT_FOUND, `${year}年还没有实施方案。`);
  const mappings = new Map((await ctx.db.selectFrom('unit_mapping').selectAll().execute()).map((r) => [r.unit, r]));
  const tasks = await ctx.db.selectFrom('plan_task').select(['id', 'unmapped_units_json']).where('plan_id', '=', plan.id)
    .where('unmapped_units_json', '!=', '[]').execute();
  let resolved = 0, remaining = 0;
  await ctx.db.transaction().execute(async (trx) => {
    for (const t of tasks) {
      const units = JSON.parse(t.unmapped_units_json) as string[];
      const points = await trx.selectFrom('plan_task_point as tp').innerJoin('work_point as w', 'w.id', 'tp.work_point_id')
        .select('w.support_json').where('tp.task_id', '=', t.id).execute();
      const support = new Set(points.flatMap((p) => JSON.parse(p.support_json) as string[]));
      const links = await trx.selectFrom('plan_task_department').select(['department_id', 'role']).where('task_id', '=', t.id).execute();
      const keep: string[] = [];
      for (const u of units) {
        const m = mappings.get(u);
        if (m?.ignored) {
          resolved++;
          continue;
        }
        if (!m || m.department_id === null) {
          keep.push(u);
          continue;
        }
        resolved++;
        if (links.some((l) => l.department_id === m.department_id)) continue;
        const role = support.has(u) ? 'support' as const : 'lead' as const;
        await trx.insertInto('plan_task_department').values({ task_id: t.id, department_id: m.department_id, role, sort_order: links.length }).execute();
        links.push({ department_id: m.department_id, role });
      }
      remaining += keep.length;
      if (keep.length !== units.length) await trx.updateTable('plan_task').set({ unmapped_units_json: JSON.stringify(keep), updated_at: nowText(ctx) }).where('id', '=', t.id).execute();
    }
    await recordAudit(trx, ctx, { entity: 'plan', entityId: plan.id, action: 'update', summary: `按单位对应关系更新任务科室：解决 ${resolved} 处，尚余 ${remaining} 处未对应` });
  });
  return { resolved, remaining };
}
