// The plan's figures and lists for the 工作总结 and every other reader of figures, for a period of the plan's year:
// tasks done by the period's end (by their completion date), unfinished and overdue ones, per section; the tasks done
// and not done by name, and the progress notes dated in the period. Statuses other than 已完成 (进行中, 未开始) are
// only known as they are today, so they are given only while the period has not ended.
import { todayOf } from '../../../shared/domain/dates';
import type { Period } from '../../../shared/domain/period';
import type { PlanTask } from '../../../shared/domain/plan';
import type { DoneTask, NotableProgress, SectionProgress, UnfinishedTask } from '../../../shared/domain/summary';
import { countedProvider, type ListProvider } from '../summary/provider';
import type { AppContext } from '../workstation';
import { listPlanTasks, planIdOfYear } from './tasks';

interface PlanPeriod {
  title: string;
  tasks: PlanTask[];
  /** Whether the period ends today or later: today's statuses and lights describe its end. */
  current: boolean;
  done: (t: PlanTask) => boolean;
  overdue: (t: PlanTask) => boolean;
  counts: Record<string, number | string | null>;
  sections: SectionProgress[];
}

async function planPeriod(ctx: AppContext, period: Period): Promise<PlanPeriod | null> {
  const planId = planIdOfYear(ctx, period.year);
  if (planId === null) return null;
  const plan = await ctx.db.selectFrom('plan').select(['title']).where('id', '=', planId).executeTakeFirstOrThrow();
  const tasks = await listPlanTasks(ctx, planId);
  const current = period.to >= todayOf(ctx);
  // Done by the period's end: completed on or before its last day (a task marked done without a date counts only
  // while the period is still running, as its status is today's).
  const done = (t: PlanTask) => t.status === '已完成' && (t.completedOn ? t.completedOn <= period.to : current);
  const applicable = (t: PlanTask) => t.status !== '不适用';
  // Overdue at the period's end: today's light while the period runs; afterwards, due before its last day (a task
  // done since has no light any more: its fixed time limit says when it was due). Due on the last day is not overdue
  // on it, as the light (computeLight) says of a task due today.
  const dueOf = (t: PlanTask) =>
    t.deadline.kind === 'date' ? t.deadline.date : t.deadline.kind === 'yearEnd' ? `${period.year}-12-31` : t.dueDate;
  const overdue = (t: PlanTask) => {
    if (!applicable(t) || done(t)) return false;
    if (current) return t.light === 'overdue';
    const due = dueOf(t);
    return due !== null && due < period.to;
  };
  const n = (pred: (t: PlanTask) => boolean) => tasks.filter(pred).length;
  const doneCount = n(done);
  const applicableCount = n(applicable);
  const sections = new Map<string, SectionProgress>();
  for (const t of tasks) {
    let s = sections.get(t.sectionTitle);
    if (!s)
      sections.set(
        t.sectionTitle,
        (s = { title: t.sectionTitle, tasks: 0, done: 0, inProgress: current ? 0 : null, unfinished: 0, overdue: 0 }),
      );
    s.tasks++;
    if (done(t)) s.done++;
    else if (applicable(t)) s.unfinished++;
    if (current && t.status === '进行中') s.inProgress = (s.inProgress ?? 0) + 1;
    if (overdue(t)) s.overdue++;
  }
  const departments = new Set(tasks.flatMap((t) => t.lead.map((d) => d.id)));
  const counts: Record<string, number | string | null> = {
    'plan.title': plan.title,
    'plan.tasks': tasks.length,
    'plan.done': doneCount,
    ...(current
      ? { 'plan.inProgress': n((t) => t.status === '进行中'), 'plan.notStarted': n((t) => t.status === '未开始') }
      : {}),
    'plan.notApplicable': tasks.length - applicableCount,
    'plan.unfinished': applicableCount - doneCount,
    'plan.overdue': n(overdue),
    'plan.completionRate': applicableCount > 0 ? Math.round((doneCount / applicableCount) * 1000) / 10 : null,
    'plan.sections': sections.size,
    'plan.departments': departments.size,
  };
  for (const s of sections.values()) {
    counts[`plan.section.${s.title}.tasks`] = s.tasks;
    counts[`plan.section.${s.title}.done`] = s.done;
    if (s.inProgress !== null) counts[`plan.section.${s.title}.inProgress`] = s.inProgress;
    counts[`plan.section.${s.title}.overdue`] = s.overdue;
  }
  return { title: plan.title, tasks, current, done, overdue, counts, sections: [...sections.values()] };
}

export const planFigures = countedProvider(async (ctx, period) => (await planPeriod(ctx, period))?.counts ?? null);

export const planLists: ListProvider = async (ctx, period) => {
  const cur = await planPeriod(ctx, period);
  if (!cur) return {};
  const doneTasks: DoneTask[] = cur.tasks
    .filter(cur.done)
    .map((t) => ({ title: t.title, section: t.sectionTitle, completedOn: t.completedOn }))
    .sort((a, b) => (a.completedOn ?? '').localeCompare(b.completedOn ?? ''));
  const unfinishedTasks: UnfinishedTask[] = cur.tasks
    .filter((t) => t.status !== '不适用' && !cur.done(t))
    .map((t) => ({ title: t.title, section: t.sectionTitle, dueDate: t.dueDate, overdue: cur.overdue(t) }));
  // What the office wrote when it closed a task, dated in the period: the newest note of each task done.
  const ids = cur.tasks.filter(cur.done).map((t) => t.id);
  const notes = ids.length
    ? await ctx.db
        .selectFrom('plan_progress')
        .select(['task_id', 'date', 'text'])
        .where('task_id', 'in', ids)
        .where('date', '>=', period.from)
        .where('date', '<=', period.to)
        .orderBy('date', 'desc')
        .orderBy('id', 'desc')
        .execute()
    : [];
  const notableProgress: NotableProgress[] = [];
  for (const t of cur.tasks.filter(cur.done)) {
    const note = notes.find((x) => x.task_id === t.id && x.text.trim());
    if (note) notableProgress.push({ task: t.title, section: t.sectionTitle, date: note.date, text: note.text.trim() });
  }
  return { sections: cur.sections, doneTasks, unfinishedTasks, notableProgress };
};
