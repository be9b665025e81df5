// The 总结 of both kinds tells the records' truth, on real SQLite files: a small hand-made year (small-year.ts) and an
// almost empty one. Every figure the text states equals the figure counted here with plain SQL for the document's own
// period (the year, or 1 January–30 June); the 上半年总结 names no record of the second half and is dated in July;
// compliance is claimed only where the records bear it out; no zero is printed as a count; 下一步 carries no date of
// the year and no finished item.
import { describe, expect, it } from 'vitest';
import { annualReport } from '../../../main/services/disclosure/report';
import { figuresFor } from '../../../main/services/summary/figures';
import { summaryTables } from '../../../main/services/summary/exports';
import { summaryLists } from '../../../main/services/summary/summaries';
import { emptyYearInput } from '../../../shared/domain/disclosure';
import { halfPeriod, yearPeriod } from '../../../shared/domain/period';
import {
  figureLabel,
  figuresUsed,
  paragraphText,
  summaryPeriodOn,
  type Summary,
  type SummaryKind,
} from '../../../shared/domain/summary';
import { workstationsPerTest, type TestWorkstation } from '../../helpers/workstation';
import { lateInterpretations, workingDaysAfter } from '../../helpers/working-days';
import { buildSmallYear, SMALL_TODAY, TITLES } from './small-year';
import { formatFigureValue } from '../../../shared/domain/summary-figures';

const open = workstationsPerTest();

async function smallYear(): Promise<TestWorkstation> {
  const t = await open({ year: 2026, now: () => new Date(`${SMALL_TODAY}T10:00:00`) });
  await buildSmallYear(t);
  return t;
}

const one = (t: TestWorkstation, sql: string, ...args: unknown[]) =>
  Number(
    Object.values(
      t.ws
        .context()
        .raw.prepare(sql)
        .get(...args) as Record<string, number>,
    )[0],
  );

const text = (s: Summary) => s.paragraphs.map((p) => p.heading + paragraphText(p, s.figures)).join('\n');
const section = (s: Summary, from: string, to?: string) => {
  const all = text(s);
  const start = all.indexOf(from);
  return all.slice(start, to ? all.indexOf(to) : undefined);
};
/** 开头 and 一、主要做法和成效: where the text describes the bureau's work (and may claim compliance). */
const practice = (s: Summary) => text(s).split('二、存在的问题')[0];

/** A zero printed as a count ("0条", "0件" …). */
const ZERO_COUNT = /(?<![\d.])0(?:\.0)?(条|件|次|项|人次|人|个|学时|篇|份|%|分)/;

/** Counts of the registers for the days [from, to], in plain SQL. */
function counted(t: TestWorkstation, from: string, to: string) {
  return {
    published: one(t, `SELECT count(*) FROM publication WHERE published_date BETWEEN ? AND ?`, from, to),
    interpretations: one(
      t,
      `SELECT count(*) FROM publication WHERE interpretation = 1 AND published_date BETWEEN ? AND ?`,
      from,
      to,
    ),
    interpretationsLate: lateInterpretations(t.ws.context().raw, from, to),
    received: one(t, `SELECT count(*) FROM request WHERE received_date BETWEEN ? AND ?`, from, to),
    carriedIn: one(
      t,
      `SELECT count(*) FROM request WHERE received_date < ? AND (answered_date IS NULL OR answered_date >= ?)`,
      from,
      from,
    ),
    answered: one(t, `SELECT count(*) FROM request WHERE answered_date BETWEEN ? AND ?`, from, to),
    fully: one(t, `SELECT count(*) FROM request WHERE answered_date BETWEEN ? AND ? AND result = '三.一'`, from, to),
    partly: one(t, `SELECT count(*) FROM request WHERE answered_date BETWEEN ? AND ? AND result = '三.二'`, from, to),
    openAtEnd: one(
      t,
      `SELECT count(*) FROM request WHERE received_date <= ? AND (answered_date IS NULL OR answered_date > ?)`,
      to,
      to,
    ),
    trainings: one(t, `SELECT count(*) FROM training WHERE status = '已举办' AND date BETWEEN ? AND ?`, from, to),
    planned: one(t, `SELECT count(*) FROM training WHERE status = '计划' AND date BETWEEN ? AND ?`, from, to),
    tasks: one(t, `SELECT count(*) FROM plan_task t JOIN plan p ON p.id = t.plan_id WHERE p.year = 2026`),
    done: one(
      t,
      `SELECT count(*) FROM plan_task t JOIN plan p ON p.id = t.plan_id
       WHERE p.year = 2026 AND t.status = '已完成' AND t.completed_on <= ?`,
      to,
    ),
    rectOpened: one(t, `SELECT count(*) FROM rectification WHERE year = 2026 AND substr(created_at, 1, 10) <= ?`, to),
    rectClosed: one(
      t,
      `SELECT count(*) FROM rectification WHERE year = 2026 AND state = '已销号' AND closed_on <= ?
       AND substr(created_at, 1, 10) <= ?`,
      to,
      to,
    ),
    rectOpenAllYears: one(t, `SELECT count(*) FROM rectification WHERE state <> '已销号'`),
  };
}

/** Every figure a template quotes is the registry's figure for the summary's period, as counted now. */
async function quotesItsPeriod(t: TestWorkstation, s: Summary, kind: SummaryKind) {
  const fresh = await figuresFor(t.ws.context(), summaryPeriodOn(s.year, kind, SMALL_TODAY));
  const used = [...new Set(s.paragraphs.flatMap((p) => figuresUsed(p.template)))];
  expect(used.length).toBeGreaterThan(5);
  for (const name of used) expect(s.figures[name], name).toEqual(fresh[name]);
}

describe('a small hand-made year', () => {
  it('figures count their period, as plain SQL counts them and as the 年报 prints them', async () => {
    const t = await smallYear();
    const ctx = t.ws.context();
    for (const period of [yearPeriod(2026), halfPeriod(2026)]) {
      const f = await figuresFor(ctx, period);
      const c = counted(t, period.from, period.to);
      const v = (name: string) => f[name]?.value;
      expect(v('disclosure.published'), period.kind).toBe(c.published);
      expect(v('disclosure.interpretations')).toBe(c.interpretations);
      expect(v('disclosure.interpretationsLate')).toBe(c.interpretationsLate);
      expect(v('disclosure.requestsReceived')).toBe(c.received);
      expect(v('disclosure.requestsCarriedIn')).toBe(c.carriedIn);
      expect(v('disclosure.requestsAnswered')).toBe(c.answered);
      expect(v('disclosure.requestsFullyDisclosed')).toBe(c.fully);
      expect(v('disclosure.requestsPartlyDisclosed')).toBe(c.partly);
      expect(v('disclosure.requestsFullyOrPartlyDisclosed')).toBe(c.fully + c.partly);
      // 结转下年度 is the year's figure; the half year says how many were still open on 30 June.
      expect(v(period.kind === 'year' ? 'disclosure.requestsCarriedOut' : 'disclosure.requestsOpenAtEnd')).toBe(
        c.openAtEnd,
      );
      expect(f[period.kind === 'year' ? 'disclosure.requestsOpenAtEnd' : 'disclosure.requestsCarriedOut']).toBe(
        undefined,
      );
      expect(v('training.count')).toBe(c.trainings);
      expect(v('training.planned')).toBe(c.planned);
      expect(v('plan.tasks')).toBe(c.tasks);
      expect(v('plan.done')).toBe(c.done);
      expect(v('rectification.opened')).toBe(c.rectOpened);
      expect(v('rectification.closed')).toBe(c.rectClosed);
      expect(v('rectification.openAllYears')).toBe(c.rectOpenAllYears);
    }
    // The half year and the year differ where the records say they should (the test would not catch a year's count
    // quoted for the half otherwise).
    const y = counted(t, '2026-01-01', '2026-12-31');
    const h = counted(t, '2026-01-01', '2026-06-30');
    expect([y.published, y.trainings, y.done, y.answered]).not.toEqual([h.published, h.trainings, h.done, h.answered]);

    // The 年报's own cells: 表三 二 is 上年结转, 表三 四 is 结转下年度, 三.一 is 予以公开, 三.二 部分公开.
    const f = await figuresFor(ctx, yearPeriod(2026));
    const report = await annualReport(ctx, 2026);
    const cell = (key: string) => report.requests.rows.find((r) => r.key === key)!.values.at(-1);
    expect(f['disclosure.requestsCarriedIn'].value).toBe(cell('二'));
    expect(f['disclosure.requestsCarriedOut'].value).toBe(cell('四'));
    expect(f['disclosure.requestsFullyDisclosed'].value).toBe(cell('三.一'));
    expect(f['disclosure.requestsPartlyDisclosed'].value).toBe(cell('三.二'));
    expect(cell('二')).not.toBe(cell('四'));
    // Last year's 结转下年度 is this year's 上年结转.
    expect(f['disclosure.requestsCarriedIn'].value).toBe(
      (await figuresFor(ctx, yearPeriod(2025)))['disclosure.requestsCarriedOut'].value,
    );
    // Overdue at 30 June (due before it, done later) is not overdue today; the one overdue today is not due by 30 June.
    expect((await figuresFor(ctx, halfPeriod(2026)))['plan.overdue'].value).toBe(
      one(
        t,
        `SELECT count(*) FROM plan_task WHERE deadline_date < '2026-06-30'
         AND NOT (status = '已完成' AND completed_on <= '2026-06-30')`,
      ),
    );
    expect(f['plan.overdue'].value).toBe(
      one(
        t,
        `SELECT count(*) FROM plan_task WHERE status NOT IN ('已完成', '不适用') AND deadline_date < ?`,
        SMALL_TODAY,
      ),
    );
  });

  it('made on 10 December, the 年度总结 says 今年以来 and compares with 1 January–10 December of the year before', async () => {
    const t = await smallYear();
    const s = await t.call('summary.create', { year: 2026, kind: '年度' });
    const received = (from: string, to: string) =>
      one(t, `SELECT count(*) FROM request WHERE received_date BETWEEN ? AND ?`, from, to);
    const now = received('2026-01-01', SMALL_TODAY);
    const samePeriod = received('2025-01-01', '2025-12-10');
    // The year before has an application after 10 December: its whole year and its same days differ.
    expect(received('2025-01-01', '2025-12-31')).toBeGreaterThan(samePeriod);
    expect(s.figures['disclosure.requestsReceived']).toMatchObject({ value: now, previous: samePeriod });
    const all = text(s);
    expect(all).toContain(`今年以来新收政府信息公开申请${now}件，较上年同期增加${now - samePeriod}件`);
    expect(all).not.toMatch(/全年|较上年[增减]|与上年持平/);
  });

  it('made on 10 December and refreshed in January, it says 全年 and is signed no earlier than 31 December', async () => {
    let now = new Date(`${SMALL_TODAY}T10:00:00`);
    const t = await open({ year: 2026, now: () => now });
    await buildSmallYear(t);
    const s = await t.call('summary.create', { year: 2026, kind: '年度' });
    expect(s.signatureDate).toBe(SMALL_TODAY);
    now = new Date('2027-01-12T10:00:00');
    const r = await t.call('summary.refresh', { id: s.id });
    // Its words now state the whole year (全年, 结转下年度), which could not be said on 10 December.
    expect(r.signatureDate).toEqual({ from: SMALL_TODAY, to: '2026-12-31' });
    expect(r.summary.signatureDate).toBe('2026-12-31');
    const all = text(r.summary);
    const received = one(t, `SELECT count(*) FROM request WHERE received_date BETWEEN '2026-01-01' AND '2026-12-31'`);
    expect(all).toContain(`全年新收政府信息公开申请${received}件`);
    expect(all).toContain('结转下年度继续办理');
    expect(all).not.toContain('今年以来');
    // Once dated so, a refresh leaves the date as it is.
    expect((await t.call('summary.refresh', { id: s.id })).signatureDate).toBeNull();
  });

  it('the 年度总结 states those figures, names the bureau’s work, and claims only what the records bear out', async () => {
    const t = await smallYear();
    const s = await t.call('summary.create', { year: 2026, kind: '年度' });
    await quotesItsPeriod(t, s, '年度');
    const all = text(s);
    const c = counted(t, '2026-01-01', '2026-12-31');
    expect(all).toContain(`今年以来主动公开政府信息${c.published}条`);
    expect(all).toContain(`今年以来新收政府信息公开申请${c.received}件`);
    expect(all).toContain(`上年结转${c.carriedIn}件`);
    expect(all).toContain(`办结${c.answered}件，其中予以公开${c.fully}件、部分公开${c.partly}件`);
    // Made on 10 December: the open ones are that day's (both inside their 答复期限), not yet 结转下年度.
    expect(all).toContain(`截至12月10日尚有${c.openAtEnd}件正在办理（未到答复期限）`);
    expect(all).not.toContain('结转下年度');
    expect(all).toContain(`今年以来举办政务公开培训${c.trainings}次`);
    expect(all).toContain(`${c.tasks}项重点任务中已完成${c.done}项`);
    // By name: the documents, 解读, trainings held (not the planned one), tasks done, 整改 closed.
    for (const title of [TITLES.doc1, TITLES.doc2, TITLES.interp1, TITLES.interp2, TITLES.t1, TITLES.t2, TITLES.t3])
      expect(all).toContain(title);
    expect(all).not.toContain(TITLES.t4);
    expect(all).toContain(`已完成“${TITLES.taskA}”“${TITLES.taskB}”任务`);
    expect(all).toContain(`“${TITLES.closed}”等问题已整改到位`);
    expect(all).not.toMatch(/进展记录|佐证/);

    // One 解读 came out 23 days (16 working days) after its document: no 同步 claim; 存在的问题 names it with its
    // figures.
    const pair = t.ws
      .context()
      .raw.prepare(
        `SELECT i.published_date AS i, d.published_date AS d FROM publication i
         JOIN publication d ON d.id = i.interprets_id WHERE i.title = ?`,
      )
      .get(TITLES.interp1) as { i: string; d: string };
    const days = workingDaysAfter(pair.d, pair.i);
    expect(days).toBeGreaterThan(3);
    expect(practice(s)).not.toContain('同步');
    const problems = section(s, '二、存在的问题', '三、下一步工作打算');
    expect(problems).toContain(
      `今年以来有${c.interpretationsLate}篇解读未在文件公开后3个工作日内发布，其中“${TITLES.interp1}”在所解读文件公开${days}个工作日后才发布`,
    );
    // One item published more than 20 working days after it was formed: no 及时 claim, the problem named.
    expect(practice(s)).not.toMatch(/及时|20个工作日内公开/);
    expect(problems).toContain(`如“${TITLES.lateItem}”在形成后第`);
    // A stale 栏目 being fixed: no 栏目 claim; it is a problem, and 下一步 plans its 整改.
    expect(problems).toContain(`栏目维护还不到位。自查和整改中发现：${TITLES.stale}`);
    // 9% by December: not 扎实推进, not 有序推进.
    expect(all).not.toMatch(/扎实推进|有序推进/);
    expect(all).not.toMatch(ZERO_COUNT);

    // 下一步: next year's work only; no date of 2026, no finished task, no 整改 already done.
    const next = section(s, '三、下一步工作打算');
    expect(next).not.toMatch(/2026年\d+月/);
    expect(next).toMatch(/2027年/);
    for (const done of [TITLES.taskA, TITLES.taskB, TITLES.awaiting, TITLES.closed]) expect(next).not.toContain(done);
    expect(next).toContain(`“${TITLES.stale.replace(/“/g, '‘').replace(/”/g, '’')}”的整改`);
  });

  it('the 上半年总结 counts 1 January–30 June only, is dated in July, and names no record of the second half', async () => {
    const t = await smallYear();
    const s = await t.call('summary.create', { year: 2026, kind: '半年' });
    expect(s.signatureDate >= '2026-07-01' && s.signatureDate <= '2026-07-31').toBe(true);
    await quotesItsPeriod(t, s, '半年');
    const all = text(s);
    const c = counted(t, '2026-01-01', '2026-06-30');
    expect(all).toContain(`上半年主动公开政府信息${c.published}条`);
    expect(all).toContain(`上半年新收政府信息公开申请${c.received}件`);
    expect(all).toContain(`上年结转${c.carriedIn}件`);
    expect(all).toContain(`截至6月底尚有${c.openAtEnd}件正在办理`);
    expect(all).toContain(`上半年举办政务公开培训${c.trainings}次`);
    expect(all).not.toContain('结转下年度');
    // No record dated after 30 June: publications, trainings, 整改 registered later, tasks completed later.
    const later = t.ws
      .context()
      .raw.prepare(
        `SELECT title FROM publication WHERE published_date > '2026-06-30'
         UNION ALL SELECT title FROM training WHERE date > '2026-06-30'
         UNION ALL SELECT problem FROM rectification WHERE substr(created_at, 1, 10) > '2026-06-30'`,
      )
      .all() as { title: string }[];
    expect(later.length).toBeGreaterThan(4);
    for (const r of later) expect(all, r.title).not.toContain(r.title);
    // Task B was done in September: on 30 June it was overdue, never "done".
    expect(practice(s)).not.toContain(TITLES.taskB);
    expect(practice(s)).toContain(`已完成“${TITLES.taskA}”任务`);
    expect(section(s, '二、存在的问题', '三、下一步工作打算')).toContain(TITLES.taskB);
    // Dates quoted before 下一步 lie in January–June.
    for (const m of text(s)
      .split('三、下一步工作打算')[0]
      .matchAll(/2026年(\d+)月/g))
      expect(Number(m[1])).toBeLessThanOrEqual(6);
    expect(all).not.toMatch(ZERO_COUNT);

    // The 附件 tables: the same figures, headed by the period, nothing of another scope, trainings of January–June.
    const tables = await summaryTables(s, await summaryLists(t.ws.context(), s.id), async () => null);
    expect(tables.map((x) => x.title)).toEqual([
      '2026年上半年政务公开工作主要数据',
      '2026年上半年重点任务完成情况',
      '2026年上半年政务公开培训情况',
    ]);
    expect(tables[0].columns.map((c) => c.header)).toEqual(['序号', '项目', '2026年上半年', '2025年上半年', '增减']);
    const byLabel = new Map(Object.entries(s.figures).map(([name, f]) => [figureLabel(name, f), f]));
    for (const row of tables[0].rows) expect(row[2], row[1]).toBe(formatFigureValue(byLabel.get(row[1])!.value));
    expect(tables[0].rows.some((r) => r[1].includes('各年度'))).toBe(false);
    expect(tables[2].rows.map((r) => r[2])).toEqual([TITLES.t1]);
  });
});

describe('an almost empty year', () => {
  it('gives a short honest draft of both kinds: no "0条/0件/0次", no claims', async () => {
    const t = await open({ year: 2026, now: () => new Date(`${SMALL_TODAY}T10:00:00`) });
    // What an office has on its first day: the 年报's 表二 opened, a training planned, a plan with nothing done.
    await t.call('disclosure.saveYearInput', emptyYearInput(2026));
    await t.call('training.create', {
      date: '2026-12-20',
      title: '政务公开业务培训',
      kind: '业务学习',
      form: '集中授课',
      status: '计划',
      hours: 1,
    });
    await t.call('plan.save', { year: 2026, title: '2026年政务公开工作实施方案' });
    const plan = await t.call('plan.createSection', { year: 2026, title: '一、主动公开' });
    await t.call('tasks.create', {
      sectionId: plan.sections[0].id,
      title: '更新政府信息公开指南',
      deadline: { kind: 'date', date: '2026-12-31' },
      status: '未开始',
      completedOn: null,
    });
    for (const kind of ['年度', '半年'] as const) {
      const s = await t.call('summary.create', { year: 2026, kind });
      const all = text(s);
      expect(all, kind).not.toMatch(ZERO_COUNT);
      expect(all).not.toMatch(/扎实推进|有序推进|同步发布|均在|全部向社会公开|更新及时/);
      expect(s.length).toBeLessThan(1500);
      for (const h of ['一、主要做法和成效', '二、存在的问题', '三、下一步工作打算']) expect(all).toContain(h);
    }
  });
});
