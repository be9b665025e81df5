// The home dashboard's numbers for the working year: the registry's figures for the year (every card's sentence quotes
// these, by name), the plan by section and by light (the task list's own lights, which the bars open), trainings per
// month, and the dates coming up (备案 of holder changes, the 政府信息公开工作年度报告).
import { filingCalendarWarning } from '../../../shared/domain/ab';
import { hoursFromTenths } from '../../../shared/domain/training';
import { yearPeriod } from '../../../shared/domain/period';
import type { Dashboard } from '../../../shared/ipc/contracts/summary';
import { todayOf } from '../../../shared/domain/dates';
import { loadCalendar } from '../calendar';
import { listPlanTasks, planIdOfYear } from '../plan/tasks';
import type { AppContext } from '../workstation';
import { figuresFor } from './figures';
import { LIGHTS, type Light } from '../../../shared/domain/lights';

/** 《政府信息公开条例》第五十条: the year's report is published by 31 January of the next year. */
function annualReportDue(year: number): string {
  return `${year + 1}-01-31`;
}

export async function dashboard(ctx: AppContext, year: number): Promise<Dashboard> {
  const today = todayOf(ctx);
  const planId = planIdOfYear(ctx, year);
  const tasks = planId === null ? [] : await listPlanTasks(ctx, planId);
  const sections = new Map<number, Dashboard['sections'][number]>();
  const lights = Object.fromEntries(LIGHTS.map((l) => [l, 0])) as Record<Light, number>;
  for (const t of tasks) {
    lights[t.light]++;
    let s = sections.get(t.sectionId);
    if (!s)
      sections.set(
        t.sectionId,
        (s = { id: t.sectionId, title: t.sectionTitle, tasks: 0, done: 0, inProgress: 0, notStarted: 0, overdue: 0 }),
      );
    s.tasks++;
    // By status, so a bar opens exactly the tasks the list shows for that status; overdue ones are the lights' chart.
    if (t.status === '已完成') s.done++;
    else if (t.status === '进行中') s.inProgress++;
    else if (t.status === '未开始') s.notStarted++;
    if (t.light === 'overdue') s.overdue++;
  }

  const trainings = await ctx.db
    .selectFrom('training')
    .select(['date', 'hours_tenths'])
    .where('status', '=', '已举办')
    .where('date', '>=', `${year}-01-01`)
    .where('date', '<=', `${year}-12-31`)
    .execute();
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, count: 0, tenths: 0 }));
  for (const t of trainings) {
    const m = months[Number(t.date.slice(5, 7)) - 1];
    m.count++;
    m.tenths += t.hours_tenths;
  }
  const upcoming: Dashboard['upcoming'] = [];
  const unfiled = await ctx.db
    .selectFrom('ab_change as c')
    .innerJoin('ab_post as p', 'p.id', 'c.post_id')
    .innerJoin('staff as s', 's.id', 'c.to_staff_id')
    .select(['c.change_date', 'c.filing_due', 'c.role', 'p.name as post', 's.name as person'])
    .where('c.filed_date', 'is', null)
    .orderBy('c.filing_due')
    .execute();
  const cal = await loadCalendar(ctx);
  for (const c of unfiled) {
    upcoming.push({
      date: c.filing_due,
      title: '人员变动备案截止',
      detail: `“${c.post}”${c.role}岗变更为${c.person}`,
      route: 'ab',
      overdue: c.filing_due < today,
      calendarWarning: filingCalendarWarning(
        { changeDate: c.change_date, filingDue: c.filing_due, filedDate: null },
        today,
        cal,
      ),
    });
  }
  // Last year's report while January lasts, then this year's.
  for (const y of [year - 1, year]) {
    const due = annualReportDue(y);
    if (due >= today && due.slice(0, 4) <= String(year + 1)) {
      upcoming.push({
        date: due,
        title: `公布${y}年政府信息公开工作年度报告`,
        detail: '《政府信息公开条例》规定每年1月31日前公布上一年度报告',
        route: null,
        overdue: false,
        // A calendar date (1月31日), not counted in working days.
        calendarWarning: null,
      });
    }
  }
  upcoming.sort((a, b) => a.date.localeCompare(b.date));

  return {
    year,
    today,
    figures: await figuresFor(ctx, yearPeriod(year)),
    sections: [...sections.values()],
    lights,
    trainings: {
      months: months.map((m) => ({ month: m.month, count: m.count, hours: hoursFromTenths(m.tenths) })),
    },
    upcoming: upcoming.slice(0, 8),
  };
}
