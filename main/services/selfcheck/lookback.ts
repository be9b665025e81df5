// 回头看: last year's plan task by task (按期完成 / 逾期完成 / 未完成, with the reason recorded) and last year's 整改
// items not yet 销号; an unfinished task becomes an 整改 item or is carried into this year's plan in one step.
import { lookbackOutcome, type LookbackTask, type Rectification } from '../../../shared/domain/selfcheck';
import { CARRY_SECTION, type PlanTask } from '../../../shared/domain/plan';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import { nowText, recordAudit } from '../audit';
import { getTask, listPlanTasks, planIdOfYear } from '../plan/tasks';
import type { AppContext } from '../workstation';
import { createRectification, listRectifications } from './rectification';

/** The date a task was due (for 回头看 a completed task still has one). */
function dueOf(t: PlanTask, year: number): string | null {
  if (t.deadline.kind === 'date') return t.deadline.date;
  if (t.deadline.kind === 'yearEnd') return `${year}-12-31`;
  return t.dueDate;
}

export async function lookback(
  ctx: AppContext,
  year: number,
): Promise<{ planYear: number; hasPlan: boolean; tasks: LookbackTask[]; openRectifications: Rectification[] }> {
  const planYear = year - 1;
  const planId = planIdOfYear(ctx, planYear);
  const openRectifications = await listRectifications(ctx, { year: planYear, openOnly: true });
  if (planId === null) return { planYear, hasPlan: false, tasks: [], openRectifications };
  const tasks = await listPlanTasks(ctx, planId);
  const notes = tasks.length
    ? await ctx.db
        .selectFrom('lookback_note')
        .selectAll()
        .where(
          'task_id',
          'in',
          tasks.map((t) => t.id),
        )
        .execute()
    : [];
  const rects = tasks.length
    ? await ctx.db
        .selectFrom('rectification')
        .select(['id', 'task_id'])
        .where(
          'task_id',
          'in',
          tasks.map((t) => t.id),
        )
        .execute()
    : [];
  return {
    planYear,
    hasPlan: true,
    openRectifications,
    tasks: tasks.map((t) => {
      const due = dueOf(t, planYear);
      const note = notes.find((n) => n.task_id === t.id);
      return {
        taskId: t.id,
        seq: t.seq,
        title: t.title,
        section: t.sectionTitle,
        lead: [...t.lead.map((d) => d.name), ...t.unmappedUnits].join('、'),
        deadlineLabel: t.deadlineLabel,
        dueDate: due,
        completedOn: t.completedOn,
        outcome: lookbackOutcome({ status: t.status, completedOn: t.completedOn, dueDate: due }),
        reason: note?.reason || (t.status === '不适用' ? t.statusReason : ''),
        rectificationId: rects.find((r) => r.task_id === t.id)?.id ?? null,
        carriedTaskId: note?.carried_task_id ?? null,
      };
    }),
  };
}

export async function setLookbackReason(ctx: AppContext, taskId: number, reason: string): Promise<void> {
  const t = await getTask(ctx, taskId);
  const text = reason.trim().slice(0, 1000);
  await ctx.db.transaction().execute(async (trx) => {
    await trx
      .insertInto('lookback_note')
      .values({ task_id: taskId, reason: text, carried_task_id: null, updated_at: nowText(ctx) })
      .onConflict((oc) => oc.column('task_id').doUpdateSet({ reason: text, updated_at: nowText(ctx) }))
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'lookback_note',
      entityId: taskId,
      action: 'update',
      summary: `回头看：记录“${t.title}”的原因`,
    });
  });
}

async function unfinishedTask(ctx: AppContext, taskId: number): Promise<{ task: PlanTask; planYear: number }> {
  const task = await getTask(ctx, taskId);
  const plan = await ctx.db.selectFrom('plan').select('year').where('id', '=', task.planId).executeTakeFirstOrThrow();
  return { task, planYear: plan.year };
}

export async function lookbackToRectification(
  ctx: AppContext,
  input: { taskId: number; year: number; deadline: string | null },
): Promise<Rectification> {
  const { task } = await unfinishedTask(ctx, input.taskId);
  const existing = await ctx.db
    .selectFrom('rectification')
    .select('id')
    .where('task_id', '=', input.taskId)
    .executeTakeFirst();
  if (existing) throw new AppError(ErrorCode.CONFLICT, `任务“${task.title}”已转为整改事项，请在整改台账中查看。`);
  const note = await ctx.db
    .selectFrom('lookback_note')
    .select('reason')
    .where('task_id', '=', input.taskId)
    .executeTakeFirst();
  const reason = note?.reason || task.statusReason;
  return createRectification(ctx, {
    year: input.year,
    source: '回头看',
    taskId: input.taskId,
    origin: `上年度任务：${task.title}`,
    problem: `上年度任务“${task.title}”未按期完成${reason ? `（原因：${reason}）` : ''}`,
    measure: task.measures.slice(0, 2000),
    kind: input.deadline ? '限期整改' : '立行立改',
    deadline: input.deadline,
    departmentId: task.lead[0]?.id ?? null,
  });
}

/** Carries an unfinished task into this year's plan (section 上年度结转任务), in one transaction. */
export async function carryForward(
  ctx: AppContext,
  input: { taskId: number; year: number },
): Promise<{ taskId: number }> {
  const { task, planYear } = await unfinishedTask(ctx, input.taskId);
  if (planYear >= input.year) throw new AppError(ErrorCode.VALIDATION, '只能把上年度的任务结转到本年度。');
  const planId = planIdOfYear(ctx, input.year);
  if (planId === null)
    throw new AppError(
      ErrorCode.NOT_FOUND,
      `${input.year}年还没有实施方案。请先在“实施方案与任务”中建立本年度方案，再结转任务。`,
    );
  const note = await ctx.db
    .selectFrom('lookback_note')
    .selectAll()
    .where('task_id', '=', input.taskId)
    .executeTakeFirst();
  if (note?.carried_task_id) throw new AppError(ErrorCode.CONFLICT, `任务“${task.title}”已结转到${input.year}年方案。`);
  const now = nowText(ctx);
  const newId = await ctx.db.transaction().execute(async (trx) => {
    let section = await trx
      .selectFrom('plan_section')
      .select('id')
      .where('plan_id', '=', planId)
      .where('title', '=', CARRY_SECTION)
      .executeTakeFirst();
    if (!section) {
      const max = await trx
        .selectFrom('plan_section')
        .select((eb) => eb.fn.max('sort_order').as('m'))
        .where('plan_id', '=', planId)
        .executeTakeFirst();
      section = await trx
        .insertInto('plan_section')
        .values({ plan_id: planId, title: CARRY_SECTION, sort_order: Number(max?.m ?? 0) + 1 })
        .returning('id')
        .executeTakeFirstOrThrow();
    }
    const max = await trx
      .selectFrom('plan_task')
      .select((eb) => eb.fn.max('sort_order').as('m'))
      .where('section_id', '=', section.id)
      .executeTakeFirst();
    const r = await trx
      .insertInto('plan_task')
      .values({
        plan_id: planId,
        section_id: section.id,
        sort_order: Number(max?.m ?? 0) + 1,
        title: task.title,
        measures: task.measures,
        deadline_kind: 'yearEnd',
        deadline_date: null,
        deadline_recurrence: null,
        deadline_days: null,
        deadline_text: '',
        event_date: null,
        status: '未开始',
        status_reason: '',
        completed_on: null,
        owner_staff_id: task.owner?.id ?? null,
        unmapped_units_json: JSON.stringify(task.unmappedUnits),
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const depts = [
      ...task.lead.map((d, i) => ({ task_id: r.id, department_id: d.id, role: 'lead' as const, sort_order: i })),
      ...task.support.map((d, i) => ({ task_id: r.id, department_id: d.id, role: 'support' as const, sort_order: i })),
    ];
    if (depts.length) await trx.insertInto('plan_task_department').values(depts).execute();
    await trx
      .insertInto('lookback_note')
      .values({ task_id: input.taskId, reason: note?.reason ?? '', carried_task_id: r.id, updated_at: now })
      .onConflict((oc) => oc.column('task_id').doUpdateSet({ carried_task_id: r.id, updated_at: now }))
      .execute();
    await recordAudit(trx, ctx, {
      entity: 'plan_task',
      entityId: r.id,
      action: 'create',
      summary: `回头看：上年度任务“${task.title}”结转到${input.year}年方案`,
    });
    return r.id;
  });
  return { taskId: newId };
}
