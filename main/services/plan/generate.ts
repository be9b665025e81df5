// "从上级要点生成": the chosen documents' work points become a draft plan. Responsible units named by the higher level
// (各级政府部门, 政策法规处 …) are mapped to the bureau's 科室 through a table the user confirms; the mapping is kept and
// offered again next year. Units marked 不涉及 (other levels, other bodies) are dropped; units not yet decided stay on
// the task as unmapped and are listed. A unit of the higher level never prints as the bureau's 牵头科室.
import type { Transaction } from 'kysely';
import { isForeignKeyError } from '../../db/errors';
import { deadlineFromPoint, type UnitMapping } from '../../../shared/domain/plan';
import type { WorkPoint } from '../../../shared/domain/points';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { listDepartments } from '../org/departments';
import { nowText, recordAudit } from '../audit';
import type { Database } from '../../db/schema';
import { getBureau } from '../org/bureau';
import { listDocumentRefs, listWorkPoints, workPointsByIds } from '../points/documents';
import type { AppContext } from '../workstation';
import { getPlan, insertPlan, introCiting, introWithCitations, isGeneratedIntro } from './plans';
import { sectionTitleOf, taskItemsOf, taskTextOf } from './structure';
import { isAllDepartments, suggestMapping, type DepartmentRef } from './units';

/** Every unit the documents' points name (lead and support), with how often. */
function unitsOf(points: readonly WorkPoint[]): Map<string, number> {
  const m = new Map<string, number>();
  for (const p of points) for (const u of [...p.lead, ...p.support]) m.set(u, (m.get(u) ?? 0) + 1);
  return m;
}

/** A mapping the user confirmed in the dialog (sent with the action that uses it). */
interface MappingChoice {
  unit: string;
  departmentId: number | null;
  ignored: boolean;
  /** 全部科室: the unit stands for every active 科室 (各处室, 各有关科室 …). */
  allDepartments?: boolean;
}

type SavedMapping = { department_id: number | null; ignored: number; all_departments: number };

/**
 * A choice as the table holds it: exactly one of a 科室, 不涉及, 全部科室, or none of them (未对应: the user has seen
 * the unit and left it open).
 */
function toSaved(m: MappingChoice): SavedMapping {
  const ignored = m.ignored;
  const department = ignored ? null : m.departmentId;
  return {
    department_id: department,
    ignored: ignored ? 1 : 0,
    all_departments: !ignored && department === null && m.allDepartments ? 1 : 0,
  };
}

/** What a unit becomes in the bureau's plan: these 科室, dropped (不涉及), or kept on the task as unmapped. */
type Resolved = { depts: number[]; unmapped: boolean };

/**
 * The resolver for one action: the user's choices sent with it first, then the saved ones, then the suggestion by
 * the name's stem (units.ts), where "各科室" is every active 科室. 全部科室 is a choice the user can make (and undo)
 * for any unit.
 */
function resolver(choices: Map<string, SavedMapping>, active: readonly DepartmentRef[]): (unit: string) => Resolved {
  return (unit) => {
    const m = choices.get(unit);
    if (m?.ignored) return { depts: [], unmapped: false };
    if (m && m.department_id !== null) return { depts: [m.department_id], unmapped: false };
    if (m?.all_departments) return { depts: active.map((d) => d.id), unmapped: false };
    // A saved "未对应" stays unmapped: the user has seen the unit and left it open.
    if (m) return { depts: [], unmapped: true };
    const s = suggestMapping(unit, active);
    if (s.kind === 'all') return { depts: active.map((d) => d.id), unmapped: false };
    if (s.kind === 'department') return { depts: [s.department.id], unmapped: false };
    if (s.kind === 'ignore') return { depts: [], unmapped: false };
    return { depts: [], unmapped: true };
  };
}

async function savedMappings(ctx: AppContext | { db: Transaction<Database> }): Promise<Map<string, SavedMapping>> {
  return new Map((await ctx.db.selectFrom('unit_mapping').selectAll().execute()).map((r) => [r.unit, r]));
}

/**
 * The mapping table for the chosen documents: saved choices first; otherwise a suggestion by the name's stem, the
 * office for units that are the bureau among many, every 科室 for "各科室", 不涉及 for other bodies and levels.
 */
export async function listUnitMappings(ctx: AppContext, documentIds: number[]): Promise<UnitMapping[]> {
  const points = await listWorkPoints(ctx, { documentIds });
  const units = unitsOf(points);
  const saved = await savedMappings(ctx);
  const depts = await listDepartments(ctx, false);
  const allDepts = new Map((await listDepartments(ctx, true)).map((d) => [d.id, d.name]));
  return [...units.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0], 'zh-CN'))
    .map(([unit, count]) => {
      const s = saved.get(unit);
      if (s) {
        const departmentName = s.department_id === null ? null : (allDepts.get(s.department_id) ?? null);
        return {
          unit,
          count,
          departmentId: s.department_id,
          departmentName,
          ignored: s.ignored === 1,
          saved: true,
          allDepartments: s.all_departments === 1,
        };
      }
      const g = suggestMapping(unit, depts);
      const d = g.kind === 'department' ? g.department : null;
      return {
        unit,
        count,
        departmentId: d?.id ?? null,
        departmentName: d?.name ?? null,
        ignored: g.kind === 'ignore',
        saved: false,
        allDepartments: g.kind === 'all',
      };
    });
}

/** Writes the user's choices inside the action's transaction (remembered for next year's plan). */
async function storeMappings(
  trx: Transaction<Database>,
  ctx: AppContext,
  mappings: readonly MappingChoice[],
): Promise<void> {
  const now = nowText(ctx);
  for (const m of mappings) {
    const values = { ...toSaved(m), updated_at: now };
    await trx
      .insertInto('unit_mapping')
      .values({ unit: m.unit, ...values })
      .onConflict((oc) => oc.column('unit').doUpdateSet(values))
      .execute();
  }
}

function foreignKeyToChinese(e: unknown): never {
  if (isForeignKeyError(e)) throw new AppError(ErrorCode.NOT_FOUND, '所选科室已不存在，请刷新后重新选择。');
  throw e;
}

/** Remembers the user's choices (also for next year's plan). */
export async function saveUnitMappings(ctx: AppContext, mappings: MappingChoice[]): Promise<void> {
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      await storeMappings(trx, ctx, mappings);
      await recordAudit(trx, ctx, {
        entity: 'unit_mapping',
        entityId: null,
        action: 'update',
        summary: `保存单位对应关系 ${mappings.length} 条`,
      });
    })
    .catch(foreignKeyToChinese);
}

interface GenerateResult {
  planId: number;
  sections: number;
  tasks: number;
  /** Units that map to no 科室 (kept on their tasks), with how many tasks name them. */
  unmappedUnits: { unit: string; tasks: number }[];
  /** Tasks whose points name no responsible unit at all. */
  tasksWithoutUnit: number;
  /** Tasks left without a 牵头科室 (flagged on the plan screen). */
  tasksWithoutLead: number;
}

/**
 * Builds the year's draft plan from the documents, with the user's unit mapping, in ONE transaction: the mapping is
 * remembered, the plan created (or its tasks replaced), sections and tasks written; a failure anywhere leaves
 * nothing behind. A plan that already has tasks is replaced only when asked, and never once progress is recorded.
 */
export async function generatePlan(
  ctx: AppContext,
  input: { year: number; documentIds: number[]; replace?: boolean; mappings?: MappingChoice[] },
): Promise<GenerateResult> {
  if (!input.documentIds.length) throw new AppError(ErrorCode.VALIDATION, '请至少选择一份上级文件。');
  const docs = await listDocumentRefs(ctx, { ids: input.documentIds });
  if (docs.length !== new Set(input.documentIds).size)
    throw new AppError(ErrorCode.NOT_FOUND, '所选的上级文件有的已被删除，请刷新后重新选择。');
  const existing = await getPlan(ctx, input.year);
  if (existing) {
    const taskCount = existing.sections.reduce((n, s) => n + s.taskCount, 0);
    if (taskCount > 0 && !input.replace) {
      throw new AppError(
        ErrorCode.CONFLICT,
        `${input.year}年实施方案已有 ${taskCount} 项任务。重新生成会替换这些任务，请确认后再试（命令行加 --replace）。`,
      );
    }
    const progress = await ctx.db
      .selectFrom('plan_progress as p')
      .innerJoin('plan_task as t', 't.id', 'p.task_id')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('t.plan_id', '=', existing.id)
      .executeTakeFirstOrThrow();
    if (Number(progress.n) > 0) {
      throw new AppError(
        ErrorCode.IN_USE,
        `${input.year}年实施方案的任务已有 ${progress.n} 条进展记录，不能整体重新生成。可以在方案中逐项增加或修改任务。`,
      );
    }
  }
  // Keep the documents in the order the user chose.
  const order = new Map(input.documentIds.map((id, i) => [id, i]));
  const points = (await listWorkPoints(ctx, { documentIds: input.documentIds })).sort(
    (a, b) => order.get(a.documentId)! - order.get(b.documentId)! || a.seq - b.seq,
  );
  const items = taskItemsOf(points);
  if (!items.length)
    throw new AppError(ErrorCode.NO_ITEMS, '所选文件中没有可生成任务的工作要点。请先在“上级要点”中检查导入结果。');

  const choices = await savedMappings(ctx);
  for (const m of input.mappings ?? []) choices.set(m.unit, toSaved(m));
  const resolve = resolver(choices, await listDepartments(ctx, false));
  const docTitle = new Map(docs.map((d) => [d.id, d.title]));
  const bureau = await getBureau(ctx);
  const now = nowText(ctx);
  const unmappedCount = new Map<string, number>();
  let withoutUnit = 0;
  let withoutLead = 0;
  let sectionCount = 0;

  const planId = await ctx.db
    .transaction()
    .execute(async (trx) => {
      if (input.mappings?.length) await storeMappings(trx, ctx, input.mappings);
      const planId = existing?.id ?? (await insertPlan(trx, ctx, input.year, bureau));
      // The opening cites the documents the plan answers: the program's own paragraph is rewritten, the user's keeps
      // its words with only its opening clause (为深入贯彻落实《…》精神，/ 为贯彻落实上级政务公开工作部署，) replaced.
      const intro = existing ? existing.intro : '';
      const cited = isGeneratedIntro(intro, input.year)
        ? introCiting(input.year, docs)
        : (introWithCitations(intro, docs) ?? intro);
      if (cited !== intro) {
        await trx.updateTable('plan').set({ intro: cited, updated_at: now }).where('id', '=', planId).execute();
      }
      await trx.deleteFrom('plan_task').where('plan_id', '=', planId).execute();
      await trx.deleteFrom('plan_section').where('plan_id', '=', planId).execute();
      await trx.deleteFrom('plan_source').where('plan_id', '=', planId).execute();
      await trx
        .insertInto('plan_source')
        .values(input.documentIds.map((d) => ({ plan_id: planId, document_id: d })))
        .execute();
      const sectionIds = new Map<string, number>();
      let taskOrder = 0;
      for (const item of items) {
        const key = item.section ? `p${item.section.id}` : `d${item.point.documentId}`;
        let sectionId = sectionIds.get(key);
        if (sectionId === undefined) {
          const title = item.section
            ? sectionTitleOf(item.section)
            : (docTitle.get(item.point.documentId) ?? '重点任务');
          sectionId = (
            await trx
              .insertInto('plan_section')
              .values({ plan_id: planId, title, sort_order: ++sectionCount })
              .returning('id')
              .executeTakeFirstOrThrow()
          ).id;
          sectionIds.set(key, sectionId);
        }
        const { title, measures } = taskTextOf(item);
        const p = item.point;
        const lead = new Set<number>(),
          support = new Set<number>(),
          unmapped: string[] = [];
        for (const [units, target] of [
          [p.lead, lead],
          [p.support, support],
        ] as const) {
          for (const u of units) {
            const r = resolve(u);
            for (const d of r.depts) target.add(d);
            if (r.unmapped) {
              unmapped.push(u);
              unmappedCount.set(u, (unmappedCount.get(u) ?? 0) + 1);
            }
          }
        }
        for (const d of lead) support.delete(d);
        if (!p.lead.length && !p.support.length) withoutUnit++;
        if (!lead.size) withoutLead++;
        const deadline = deadlineFromPoint(input.year, p.deadline, p.deadlineText);
        const t = await trx
          .insertInto('plan_task')
          .values({
            plan_id: planId,
            section_id: sectionId,
            sort_order: ++taskOrder,
            title,
            measures,
            deadline_kind: deadline.kind,
            deadline_date: deadline.date,
            deadline_recurrence: deadline.recurrence,
            deadline_days: deadline.days,
            deadline_text: deadline.text,
            event_date: null,
            status: '未开始',
            status_reason: '',
            completed_on: null,
            owner_staff_id: null,
            unmapped_units_json: JSON.stringify(unmapped),
            created_at: now,
            updated_at: now,
          })
          .returning('id')
          .executeTakeFirstOrThrow();
        const links = [
          ...[...lead].map((d, i) => ({ task_id: t.id, department_id: d, role: 'lead' as const, sort_order: i })),
          ...[...support].map((d, i) => ({ task_id: t.id, department_id: d, role: 'support' as const, sort_order: i })),
        ];
        if (links.length) await trx.insertInto('plan_task_department').values(links).execute();
        await trx
          .insertInto('plan_task_point')
          .values([p, ...item.folded].map((x) => ({ task_id: t.id, work_point_id: x.id })))
          .execute();
      }
      await recordAudit(trx, ctx, {
        entity: 'plan',
        entityId: planId,
        action: existing ? 'update' : 'create',
        summary: `从上级要点生成${input.year}年实施方案：${sectionCount} 个章节、${items.length} 项任务${input.mappings?.length ? `；保存单位对应关系 ${input.mappings.length} 条` : ''}`,
      });
      return planId;
    })
    .catch(foreignKeyToChinese);
  return {
    planId,
    sections: sectionCount,
    tasks: items.length,
    tasksWithoutUnit: withoutUnit,
    tasksWithoutLead: withoutLead,
    unmappedUnits: [...unmappedCount.entries()]
      .map(([unit, tasks]) => ({ unit, tasks }))
      .sort((a, b) => b.tasks - a.tasks),
  };
}

/**
 * 单位对应 after generation, in one transaction: the user's choices are remembered and applied to the plan's tasks
 * (units now mapped to a 科室 become its lead, or 配合 when the higher level named them as supporting; units marked
 * 不涉及 are dropped; the rest stay listed). A failure leaves neither the mapping nor the tasks changed.
 */
export async function applyUnitMappings(
  ctx: AppContext,
  year: number,
  mappings: MappingChoice[] = [],
): Promise<{ resolved: number; remaining: number }> {
  const plan = await getPlan(ctx, year);
  if (!plan) throw new AppError(ErrorCode.NOT_FOUND, `${year}年还没有实施方案。`);
  const choices = await savedMappings(ctx);
  for (const m of mappings) choices.set(m.unit, toSaved(m));
  const active = await listDepartments(ctx, false);
  // Every task of the plan: a unit dropped as 不涉及 when generating can be mapped to a 科室 now.
  const tasks = await ctx.db
    .selectFrom('plan_task')
    .select(['id', 'unmapped_units_json'])
    .where('plan_id', '=', plan.id)
    .execute();
  let resolved = 0,
    remaining = 0;
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      await storeMappings(trx, ctx, mappings);
      for (const t of tasks) {
        const unmapped = JSON.parse(t.unmapped_units_json) as string[];
        const pointIds = (
          await trx.selectFrom('plan_task_point').select('work_point_id').where('task_id', '=', t.id).execute()
        ).map((r) => r.work_point_id);
        const points = await workPointsByIds({ db: trx }, pointIds);
        const leadUnits = new Set(points.flatMap((p) => p.lead));
        const named = [...new Set([...points.flatMap((p) => [...p.lead, ...p.support]), ...unmapped])];
        const links = await trx
          .selectFrom('plan_task_department')
          .select(['department_id', 'role'])
          .where('task_id', '=', t.id)
          .execute();
        const keep: string[] = [];
        for (const u of named) {
          const m = choices.get(u);
          const wasUnmapped = unmapped.includes(u);
          if (m?.ignored) {
            if (wasUnmapped) resolved++;
            continue;
          }
          // The same order as when generating: a chosen 科室, 全部科室, a saved 未对应, else "各科室" by its name.
          const depts =
            m && m.department_id !== null
              ? [m.department_id]
              : m?.all_departments || (!m && isAllDepartments(u))
                ? active.map((d) => d.id)
                : [];
          if (!depts.length) {
            if (wasUnmapped) keep.push(u);
            continue;
          }
          let added = false;
          for (const d of depts) {
            if (links.some((l) => l.department_id === d)) continue;
            const role = leadUnits.has(u) ? ('lead' as const) : ('support' as const);
            await trx
              .insertInto('plan_task_department')
              .values({ task_id: t.id, department_id: d, role, sort_order: links.length })
              .execute();
            links.push({ department_id: d, role });
            added = true;
          }
          if (added || wasUnmapped) resolved++;
        }
        remaining += keep.length;
        if (keep.length !== unmapped.length)
          await trx
            .updateTable('plan_task')
            .set({ unmapped_units_json: JSON.stringify(keep), updated_at: nowText(ctx) })
            .where('id', '=', t.id)
            .execute();
      }
      await recordAudit(trx, ctx, {
        entity: 'plan',
        entityId: plan.id,
        action: 'update',
        summary: `按单位对应关系更新任务科室：解决 ${resolved} 处，尚余 ${remaining} 处未对应${mappings.length ? `；保存单位对应关系 ${mappings.length} 条` : ''}`,
      });
    })
    .catch(foreignKeyToChinese);
  return { resolved, remaining };
}
