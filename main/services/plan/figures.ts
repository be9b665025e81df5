// The plan's figures and lists for the 工作总结: tasks by status, overdue ones (the task light of shared/domain/plan.ts,
// the same one the task list shows), per section, progress entries and evidence; the notable progress entries and the
// unfinished tasks the text quotes.
import type { PlanTask } from '../../../shared/domain/plan';
import type { NotableProgress, SectionProgress, UnfinishedTask } from '../../../shared/domain/summary';
import { pairFigures, type FigureProvider, type ListProvider } from '../summary/provider';
import type { AppContext } from '../workstation';
import { listPlanTasks, planIdOfYear } from './tasks';

interface PlanYear {
  planId: number;
  title: string;
  tasks: PlanTask[];
  counts: Record<string, number | string | null>;
  sections: SectionProgress[];
}

async function planYear(ctx: AppContext, year: number): Promise<PlanYear | null> {
  const planId = planIdOfYear(ctx, year);
  if (planId === null) return null;
  const plan = await ctx.db.selectFrom('plan').select(['title']).where('id', '=', planId).executeTakeFirstOrThrow();
  const tasks = await listPlanTasks(ctx, planId);
  const n = (pred: (t: PlanTask) => boolean) => tasks.filter(pred).length;
  const done = n((t) => t.status === '已完成');
  const notApplicable = n((t) => t.status === '不适用');
  const sections = new Map<string, SectionProgress>();
  for (const t of tasks) {
    let s = sections.get(t.sectionTitle);
    if (!s) sections.set(t.sectionTitle, (s = { title: t.sectionTitle, tasks: 0, done: 0, inProgress: 0, overdue: 0 }));
    s.tasks++;
    if (t.status === '已完成') s.done++;
    if (t.status === '进行中') s.inProgress++;
    if (t.light === 'overdue') s.overdue++;
  }
  const progress = await ctx.db
    .selectFrom('plan_progress as p')
    .innerJoin('plan_task as t', 't.id', 'p.task_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('t.plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  const evidence = await ctx.db
    .selectFrom('plan_evidence as e')
    .innerJoin('plan_progress as p', 'p.id', 'e.progress_id')
    .innerJoin('plan_task as t', 't.id', 'p.task_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('t.plan_id', '=', planId)
    .executeTakeFirstOrThrow();
  const departments = new Set(tasks.flatMap((t) => t.lead.map((d) => d.id)));
  const applicable = tasks.length - notApplicable;
  const counts: Record<string, number | string | null> = {
    'plan.title': plan.title,
    'plan.tasks': tasks.length,
    'plan.done': done,
    'plan.inProgress': n((t) => t.status === '进行中'),
    'plan.notStarted': n((t) => t.status === '未开始'),
    'plan.notApplicable': notApplicable,
    'plan.overdue': n((t) => t.light === 'overdue'),
    'plan.unfinished': applicable - done,
    'plan.completionRate': applicable > 0 ? Math.round((done / applicable) * 1000) / 10 : null,
    'plan.sections': sections.size,
    'plan.departments': departments.size,
    'plan.progressEntries': Number(progress.n),
    'plan.evidence': Number(evidence.n),
  };
  for (const s of sections.values()) {
    counts[`plan.section.${s.title}.tasks`] = s.tasks;
    counts[`plan.section.${s.title}.done`] = s.done;
    counts[`plan.section.${s.title}.inProgress`] = s.inProgress;
    counts[`plan.section.${s.title}.overdue`] = s.overdue;
  }
  return { planId, title: plan.title, tasks, counts, sections: [...sections.values()] };
}

const SOURCES: Record<string, string> = {
  'plan.title': '实施方案标题',
  'plan.tasks': '实施方案中的重点任务（全部）',
  'plan.done': '重点任务中状态为“已完成”的',
  'plan.inProgress': '重点任务中状态为“进行中”的',
  'plan.notStarted': '重点任务中状态为“未开始”的',
  'plan.notApplicable': '重点任务中状态为“不适用”的',
  'plan.overdue': '重点任务中已超过完成时限仍未完成的（与任务列表的“已逾期”预警一致）',
  'plan.unfinished': '重点任务中除“已完成”“不适用”外的',
  'plan.completionRate': '已完成任务占应完成任务（不含“不适用”）的百分比',
  'plan.sections': '实施方案中有任务的章节',
  'plan.departments': '担任任务牵头科室的科室',
  'plan.progressEntries': '重点任务的进展记录',
  'plan.evidence': '进展记录所附的佐证材料（文件和链接）',
};

function sectionSource(key: string): string {
  const m = /^plan\.section\.(.+)\.(tasks|done|inProgress|overdue)$/.exec(key);
  if (!m) return '';
  const what = { tasks: '任务数', done: '已完成任务数', inProgress: '进行中任务数', overdue: '已逾期任务数' }[
    m[2] as 'tasks'
  ];
  return `实施方案“${m[1]}”章节的${what}`;
}

export const planFigures: FigureProvider = async (ctx, year) => {
  const cur = await planYear(ctx, year);
  if (!cur) return {};
  const prev = await planYear(ctx, year - 1);
  return pairFigures(cur.counts, prev?.counts ?? null, SOURCES, sectionSource);
};

export const planLists: ListProvider = async (ctx, year) => {
  const cur = await planYear(ctx, year);
  if (!cur) return {};
  const notableProgress: NotableProgress[] = cur.tasks
    .filter((t) => t.status === '已完成' && t.latestProgress.trim())
    .map((t) => ({ task: t.title, section: t.sectionTitle, date: t.completedOn ?? '', text: t.latestProgress }));
  const unfinishedTasks: UnfinishedTask[] = cur.tasks
    .filter((t) => t.status !== '已完成' && t.status !== '不适用')
    .map((t) => ({ title: t.title, section: t.sectionTitle, dueDate: t.dueDate, overdue: t.light === 'overdue' }));
  return { sections: cur.sections, notableProgress, unfinishedTasks };
};
