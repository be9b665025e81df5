// The numbers behind the dashboard's charts and the 附件's chart pictures, on the example year, against plain SQL
// counts: the option builders (shared/domain/charts.ts) carry exactly the records' numbers, and the data the new
// dashboard cards read (信息发布 by month and 栏目, applications by deadline state, open 整改 by state) agrees with the tables.
import { describe, expect, it } from 'vitest';
import { chartSvg } from '../../../main/export/summary/chart-image';
import { dashboard } from '../../../main/services/summary/dashboard';
import { summaryLists } from '../../../main/services/summary/summaries';
import {
  planProgressHeight,
  planProgressOption,
  sectionChartName,
  trainingMonthsOption,
  trainingsByMonth,
  wrapLabel,
} from '../../../shared/domain/charts';
import { exampleYearPerTest } from '../../helpers/example-year';

const TODAY = '2026-11-20';
const t = exampleYearPerTest(TODAY);

const all = <T>(sql: string, ...args: unknown[]) =>
  t()
    .ws.context()
    .raw.prepare(sql)
    .all(...args) as T[];
type Series = { name: string; data: number[] }[];

describe('chart data', () => {
  it('plan progress and trainings per month: the option builders carry the SQL counts', async () => {
    const d = await dashboard(t().ws.context(), 2026);
    const bySection = all<{ title: string; done: number; prog: number; todo: number }>(`
      SELECT s.title, sum(t.status = '已完成') AS done, sum(t.status = '进行中') AS prog, sum(t.status = '未开始') AS todo
      FROM plan_task t JOIN plan_section s ON s.id = t.section_id JOIN plan p ON p.id = t.plan_id
      WHERE p.year = 2026 GROUP BY s.id ORDER BY s.sort_order`);
    expect(bySection.length).toBeGreaterThan(2);
    const plan = planProgressOption(d.sections);
    const series = plan.series as Series;
    expect(series.map((s) => s.name)).toEqual(['已完成', '进行中', '未开始']);
    expect(series[0].data).toEqual(bySection.map((s) => s.done));
    expect(series[1].data).toEqual(bySection.map((s) => s.prog));
    expect(series[2].data).toEqual(bySection.map((s) => s.todo));

    const sqlMonths = all<{ m: number; n: number; tenths: number }>(`
      SELECT CAST(substr(date, 6, 2) AS INTEGER) AS m, count(*) AS n, sum(hours_tenths) AS tenths FROM training
      WHERE status = '已举办' AND date BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY m`);
    expect(sqlMonths.length).toBeGreaterThan(0);
    const expected = Array.from({ length: 12 }, (_, i) => sqlMonths.find((x) => x.m === i + 1));
    // The 附件 groups the summary's training list; the dashboard groups in SQL-like fashion on its side: both agree.
    const lists = await summaryLists(
      t().ws.context(),
      (await t().call('summary.get', { year: 2026, kind: '年度' }))!.id,
    );
    const months = trainingsByMonth(lists.trainings ?? []);
    expect(months.map((m) => m.count)).toEqual(expected.map((x) => x?.n ?? 0));
    expect(months.map((m) => m.hours)).toEqual(expected.map((x) => (x?.tenths ?? 0) / 10));
    expect(months).toEqual(d.trainings.months);
    const tr = trainingMonthsOption(months, { print: true, title: '各月培训次数与学时' }).series as Series;
    expect(tr[0].data).toEqual(expected.map((x) => x?.n ?? 0));

    // The picture's SVG (server-side ECharts) names every section and the title, in text the PNG step draws.
    const svg = chartSvg(
      planProgressOption(d.sections, { print: true, title: '各方面重点任务完成情况（项）' }),
      620,
      300,
    );
    expect(svg).toMatch(/^<svg/);
    expect(svg).toContain('各方面重点任务完成情况（项）');
    expect(svg).toContain('已完成');
  });

  it('the lights chart counts as 已完成 exactly the tasks the plan card counts (status 已完成)', async () => {
    const d = await dashboard(t().ws.context(), 2026);
    const [{ done, total }] = all<{ done: number; total: number }>(`
      SELECT sum(t.status = '已完成') AS done, count(*) AS total FROM plan_task t JOIN plan p ON p.id = t.plan_id
      WHERE p.year = 2026`);
    expect(d.lights.done).toBe(done);
    expect(d.sections.reduce((a, s) => a + s.done, 0)).toBe(done);
    expect(Object.values(d.lights).reduce((a, n) => a + n, 0)).toBe(total);
    // The example year has the case that once split them: a quarterly task, 进行中, with every quarter's entry in.
    const quarterly = all<{ quarters: number }>(`
      SELECT count(DISTINCT (CAST(substr(g.date, 6, 2) AS INTEGER) + 2) / 3) AS quarters
      FROM plan_task t JOIN plan p ON p.id = t.plan_id JOIN plan_progress g ON g.task_id = t.id
      WHERE p.year = 2026 AND t.status = '进行中' AND t.deadline_recurrence = 'quarterly' AND g.date LIKE '2026-%'
      GROUP BY t.id`);
    expect(quarterly.map((q) => q.quarters)).toContain(4);
  });

  it('never cuts a label with "…": section names wrap whole, on the screen and in the picture', async () => {
    const d = await dashboard(t().ws.context(), 2026);
    const long = d.sections.filter((s) => [...sectionChartName(s.title)].length > 12);
    expect(long.length).toBeGreaterThan(0);
    for (const look of [{}, { print: true, title: '各方面重点任务完成情况（项）' }]) {
      const option = planProgressOption(d.sections, look) as { yAxis: { data: string[]; axisLabel: object } };
      expect(JSON.stringify(option)).not.toContain('…');
      expect(option.yAxis.axisLabel).not.toHaveProperty('formatter');
      // Every name whole, in lines of at most 8 (screen) or 12 (picture) characters.
      expect(option.yAxis.data.map((x) => x.replace(/\n/g, ''))).toEqual(
        d.sections.map((s) => sectionChartName(s.title)),
      );
      const width = 'print' in look ? 12 : 8;
      for (const label of option.yAxis.data)
        for (const line of label.split('\n')) expect([...line].length).toBeLessThanOrEqual(width + 1);
      // Wrapped names get the room their lines need.
      expect(planProgressHeight(d.sections, look)).toBeGreaterThan(
        planProgressHeight(
          d.sections.map(() => ({ title: '短' })),
          look,
        ),
      );
    }
    const svg = chartSvg(
      planProgressOption(d.sections, { print: true }),
      620,
      planProgressHeight(d.sections, { print: true }),
    );
    expect(svg).not.toContain('…');
    // A closing mark never starts a line.
    expect(wrapLabel('围绕“六稳”“六保”加强政策发布解读', 6)).toBe('围绕“六稳”\n“六保”加强\n政策发布解读');
    expect(wrapLabel('一二三四，五六', 4)).toBe('一二三四，\n五六');
    // Lines of about equal length: no single character left on a line of its own.
    expect(wrapLabel('强化做好政务公开工作的各项保障措施', 8)).toBe('强化做好政务\n公开工作的各\n项保障措施');
    expect(wrapLabel('通知公告', 8)).toBe('通知公告');
  });

  it('信息发布 by month and 栏目, applications by deadline state, open 整改 by state: as the tables say', async () => {
    const stats = await t().call('disclosure.publicationStats', { year: 2026 });
    const pubMonths = all<{
      m: number;
      n: number;
    }>(`SELECT CAST(substr(published_date, 6, 2) AS INTEGER) AS m, count(*) AS n FROM publication
      WHERE published_date BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY m`);
    expect(pubMonths.length).toBeGreaterThan(0);
    expect(stats.byMonth).toEqual(Array.from({ length: 12 }, (_, i) => pubMonths.find((x) => x.m === i + 1)?.n ?? 0));
    const pubColumns = all<{
      name: string;
      n: number;
    }>(`SELECT c.name, count(*) AS n FROM publication p JOIN publication_column c ON c.id = p.column_id
      WHERE p.published_date BETWEEN '2026-01-01' AND '2026-12-31' GROUP BY c.id`);
    expect(Object.fromEntries(stats.byColumn.filter((c) => c.count > 0).map((c) => [c.name, c.count]))).toEqual(
      Object.fromEntries(pubColumns.map((c) => [c.name, c.n])),
    );

    const requests = await t().call('disclosure.requests', { year: 2026 });
    // The year's register: received in 2026, or received earlier and answered in 2026 or still open (carried over).
    const inYear = `(received_date BETWEEN '2026-01-01' AND '2026-12-31' OR (received_date < '2026-01-01' AND (answered_date IS NULL OR answered_date >= '2026-01-01')))`;
    expect(requests).toHaveLength(all<{ n: number }>(`SELECT count(*) AS n FROM request WHERE ${inYear}`)[0].n);
    const carried = all<{ n: number }>(
      `SELECT count(*) AS n FROM request WHERE received_date < '2026-01-01' AND ${inYear}`,
    )[0].n;
    expect(requests.filter((r) => r.receivedDate < '2026-01-01')).toHaveLength(carried);
    const answered = all<{ n: number }>(
      `SELECT count(*) AS n FROM request WHERE ${inYear} AND answered_date IS NOT NULL`,
    )[0].n;
    expect(requests.filter((r) => r.deadline.state === '按期办结' || r.deadline.state === '逾期办结')).toHaveLength(
      answered,
    );
    // Open ones past their due date are 逾期, as a plain date comparison says.
    for (const r of requests.filter((x) => x.answeredDate === null && x.deadline.dueDate)) {
      expect(r.deadline.state === '逾期').toBe(r.deadline.dueDate! < TODAY);
    }

    const open = await t().call('rectification.list', { year: 2026, openOnly: true });
    const byState = all<{ state: string; n: number }>(
      `SELECT state, count(*) AS n FROM rectification WHERE year = 2026 AND state <> '已销号' GROUP BY state`,
    );
    expect(byState.length).toBeGreaterThan(0);
    for (const s of byState) expect(open.filter((r) => r.state === s.state)).toHaveLength(s.n);
    const overdue = all<{ n: number }>(
      `SELECT count(*) AS n FROM rectification WHERE year = 2026 AND state IN ('未开始', '整改中') AND deadline < ?`,
      TODAY,
    )[0].n;
    expect(open.filter((r) => r.overdue)).toHaveLength(overdue);
  });
});
