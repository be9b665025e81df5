// 重点任务: the year's task list with lights (the screen's and the home screen's hot path), one task's detail, and
// task edits. Reading uses a few prepared statements per plan (tasks, 科室 links, 要点 links) and computes lights in
// one pass, so a 300-task year lists in a few milliseconds.
import { isForeignKeyError } from '../../db/errors';
import type { Statement } from 'better-sqlite3';
import type { Transaction } from 'kysely';
import {
  computeLight,
  deadlineLabel,
  isOverdue,
  type Deadline,
  type PlanTask,
  type ProgressEntry,
  type TaskFilter,
  type TaskInput,
  taskInputSchema,
} from '../../../shared/domain/plan';
import { pointPathLabel } from '../../../shared/domain/point-numbering';
import { addDays, toDayNumber, weekdayOf, type WorkingDayCalendar } from '../../../shared/domain/working-days';
import type { DueItem } from '../../../shared/ipc/contracts/plan';
import { AppError } from '../../../shared/ipc/result';
import { ErrorCode } from '../../../shared/ipc/errors';
import type { RawDb } from '../../db/open';
import type { Database } from '../../db/schema';
import { diffRecords, nowText, recordAudit } from '../audit';
import type { AppContext } from '../workstation';
import { SettingKey } from '../settings';
import { calendarFor, DEFAULT_DUE_SOON_DAYS } from '../calendar';
import { isAfter, todayOf } from '../../../shared/domain/dates';
import { validateInput } from '../validate';

interface TaskRow {
  id: number;
  plan_id: number;
  section_id: number;
  section_title: string;
  title: string;
  measures: string;
  deadline_kind: Deadline['kind'];
  deadline_date: string | null;
  deadline_recurrence: Deadline['recurrence'];
  deadline_days: number | null;
  deadline_text: string;
  event_date: string | null;
  status: PlanTask['status'];
  status_reason: string;
  completed_on: string | null;
  owner_staff_id: number | null;
  owner_name: string | null;
  unmapped_units_json: string;
  progress_count: number;
  latest_text: string | null;
  latest_percent: number | null;
  progress_dates: string | null;
  year: number;
}

const TASK_COLUMNS = `
  t.id, t.plan_id, t.section_id, s.title AS section_title, t.title, t.measures, t.deadline_kind, t.deadline_date,
  t.deadline_recurrence, t.deadline_days, t.deadline_text, t.event_date, t.status, t.status_reason, t.completed_on,
  t.owner_staff_id, st.name AS owner_name, t.unmapped_units_json, pl.year,
  (SELECT count(*) FROM plan_progress p WHERE p.task_id = t.id) AS progress_count,
  lp.text AS latest_text, lp.percent AS latest_percent,
  CASE WHEN t.deadline_kind = 'recurring' THEN (SELECT group_concat(p.date) FROM plan_progress p WHERE p.task_id = t.id) END AS progress_dates
FROM plan_task t
JOIN plan_section s ON s.id = t.section_id
JOIN plan pl ON pl.id = t.plan_id
LEFT JOIN staff st ON st.id = t.owner_staff_id
-- the latest entry: one index search for its id, then one row
LEFT JOIN plan_progress lp ON lp.id = (SELECT p.id FROM plan_progress p WHERE p.task_id = t.id ORDER BY p.date DESC, p.id DESC LIMIT 1)`;

/** The SQL of the task list, exported so the benchmark can time the bare statements against listTasks(). */
export const TASK_LIST_SQL = {
  tasks: `SELECT ${TASK_COLUMNS} WHERE t.plan_id = ? ORDER BY s.sort_order, t.sort_order, t.id`,
  departments: `SELECT td.task_id, td.role, td.sort_order, d.id, d.name FROM plan_task_department td
    JOIN plan_task t ON t.id = td.task_id JOIN department d ON d.id = td.department_id
    WHERE t.plan_id = ?`,
  points: `SELECT tp.task_id, w.id, w.document_id, w.seq, w.level, w.label, w.title, w.parent_id, sd.title AS document_title FROM plan_task_point tp
    JOIN plan_task t ON t.id = tp.task_id JOIN work_point w ON w.id = tp.work_point_id
    JOIN source_document sd ON sd.id = w.document_id WHERE t.plan_id = ?`,
} as const;

type Statements = { [K in keyof typeof TASK_LIST_SQL | 'one' | 'planOfYear' | 'pointParents' | 'setting']: Statement };
const statementCache = new WeakMap<RawDb, Statements>();

function statements(raw: RawDb): Statements {
  let s = statementCache.get(raw);
  if (!s) {
    s = {
      tasks: raw.prepare(TASK_LIST_SQL.tasks),
      departments: raw.prepare(TASK_LIST_SQL.departments),
      points: raw.prepare(TASK_LIST_SQL.points),
      one: raw.prepare(`SELECT ${TASK_COLUMNS} WHERE t.id = ?`),
      planOfYear: raw.prepare('SELECT id FROM plan WHERE year = ?'),
      setting: raw.prepare('SELECT value FROM setting WHERE key = ?'),
      pointParents: raw.prepare(
        'SELECT id, parent_id, level, label FROM work_point WHERE document_id IN (SELECT document_id FROM work_point WHERE id = ?)',
      ),
    };
    statementCache.set(raw, s);
  }
  return s;
}

export function planIdOfYear(ctx: AppContext, year: number): number | null {
  const r = statements(ctx.raw).planOfYear.get(year) as { id: number } | undefined;
  return r?.id ?? null;
}

interface PointLinkRow {
  task_id: number;
  id: number;
  level: number;
  label: string;
  title: string;
  parent_id: number | null;
  document_title: string;
}

/** The point's path label ("二（三）2"), its document's points read once and kept in `parents`. */
function pathLabelOf(
  ctx: AppContext,
  p: PointLinkRow,
  parents: Map<number, { parent_id: number | null; level: number; label: string }>,
): string {
  if (!parents.has(p.id)) {
    for (const r of statements(ctx.raw).pointParents.all(p.id) as {
      id: number;
      parent_id: number | null;
      level: number;
      label: string;
    }[])
      parents.set(r.id, r);
  }
  return pointPathLabel(p.id, (id) => {
    const r = parents.get(id);
    return r && { level: r.level, label: r.label, parentId: r.parent_id };
  });
}

function toTask(
  ctx: AppContext,
  r: TaskRow,
  seq: number,
  depts: { lead: { id: number; name: string }[]; support: { id: number; name: string }[] } | undefined,
  points: PointLinkRow[] | undefined,
  parents: Map<number, { parent_id: number | null; level: number; label: string }>,
  light: { today: string; soon: number; cal: WorkingDayCalendar },
): PlanTask {
  const deadline: Deadline = {
    kind: r.deadline_kind,
    date: r.deadline_date,
    recurrence: r.deadline_recurrence,
    days: r.deadline_days,
    text: r.deadline_text,
  };
  const l = computeLight(
    {
      status: r.status,
      deadline,
      eventDate: r.event_date,
      progressDates: r.progress_dates ? r.progress_dates.split(',') : [],
    },
    r.year,
    light.today,
    light.soon,
    light.cal,
  );
  return {
    id: r.id,
    planId: r.plan_id,
    sectionId: r.section_id,
    sectionTitle: r.section_title,
    seq,
    title: r.title,
    measures: r.measures,
    deadline,
    deadlineLabel: deadlineLabel(deadline, r.event_date),
    eventDate: r.event_date,
    status: r.status,
    statusReason: r.status_reason,
    completedOn: r.completed_on,
    owner: r.owner_staff_id === null ? null : { id: r.owner_staff_id, name: r.owner_name ?? '' },
    lead: depts?.lead ?? [],
    support: depts?.support ?? [],
    unmappedUnits: JSON.parse(r.unmapped_units_json) as string[],
    points: (points ?? []).map((p) => ({
      id: p.id,
      label: pathLabelOf(ctx, p, parents),
      title: p.title,
      documentTitle: p.document_title,
    })),
    light: l.light,
    dueDate: l.dueDate,
    periodLabel: l.periodLabel ?? null,
    workingDaysLeft: l.workingDaysLeft ?? null,
    calendarWarning: l.calendarWarning ?? null,
    latestProgress: r.latest_text ?? '',
    latestPercent: r.latest_percent,
    progressCount: r.progress_count,
  };
}

function dueSoonDaysSync(ctx: AppContext, st: Statements): number {
  const v = Number((st.setting.get(SettingKey.planDueSoonDays) as { value: string } | undefined)?.value);
  return Number.isInteger(v) && v > 0 ? v : DEFAULT_DUE_SOON_DAYS;
}

/** Every task of a plan in order, with lights as of today. */
export async function listPlanTasks(ctx: AppContext, planId: number): Promise<PlanTask[]> {
  const st = statements(ctx.raw);
  const rows = st.tasks.all(planId) as TaskRow[];
  const depts = new Map<number, { lead: { id: number; name: string }[]; support: { id: number; name: string }[] }>();
  // Rows come unordered (no temp B-tree in SQLite); the few per task are sorted here.
  const deptRows = (
    st.departments.all(planId) as {
      task_id: number;
      role: 'lead' | 'support';
      sort_order: number;
      id: number;
      name: string;
    }[]
  ).sort((a, b) => a.sort_order - b.sort_order);
  for (const d of deptRows) {
    let e = depts.get(d.task_id);
    if (!e) depts.set(d.task_id, (e = { lead: [], support: [] }));
    e[d.role].push({ id: d.id, name: d.name });
  }
  const points = new Map<number, PointLinkRow[]>();
  const pointRows = (st.points.all(planId) as (PointLinkRow & { document_id: number; seq: number })[]).sort(
    (a, b) => a.document_id - b.document_id || a.seq - b.seq,
  );
  for (const p of pointRows) {
    const list = points.get(p.task_id);
    if (list) list.push(p);
    else points.set(p.task_id, [p]);
  }
  const overrides = (st.setting.get(SettingKey.calendarOverrides) as { value: string } | undefined)?.value ?? null;
  const light = { today: todayOf(ctx), soon: dueSoonDaysSync(ctx, st), cal: calendarFor(overrides) };
  const parents = new Map<number, { parent_id: number | null; level: number; label: string }>();
  return rows.map((r, i) => toTask(ctx, r, i + 1, depts.get(r.id), points.get(r.id), parents, light));
}

/** The filtered task list of a year (empty when the year has no plan). */
export async function listTasks(ctx: AppContext, f: TaskFilter): Promise<PlanTask[]> {
  const planId = planIdOfYear(ctx, f.year);
  if (planId === null) return [];
  const search = f.search?.trim();
  return (await listPlanTasks(ctx, planId)).filter(
    (t) =>
      (f.departmentId === undefined ||
        t.lead.some((d) => d.id === f.departmentId) ||
        t.support.some((d) => d.id === f.departmentId)) &&
      (f.ownerId === undefined || t.owner?.id === f.ownerId) &&
      (f.status === undefined || t.status === f.status) &&
      (f.light === undefined || t.light === f.light) &&
      (!search || t.title.includes(search) || t.measures.includes(search)),
  );
}

export async function getTask(ctx: AppContext, id: number): Promise<PlanTask> {
  const r = statements(ctx.raw).one.get(id) as TaskRow | undefined;
  if (!r) throw new AppError(ErrorCode.NOT_FOUND, '找不到该任务，可能已被删除，请刷新后重试。');
  // The number as printed comes from the whole list; a task detail is opened from it, so this is cheap enough.
  const all = await listPlanTasks(ctx, r.plan_id);
  return all.find((t) => t.id === id)!;
}

export async function listProgress(ctx: AppContext, taskId: number): Promise<ProgressEntry[]> {
  const rows = await ctx.db
    .selectFrom('plan_progress')
    .selectAll()
    .where('task_id', '=', taskId)
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .execute();
  const ev = rows.length
    ? await ctx.db
        .selectFrom('plan_evidence as e')
        .leftJoin('attachment as a', 'a.id', 'e.attachment_id')
        .select(['e.id', 'e.progress_id', 'e.title', 'e.attachment_id', 'e.link', 'a.size_bytes'])
        .where(
          'e.progress_id',
          'in',
          rows.map((r) => r.id),
        )
        .orderBy('e.id')
        .execute()
    : [];
  return rows.map((r) => ({
    id: r.id,
    taskId: r.task_id,
    date: r.date,
    text: r.text,
    percent: r.percent,
    createdAt: r.created_at,
    evidence: ev
      .filter((e) => e.progress_id === r.id)
      .map((e) => ({
        id: e.id,
        title: e.title,
        attachmentId: e.attachment_id,
        link: e.link,
        size: e.size_bytes ?? null,
      })),
  }));
}

// ---- writing ---------------------------------------------------------------------------------------------------

type ParsedTask = ReturnType<typeof taskInputSchema.parse>;

function taskColumns(t: ParsedTask) {
  return {
    section_id: t.sectionId,
    title: t.title,
    measures: t.measures.trim(),
    deadline_kind: t.deadline.kind,
    deadline_date: t.deadline.kind === 'date' ? t.deadline.date : null,
    deadline_recurrence: t.deadline.kind === 'recurring' ? t.deadline.recurrence : null,
    deadline_days: t.deadline.kind === 'afterEvent' ? t.deadline.days : null,
    deadline_text: t.deadline.text,
    event_date: t.deadline.kind === 'afterEvent' ? t.eventDate : null,
    status: t.status,
    status_reason: t.status === '不适用' ? t.statusReason : '',
    completed_on: t.status === '已完成' ? t.completedOn : null,
    owner_staff_id: t.ownerId,
  };
}

async function writeLinks(trx: Transaction<Database>, taskId: number, t: ParsedTask): Promise<void> {
  await trx.deleteFrom('plan_task_department').where('task_id', '=', taskId).execute();
  await trx.deleteFrom('plan_task_point').where('task_id', '=', taskId).execute();
  const lead = [...new Set(t.leadIds)];
  const support = [...new Set(t.supportIds)].filter((id) => !lead.includes(id));
  const rows = [
    ...lead.map((d, i) => ({ task_id: taskId, department_id: d, role: 'lead' as const, sort_order: i })),
    ...support.map((d, i) => ({ task_id: taskId, department_id: d, role: 'support' as const, sort_order: i })),
  ];
  if (rows.length) await trx.insertInto('plan_task_department').values(rows).execute();
  const points = [...new Set(t.pointIds)];
  if (points.length)
    await trx
      .insertInto('plan_task_point')
      .values(points.map((p) => ({ task_id: taskId, work_point_id: p })))
      .execute();
}

async function assertSectionOfPlan(ctx: AppContext, sectionId: number): Promise<number> {
  const s = await ctx.db.selectFrom('plan_section').select('plan_id').where('id', '=', sectionId).executeTakeFirst();
  if (!s) throw new AppError(ErrorCode.NOT_FOUND, '找不到所选的章节，可能已被删除，请刷新后重试。');
  return s.plan_id;
}

function foreignKeyMessage(e: unknown): never {
  if (isForeignKeyError(e)) {
    throw new AppError(ErrorCode.NOT_FOUND, '所选的科室、责任人或对应要点已不存在，请刷新后重新选择。');
  }
  throw e;
}

/**
 * The dates of a task as an office worker checks them: 实际完成日期 is a day that has passed, and a 完成日期 lies in
 * the plan's year or later (a deadline before the year the plan is for is a typing slip).
 */
async function assertTaskDates(ctx: AppContext, planId: number, t: ParsedTask): Promise<void> {
  const real = (date: string, label: string) => {
    try {
      toDayNumber(date);
    } catch {
      throw new AppError(ErrorCode.VALIDATION, `${label}“${date}”不是有效日期，请重新选择。`);
    }
  };
  if (t.status === '已完成' && t.completedOn) {
    real(t.completedOn, '实际完成日期');
    const today = todayOf(ctx);
    if (isAfter(t.completedOn, today)) {
      throw new AppError(
        ErrorCode.VALIDATION,
        `实际完成日期（${t.completedOn}）晚于今天（${today}）。任务完成后再标为“已完成”，并填写实际完成的日期。`,
      );
    }
  }
  if (t.deadline.kind === 'date' && t.deadline.date) {
    real(t.deadline.date, '完成日期');
    const plan = await ctx.db.selectFrom('plan').select('year').where('id', '=', planId).executeTakeFirstOrThrow();
    if (Number(t.deadline.date.slice(0, 4)) < plan.year) {
      throw new AppError(
        ErrorCode.VALIDATION,
        `完成日期（${t.deadline.date}）早于方案所属的 ${plan.year} 年度，请检查年份是否填错。`,
      );
    }
  }
  if (t.deadline.kind === 'afterEvent' && t.eventDate) real(t.eventDate, '事项发生日期');
}

export async function createTask(ctx: AppContext, input: TaskInput): Promise<PlanTask> {
  const t = validateInput(taskInputSchema, input);
  const planId = await assertSectionOfPlan(ctx, t.sectionId);
  await assertTaskDates(ctx, planId, t);
  const now = nowText(ctx);
  const id = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const max = await trx
        .selectFrom('plan_task')
        .select((eb) => eb.fn.max('sort_order').as('m'))
        .where('section_id', '=', t.sectionId)
        .executeTakeFirst();
      const r = await trx
        .insertInto('plan_task')
        .values({
          plan_id: planId,
          sort_order: Number(max?.m ?? 0) + 1,
          unmapped_units_json: '[]',
          created_at: now,
          updated_at: now,
          ...taskColumns(t),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await writeLinks(trx, r.id, t);
      await recordAudit(trx, ctx, {
        entity: 'plan_task',
        entityId: r.id,
        action: 'create',
        summary: `新增任务：${t.title}`,
      });
      return r.id;
    })
    .catch(foreignKeyMessage);
  return getTask(ctx, id);
}

export async function updateTask(ctx: AppContext, id: number, input: TaskInput): Promise<PlanTask> {
  const before = await getTask(ctx, id);
  const t = validateInput(taskInputSchema, input);
  const planId = await assertSectionOfPlan(ctx, t.sectionId);
  if (planId !== before.planId) throw new AppError(ErrorCode.VALIDATION, '任务只能移到同一年度方案的章节中。');
  await assertTaskDates(ctx, planId, t);
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      await trx
        .updateTable('plan_task')
        .set({ ...taskColumns(t), updated_at: nowText(ctx) })
        .where('id', '=', id)
        .execute();
      if (before.sectionId !== t.sectionId) {
        const max = await trx
          .selectFrom('plan_task')
          .select((eb) => eb.fn.max('sort_order').as('m'))
          .where('section_id', '=', t.sectionId)
          .executeTakeFirst();
        await trx
          .updateTable('plan_task')
          .set({ sort_order: Number(max?.m ?? 0) + 1 })
          .where('id', '=', id)
          .execute();
      }
      await writeLinks(trx, id, t);
      const snap = (x: {
        title: string;
        measures: string;
        status: string;
        statusReason: string;
        completedOn: string | null;
        deadline: unknown;
        ownerId: number | null;
        leadIds: number[];
        supportIds: number[];
      }) => x;
      await recordAudit(trx, ctx, {
        entity: 'plan_task',
        entityId: id,
        action: 'update',
        summary: `修改任务：${t.title}`,
        changes: diffRecords(
          snap({
            title: before.title,
            measures: before.measures,
            status: before.status,
            statusReason: before.statusReason,
            completedOn: before.completedOn,
            deadline: before.deadline,
            ownerId: before.owner?.id ?? null,
            leadIds: before.lead.map((d) => d.id),
            supportIds: before.support.map((d) => d.id),
          }),
          snap({
            title: t.title,
            measures: t.measures.trim(),
            status: t.status,
            statusReason: t.status === '不适用' ? t.statusReason : '',
            completedOn: t.status === '已完成' ? t.completedOn : null,
            deadline: t.deadline,
            ownerId: t.ownerId,
            leadIds: t.leadIds,
            supportIds: t.supportIds.filter((d) => !t.leadIds.includes(d)),
          }),
        ),
      });
    })
    .catch(foreignKeyMessage);
  return getTask(ctx, id);
}

/**
 * Deletes a task. A task with progress entries goes only when the user confirmed that its entries and evidence go
 * with it (`withProgress`); otherwise the refusal says what would be lost and offers 不适用 instead.
 */
export async function deleteTask(ctx: AppContext, id: number, opts: { withProgress?: boolean } = {}): Promise<void> {
  const t = await getTask(ctx, id);
  const progress = t.progressCount > 0 ? await listProgress(ctx, id) : [];
  const evidence = progress.flatMap((p) => p.evidence);
  if (progress.length && !opts.withProgress) {
    throw new AppError(
      ErrorCode.IN_USE,
      `任务“${t.title}”已有 ${progress.length} 条进展记录${evidence.length ? `和 ${evidence.length} 项佐证材料` : ''}，删除任务会一并删除它们，工作台账中也将不再出现。` +
        '如只是不再执行，可将状态改为“不适用”并写明原因；确需删除请确认一并删除。',
    );
  }
  await ctx.db.transaction().execute(async (trx) => {
    // Progress and evidence rows go with the task (ON DELETE CASCADE); the evidence files are this task's alone.
    await trx.deleteFrom('plan_task').where('id', '=', id).execute();
    const files = evidence.map((e) => e.attachmentId).filter((x): x is number => x !== null);
    if (files.length) await trx.deleteFrom('attachment').where('id', 'in', files).execute();
    await recordAudit(trx, ctx, {
      entity: 'plan_task',
      entityId: id,
      action: 'delete',
      summary: `删除任务：${t.title}${progress.length ? `（连同进展记录 ${progress.length} 条、佐证材料 ${evidence.length} 项）` : ''}`,
      changes: progress.length
        ? {
            progress: {
              from: progress.map((p) => ({
                date: p.date,
                text: p.text,
                percent: p.percent,
                evidence: p.evidence.map((e) => e.title),
              })),
              to: null,
            },
          }
        : null,
    });
  });
}

/**
 * 设置牵头科室 for many tasks at once (tasks the draft left without one): the 科室 becomes each task's only lead;
 * where it was a 配合科室 it moves up; units still unmapped on those tasks stay listed. One transaction, one audit
 * entry per task.
 */
export async function setTasksLead(ctx: AppContext, ids: number[], departmentId: number): Promise<{ updated: number }> {
  const unique = [...new Set(ids)];
  const dept = await ctx.db
    .selectFrom('department')
    .select(['name', 'active'])
    .where('id', '=', departmentId)
    .executeTakeFirst();
  if (!dept) throw new AppError(ErrorCode.NOT_FOUND, '所选科室已不存在，请刷新后重新选择。');
  if (!dept.active) throw new AppError(ErrorCode.VALIDATION, `科室“${dept.name}”已停用，请选择在用的科室。`);
  const tasks = await ctx.db.selectFrom('plan_task').select(['id', 'title']).where('id', 'in', unique).execute();
  if (tasks.length !== unique.length)
    throw new AppError(ErrorCode.NOT_FOUND, '所选任务有的已被删除，请刷新后重新选择。');
  await ctx.db
    .transaction()
    .execute(async (trx) => {
      for (const t of tasks) {
        const before = await trx
          .selectFrom('plan_task_department as td')
          .innerJoin('department as d', 'd.id', 'td.department_id')
          .select(['d.name'])
          .where('td.task_id', '=', t.id)
          .where('td.role', '=', 'lead')
          .orderBy('td.sort_order')
          .execute();
        await trx
          .deleteFrom('plan_task_department')
          .where('task_id', '=', t.id)
          .where((eb) => eb.or([eb('role', '=', 'lead'), eb('department_id', '=', departmentId)]))
          .execute();
        await trx
          .insertInto('plan_task_department')
          .values({ task_id: t.id, department_id: departmentId, role: 'lead', sort_order: 0 })
          .execute();
        await trx
          .updateTable('plan_task')
          .set({ updated_at: nowText(ctx) })
          .where('id', '=', t.id)
          .execute();
        const from = before.map((b) => b.name).join('、');
        await recordAudit(trx, ctx, {
          entity: 'plan_task',
          entityId: t.id,
          action: 'update',
          summary: `设置牵头科室：${t.title} → ${dept.name}`,
          changes: { lead: { from: from || '（无）', to: dept.name } },
        });
      }
    })
    .catch(foreignKeyMessage);
  return { updated: tasks.length };
}

/** Overdue tasks and tasks due from today to the end of this week (Sunday), for the home screen. */
export async function listDueTasks(
  ctx: AppContext,
  year: number,
): Promise<{ today: string; overdue: DueItem[]; thisWeek: DueItem[] }> {
  const today = todayOf(ctx);
  const planId = planIdOfYear(ctx, year);
  if (planId === null) return { today, overdue: [], thisWeek: [] };
  const wd = weekdayOf(today);
  const sunday = addDays(today, wd === 0 ? 0 : 7 - wd);
  const item = (t: PlanTask): DueItem => ({
    id: t.id,
    title: t.title,
    dueDate: t.dueDate!,
    light: t.light,
    periodLabel: t.periodLabel,
    lead: [...t.lead.map((d) => d.name), ...t.unmappedUnits].join('、'),
    owner: t.owner?.name ?? '',
    workingDaysLeft: t.workingDaysLeft,
    calendarWarning: t.calendarWarning,
  });
  const tasks = (await listPlanTasks(ctx, planId)).filter((t) => t.dueDate);
  const byDate = (a: DueItem, b: DueItem) => a.dueDate.localeCompare(b.dueDate) || a.id - b.id;
  return {
    today,
    overdue: tasks.filter(isOverdue).map(item).sort(byDate),
    thisWeek: tasks
      .filter((t) => !isOverdue(t) && t.dueDate! >= today && t.dueDate! <= sunday)
      .map(item)
      .sort(byDate),
  };
}
