// Each provider's figures against the records they come from, counted here independently with plain SQL, on the
// example year (with every task given a dated time limit, so "overdue" is a plain date comparison in SQL).
import { describe, expect, it } from 'vitest';
import { collectFigures, getSummary } from '../../../main/services/summary/summaries';
import { paragraphText } from '../../../shared/domain/summary';
import { exampleYearPerTest } from '../../helpers/example-year';

const TODAY = '2026-11-20';
const t = exampleYearPerTest(TODAY);

const one = (sql: string, ...args: unknown[]) =>
  Object.values(
    t()
      .ws.context()
      .raw.prepare(sql)
      .get(...args) as Record<string, number>,
  )[0];

describe('figure providers', () => {
  it('count the plan, trainings, AB posts and 上级文件 as the records say', async () => {
    const raw = t().ws.context().raw;
    // Dated limits only: some before today, some after.
    raw
      .prepare(
        `UPDATE plan_task SET deadline_kind = 'date', deadline_recurrence = NULL, deadline_days = NULL,
      deadline_date = CASE WHEN id % 3 = 0 THEN '2026-06-30' ELSE '2026-12-31' END`,
      )
      .run();
    const f = await collectFigures(t().ws.context(), 2026);
    const planTasks = `FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2026`;
    const tasks = one(`SELECT count(*) ${planTasks}`);
    const done = one(`SELECT count(*) ${planTasks} AND t.status = '已完成'`);
    const na = one(`SELECT count(*) ${planTasks} AND t.status = '不适用'`);
    expect(tasks).toBeGreaterThan(20);
    // The example data has last year's plan too (回头看): its count is the figure's previous value.
    const lastYear = one(`SELECT count(*) FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2025`);
    expect(lastYear).toBeGreaterThan(0);
    expect(f['plan.tasks']).toEqual({ value: tasks, previous: lastYear, source: expect.any(String) });
    expect(f['plan.done'].value).toBe(done);
    expect(f['plan.inProgress'].value).toBe(one(`SELECT count(*) ${planTasks} AND t.status = '进行中'`));
    expect(f['plan.notStarted'].value).toBe(one(`SELECT count(*) ${planTasks} AND t.status = '未开始'`));
    const overdue = one(
      `SELECT count(*) ${planTasks} AND t.status NOT IN ('已完成', '不适用') AND t.deadline_date < ?`,
      TODAY,
    );
    expect(overdue).toBeGreaterThan(0);
    expect(f['plan.overdue'].value).toBe(overdue);
    expect(f['plan.unfinished'].value).toBe(tasks - done - na);
    expect(f['plan.completionRate'].value).toBe(Math.round((done / (tasks - na)) * 1000) / 10);
    expect(f['plan.progressEntries'].value).toBe(
      one(
        `SELECT count(*) FROM plan_progress pr JOIN plan_task t ON t.id = pr.task_id JOIN plan p ON p.id = t.plan_id WHERE p.year = 2026`,
      ),
    );
    expect(f['plan.evidence'].value).toBe(
      one(
        `SELECT count(*) FROM plan_evidence e JOIN plan_progress pr ON pr.id = e.progress_id JOIN plan_task t ON t.id = pr.task_id JOIN plan p ON p.id = t.plan_id WHERE p.year = 2026`,
      ),
    );
    expect(f['plan.sections'].value).toBe(one(`SELECT count(DISTINCT t.section_id) ${planTasks}`));
    const sections = raw
      .prepare(
        `SELECT s.title, count(*) AS n, sum(t.status = '已完成') AS d FROM plan_task t JOIN plan_section s ON s.id = t.section_id JOIN plan p ON p.id = s.plan_id WHERE p.year = 2026 GROUP BY s.id`,
      )
      .all() as { title: string; n: number; d: number }[];
    for (const s of sections) {
      expect(f[`plan.section.${s.title}.tasks`].value).toBe(s.n);
      expect(f[`plan.section.${s.title}.done`].value).toBe(s.d);
    }
    expect(f['points.documents'].value).toBe(one(`SELECT count(*) FROM source_document WHERE year = 2026`));

    const held = (y: number) => `FROM training WHERE status = '已举办' AND date BETWEEN '${y}-01-01' AND '${y}-12-31'`;
    expect(f['training.count']).toMatchObject({
      value: one(`SELECT count(*) ${held(2026)}`),
      previous: one(`SELECT count(*) ${held(2025)}`),
    });
    expect(f['training.count'].previous).toBe(2);
    expect(f['training.special'].value).toBe(one(`SELECT count(*) ${held(2026)} AND kind = '政务公开专题培训'`));
    expect(f['training.hours'].value).toBe(one(`SELECT sum(hours_tenths) ${held(2026)}`) / 10);
    expect(f['training.attendance']).toMatchObject({
      value: one(
        `SELECT count(*) FROM training_attendee WHERE present = 1 AND training_id IN (SELECT id ${held(2026)})`,
      ),
      previous: one(
        `SELECT count(*) FROM training_attendee WHERE present = 1 AND training_id IN (SELECT id ${held(2025)})`,
      ),
    });
    expect(f['training.people'].value).toBe(
      one(
        `SELECT count(DISTINCT staff_id) FROM training_attendee WHERE present = 1 AND training_id IN (SELECT id ${held(2026)})`,
      ),
    );

    expect(f['ab.posts'].value).toBe(one(`SELECT count(*) FROM ab_post WHERE active = 1`));
    expect(f['ab.holders'].value).toBe(one(`SELECT count(DISTINCT staff_id) FROM ab_holding WHERE end_date IS NULL`));
    const changes = `FROM ab_change WHERE change_date BETWEEN '2026-01-01' AND '2026-12-31'`;
    expect(f['ab.changes'].value).toBe(one(`SELECT count(*) ${changes}`));
    expect(f['ab.filedOnTime'].value).toBe(
      one(`SELECT count(*) ${changes} AND filed_date IS NOT NULL AND filed_date <= filing_due`),
    );
    expect(f['ab.unfiled'].value).toBe(one(`SELECT count(*) ${changes} AND filed_date IS NULL`));
    expect(f['ab.unfiled'].value).toBe(1);
    // The other areas' providers are wired in too, and count their own registers.
    expect(f['disclosure.published'].value).toBe(
      one(`SELECT count(*) FROM publication WHERE published_date BETWEEN '2026-01-01' AND '2026-12-31'`),
    );
    expect(f['disclosure.requestsReceived'].value).toBe(
      one(`SELECT count(*) FROM request WHERE received_date BETWEEN '2026-01-01' AND '2026-12-31'`),
    );
    for (const x of Object.values(f)) expect(x.source).toMatch(/[\u4e00-\u9fa5]/);
  });

  it('the example draft quotes those figures and reads like a bureau summary', async () => {
    const ctx = t().ws.context();
    const s = (await getSummary(ctx, 2026, '年度'))!;
    const text = s.paragraphs.map((p) => p.heading + paragraphText(p, s.figures)).join('\n');
    expect(s.length).toBeGreaterThanOrEqual(2000);
    expect(s.length).toBeLessThanOrEqual(3500);
    const tasks = one(`SELECT count(*) FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2026`);
    expect(text).toContain(`分解落实重点任务${tasks}项`);
    expect(text).toContain(
      `组织开展政务公开培训${one(`SELECT count(*) FROM training WHERE date >= '2026-01-01' AND status = '已举办'`)}次`,
    );
    const { full_name: bureau } = ctx.raw.prepare('SELECT full_name FROM bureau').get() as { full_name: string };
    expect(text.startsWith(`2026年，${bureau}坚持`)).toBe(true);
    for (const h of ['一、主要做法和成效', '二、存在的问题', '三、下一步工作打算']) expect(text).toContain(h);
    expect(text).toMatch(/一是.+二是.+三是/);
  });
});
