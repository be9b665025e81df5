// The figure registry on the example year: each provider's figures against the records they come from, counted here
// independently with plain SQL, for the year and for the first half; every name is in the catalogue and in
// docs/DEVELOPING.md; the 首页's cards read the same figures; both drafts quote them for their own period.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dashboard } from '../../../main/services/summary/dashboard';
import { collectFigures, figuresFor } from '../../../main/services/summary/figures';
import { halfPeriod, yearPeriod } from '../../../shared/domain/period';
import { paragraphText, type Summary } from '../../../shared/domain/summary';
import { FIGURE_CATALOG, FIGURE_FAMILIES, figureGivenFor } from '../../../shared/domain/summary-figures';
import { exampleYearPerTest } from '../../helpers/example-year';
import { lateInterpretations } from '../../helpers/working-days';

const TODAY = '2026-11-20';
const t = exampleYearPerTest(TODAY);

const one = (sql: string, ...args: unknown[]) =>
  Number(
    Object.values(
      t()
        .ws.context()
        .raw.prepare(sql)
        .get(...args) as Record<string, number>,
    )[0],
  );
const text = (s: Summary) => s.paragraphs.map((p) => p.heading + paragraphText(p, s.figures)).join('\n');

describe('figure registry', () => {
  it('counts the plan, trainings, AB posts and 上级文件 as the records say', async () => {
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
    const done = one(`SELECT count(*) ${planTasks} AND t.status = '已完成' AND t.completed_on <= '2026-12-31'`);
    const na = one(`SELECT count(*) ${planTasks} AND t.status = '不适用'`);
    expect(tasks).toBeGreaterThan(20);
    // The example data has last year's plan too (回头看): its count is the figure's previous value.
    const lastYear = one(`SELECT count(*) FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2025`);
    expect(lastYear).toBeGreaterThan(0);
    expect(f['plan.tasks']).toEqual({
      value: tasks,
      previous: lastYear,
      source: '实施方案：2026年实施方案中的重点任务（全部）',
    });
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
    // The software's bookkeeping is no figure of the bureau's work.
    expect(Object.keys(f).filter((k) => /progressEntries|evidence/i.test(k))).toEqual([]);
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

    const held = (from: string, to: string) =>
      `FROM training WHERE status = '已举办' AND date BETWEEN '${from}' AND '${to}'`;
    expect(f['training.count']).toMatchObject({
      value: one(`SELECT count(*) ${held('2026-01-01', '2026-12-31')}`),
      previous: one(`SELECT count(*) ${held('2025-01-01', '2025-12-31')}`),
    });
    expect(f['training.hours'].value).toBe(one(`SELECT sum(hours_tenths) ${held('2026-01-01', '2026-12-31')}`) / 10);
    expect(f['training.attendance'].value).toBe(
      one(
        `SELECT count(*) FROM training_attendee WHERE present = 1 AND training_id IN (SELECT id ${held('2026-01-01', '2026-12-31')})`,
      ),
    );
    expect(f['ab.posts'].value).toBe(one(`SELECT count(*) FROM ab_post WHERE active = 1`));
    // Today's state has no value a year earlier.
    expect(f['ab.posts'].previous).toBeNull();
    const changes = `FROM ab_change WHERE change_date BETWEEN '2026-01-01' AND '2026-12-31'`;
    expect(f['ab.changes'].value).toBe(one(`SELECT count(*) ${changes}`));
    expect(f['ab.unfiled'].value).toBe(one(`SELECT count(*) ${changes} AND filed_date IS NULL`));
    // Not filed is overdue only past its time limit (today ${TODAY}); filed after it is late.
    expect(f['ab.filingOverdue'].value).toBe(
      one(`SELECT count(*) ${changes} AND filed_date IS NULL AND filing_due < '${TODAY}'`),
    );
    expect(f['ab.filingPending'].value).toBe(
      one(`SELECT count(*) ${changes} AND filed_date IS NULL AND filing_due >= '${TODAY}'`),
    );
    expect(f['ab.filedLate'].value).toBe(one(`SELECT count(*) ${changes} AND filed_date > filing_due`));

    // The first half: records dated 1 January–30 June only.
    const h = await figuresFor(t().ws.context(), halfPeriod(2026));
    const halfTrainings = one(`SELECT count(*) ${held('2026-01-01', '2026-06-30')}`);
    expect(h['training.count']?.value ?? 0).toBe(halfTrainings);
    expect(h['disclosure.published'].value).toBe(
      one(`SELECT count(*) FROM publication WHERE published_date BETWEEN '2026-01-01' AND '2026-06-30'`),
    );
    expect(h['disclosure.published'].value).toBeLessThan(f['disclosure.published'].value as number);
    expect(h['plan.done'].value).toBe(
      one(`SELECT count(*) ${planTasks} AND t.status = '已完成' AND t.completed_on <= '2026-06-30'`),
    );
    // An annual figure is not given for a half year; today's statuses are not given for a period already over.
    for (const name of Object.keys(h)) expect(figureGivenFor(name, halfPeriod(2026)), name).toBe(true);
    expect(h['selfcheck.score']).toBeUndefined();
    expect(h['disclosure.requestsCarriedOut']).toBeUndefined();
    expect(h['plan.inProgress']).toBeUndefined();
  });

  it('names 上年结转 and 结转下年度, 予以公开 and 部分公开 apart, as 表三 counts them', async () => {
    const f = await collectFigures(t().ws.context(), 2026);
    const req = (where: string) => one(`SELECT count(*) FROM request WHERE ${where}`);
    const carriedIn = req(`received_date < '2026-01-01' AND (answered_date IS NULL OR answered_date >= '2026-01-01')`);
    const carriedOut = req(`received_date <= '2026-12-31' AND answered_date IS NULL`);
    const answered = `answered_date BETWEEN '2026-01-01' AND '2026-12-31'`;
    expect(f['disclosure.requestsCarriedIn'].value).toBe(carriedIn);
    expect(f['disclosure.requestsCarriedOut'].value).toBe(carriedOut);
    expect(f['disclosure.requestsFullyDisclosed'].value).toBe(req(`${answered} AND result = '三.一'`));
    expect(f['disclosure.requestsPartlyDisclosed'].value).toBe(req(`${answered} AND result = '三.二'`));
    expect(f['disclosure.requestsFullyOrPartlyDisclosed'].value).toBe(
      req(`${answered} AND result IN ('三.一', '三.二')`),
    );
    expect(f['disclosure.requestsNotDisclosed'].value).toBe(req(`${answered} AND result LIKE '三.三.%'`));
    expect(f['disclosure.requestsReceived'].value).toBe(req(`received_date BETWEEN '2026-01-01' AND '2026-12-31'`));
    expect(f['disclosure.interpretationsLate'].value).toBe(
      lateInterpretations(t().ws.context().raw, '2026-01-01', '2026-12-31'),
    );
  });

  it('every figure has one catalogued name, and docs/DEVELOPING.md lists every name', async () => {
    const names = [
      ...Object.keys(await collectFigures(t().ws.context(), 2026)),
      ...Object.keys(await figuresFor(t().ws.context(), halfPeriod(2026))),
    ];
    for (const name of names)
      expect(name in FIGURE_CATALOG || FIGURE_FAMILIES.some((x) => x.pattern.test(name)), name).toBe(true);
    const docs = fs.readFileSync('docs/DEVELOPING.md', 'utf8');
    for (const name of Object.keys(FIGURE_CATALOG)) expect(docs, name).toContain(`\`${name}\``);
    for (const family of FIGURE_FAMILIES) expect(docs, family.name).toContain(`\`${family.name}\``);
    for (const f of Object.values(await collectFigures(t().ws.context(), 2026))) expect(f.source).toMatch(/^[^：]+：/);
  });

  it('the 首页 cards read the registry’s figures: this year’s 整改 and every year’s, each named', async () => {
    const d = await dashboard(t().ws.context(), 2026);
    expect(d.figures).toEqual(await figuresFor(t().ws.context(), yearPeriod(2026)));
    const thisYear = one(`SELECT count(*) FROM rectification WHERE year = 2026 AND state <> '已销号'`);
    const allYears = one(`SELECT count(*) FROM rectification WHERE state <> '已销号'`);
    expect(d.figures['rectification.open'].value).toBe(thisYear);
    expect(d.figures['rectification.openAllYears'].value).toBe(allYears);
    // The example year has open items of last year too: the two cards count different scopes, and say which.
    expect(allYears).toBeGreaterThan(thisYear);
    expect(d.figures['rectification.open'].source).toContain('2026年');
    expect(d.figures['rectification.openAllYears'].source).toContain('各年度');
    expect(d.figures['training.count'].value).toBe(
      one(`SELECT count(*) FROM training WHERE status = '已举办' AND date BETWEEN '2026-01-01' AND '2026-12-31'`),
    );
    expect(d.figures['plan.tasks'].value).toBe(d.sections.reduce((a, s) => a + s.tasks, 0));
    const cards = fs.readFileSync('renderer/features/selfcheck/RectHomeCard.tsx', 'utf8');
    expect(cards).toContain("'rectification.openAllYears'");
    expect(cards).toContain('各年度');
    expect(fs.readFileSync('renderer/features/selfcheck/RectChartCard.tsx', 'utf8')).toContain("'rectification.open'");
  });
});

describe('the example year’s drafts', () => {
  it('the 年度总结 quotes the year’s figures; the 上半年总结 those of January–June and no later record', async () => {
    const year = (await t().call('summary.get', { year: 2026, kind: '年度' }))!;
    const all = text(year);
    const published = one(
      `SELECT count(*) FROM publication WHERE published_date BETWEEN '2026-01-01' AND '2026-12-31'`,
    );
    expect(all).toContain(`今年以来主动公开政府信息${published}条`);
    const carriedIn = one(
      `SELECT count(*) FROM request WHERE received_date < '2026-01-01' AND (answered_date IS NULL OR answered_date >= '2026-01-01')`,
    );
    expect(all).toContain(`上年结转${carriedIn}件`);
    const fully = one(
      `SELECT count(*) FROM request WHERE answered_date BETWEEN '2026-01-01' AND '2026-12-31' AND result = '三.一'`,
    );
    expect(all).toContain(`予以公开${fully}件`);
    const { full_name: bureau } = t().ws.context().raw.prepare('SELECT full_name FROM bureau').get() as {
      full_name: string;
    };
    expect(all.startsWith(`2026年，${bureau}坚持`)).toBe(true);
    for (const h of ['一、主要做法和成效', '二、存在的问题', '三、下一步工作打算']) expect(all).toContain(h);
    expect(all).toMatch(/一是.+二是.+三是/);
    // 同步 is claimed exactly when no 解读 came out more than 3 working days after its document; otherwise the
    // problem is named with its figure.
    const late = lateInterpretations(t().ws.context().raw, '2026-01-01', '2026-12-31');
    if (late === 0) {
      expect(all.split('二、存在的问题')[0]).toMatch(/同步(审签|发布)/);
      expect(all).not.toContain('解读未在文件公开后3个工作日内发布');
    } else {
      expect(all.split('二、存在的问题')[0]).not.toMatch(/同步(审签|发布)/);
      expect(all).toContain(`今年以来有${late}篇解读未在文件公开后3个工作日内发布`);
    }
    expect(all).not.toMatch(/进展\d+条|佐证材料\d+份/);

    const half = await t().call('summary.create', { year: 2026, kind: '半年' });
    expect(half.signatureDate.slice(0, 7)).toBe('2026-07');
    const h = text(half);
    expect(h).toContain(
      `上半年主动公开政府信息${one(`SELECT count(*) FROM publication WHERE published_date BETWEEN '2026-01-01' AND '2026-06-30'`)}条`,
    );
    const later = t()
      .ws.context()
      .raw.prepare(
        `SELECT title FROM publication WHERE published_date > '2026-06-30' UNION ALL SELECT title FROM training WHERE date > '2026-06-30'`,
      )
      .all() as { title: string }[];
    expect(later.length).toBeGreaterThan(0);
    for (const r of later) expect(h, r.title).not.toContain(r.title);
  });
});
