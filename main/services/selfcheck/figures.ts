// Figures the 工作总结, the 首页 and the 核对 quote from 自查整改 (read through figuresFor, never through the tables):
// the year's self-check score (an annual figure), the 整改台账 as it stood on the period's last day, the 回头看 of
// last year's plan; and the lists 二、存在的问题 and 三、下一步工作打算 start from.
import { todayOf } from '../../../shared/domain/dates';
import type { Period } from '../../../shared/domain/period';
import { gradeText, type Rectification } from '../../../shared/domain/selfcheck';
import type { OpenRectification, SummaryLists } from '../../../shared/domain/summary';
import { previousPeriod } from '../../../shared/domain/period';
import { pairFigures, type FigureProvider } from '../summary/provider';
import type { AppContext } from '../workstation';
import { rectificationContradictions, STALE_COLUMN } from './contradictions';
import { lookback } from './lookback';
import { carriedRectifications, listRectifications } from './rectification';
import { selfcheckProblems } from './report';
import { scoreYear } from './scores';

export { selfcheckProblems } from './report';

/**
 * The year's 整改 items as they stood on the period's last day (known by then; 完成/销号 by then). An item belongs to
 * the year it is registered for, whenever it was keyed in: the whole year counts every item of the year (an office
 * often enters last year's 第三方评估 findings this year). Within the year, an item is known from the earliest date
 * its records give: its first progress, its completion or 销号, or the day it was entered.
 */
async function ledgerAt(ctx: AppContext, period: Period) {
  const current = period.to >= todayOf(ctx);
  const created = new Map(
    (
      await ctx.db.selectFrom('rectification').select(['id', 'created_at']).where('year', '=', period.year).execute()
    ).map((r) => [r.id, r.created_at.slice(0, 10)]),
  );
  const knownOn = (r: Rectification) =>
    [created.get(r.id), r.progress[0]?.date, r.completedOn, r.closedOn].filter((d): d is string => !!d).sort()[0] ?? '';
  const items = (await listRectifications(ctx, { year: period.year })).filter(
    (r) => period.kind === 'year' || knownOn(r) <= period.to,
  );
  // A state without its date counts only while the period runs (it is today's state).
  const dated = (state: boolean, date: string | null) => state && (date ? date <= period.to : current);
  const closed = (r: Rectification) => dated(r.state === '已销号', r.closedOn);
  const completed = (r: Rectification) => dated(r.state === '已完成' || r.state === '已销号', r.completedOn);
  // Due on the period's last day is not overdue on it, as the 整改 light says of an item due today.
  const overdue = (r: Rectification) =>
    !completed(r) && (current ? r.overdue : r.deadline !== null && r.deadline < period.to);
  return { items, closed, completed, overdue };
}

async function periodFigures(ctx: AppContext, period: Period): Promise<Record<string, number | string | null>> {
  const out: Record<string, number | string | null> = {};
  if (period.kind === 'year') {
    const s = await scoreYear(ctx, period.year);
    if (s) {
      const problems = await selfcheckProblems(ctx, period.year);
      // A score and a grade only when the self-check gives one: every indicator rated, or marked 暂定 (the grade then
      // says so), or vetoed. Until then only how many are rated (未评 indicators count nothing, so a partial sum would
      // read as a low score). 满分 is the base; the bonus on top is its own figure ("100＋加分8").
      const r = s.result;
      Object.assign(out, {
        'selfcheck.score': r.grade !== null ? r.total : null,
        'selfcheck.maxScore': r.maxBase,
        'selfcheck.maxBonus': r.maxBonus,
        'selfcheck.grade': gradeText(r),
        'selfcheck.rated': r.scoredLeaves,
        'selfcheck.leaves': r.leaves,
        // What was lost, like the score, only for a self-check that gives a grade: a partial count would print as final.
        'selfcheck.deducted':
          r.grade === null
            ? null
            : Math.round(r.indicators.filter((n) => n.kind !== 'bonus').reduce((a, n) => a + n.deducted, 0) * 100) /
              100,
        // 失分 items only: a 单项否决 that happened takes no points (it decides the grade, said on its own).
        'selfcheck.deductedItems': r.grade === null ? null : problems.filter((p) => p.deducted > 0).length,
      });
    }
  }
  const l = await ledgerAt(ctx, period);
  Object.assign(out, {
    'rectification.opened': l.items.length,
    'rectification.closed': l.items.filter(l.closed).length,
    'rectification.awaitingClosure': l.items.filter((r) => l.completed(r) && !l.closed(r)).length,
    'rectification.open': l.items.filter((r) => !l.closed(r)).length,
    'rectification.overdue': l.items.filter(l.overdue).length,
    // The 首页's 整改事项 card counts every year's open items: a figure of its own, named so.
    'rectification.openAllYears': (await listRectifications(ctx, { openOnly: true })).length,
  });
  // Earlier years' items still open at the period's end: the 整改情况报告 and the 自查报告 list them as 往年遗留, so
  // the 总结 says them too.
  const carried = (await carriedRectifications(ctx, period.year)).filter(
    (r) => !l.closed(r) && !(r.state === '已销号' && r.closedOn === null),
  );
  Object.assign(out, {
    'rectification.carriedOpen': carried.length,
    'rectification.carriedOverdue': carried.filter(l.overdue).length,
  });
  if (period.kind === 'year') {
    const lb = await lookback(ctx, period.year);
    if (lb.hasPlan) {
      out['lookback.unfinished'] = lb.tasks.filter((t) => t.outcome === '未完成').length;
      out['lookback.followedUp'] = lb.tasks.filter(
        (t) => t.outcome === '未完成' && (t.rectificationId !== null || t.carriedTaskId !== null),
      ).length;
    }
  }
  return out;
}

/**
 * Last year's values without a 整改台账 that was not kept then: a bureau in its first year on the workstation has no
 * ledger of the year before (no item of that year or earlier), and its 0 would make "登记整改事项 较上年增加1项" of
 * items nobody registered here. A ledger that was kept but empty at the time keeps its 0.
 */
async function previousFigures(ctx: AppContext, period: Period): Promise<Record<string, number | string | null>> {
  const prev = previousPeriod(period);
  const values = await periodFigures(ctx, prev);
  const kept = await ctx.db
    .selectFrom('rectification')
    .select('id')
    .where('year', '<=', prev.year)
    .limit(1)
    .executeTakeFirst();
  return kept ? values : Object.fromEntries(Object.entries(values).filter(([k]) => !k.startsWith('rectification.')));
}

export const selfcheckFigures: FigureProvider = async (ctx, period) =>
  pairFigures(period, await periodFigures(ctx, period), await previousFigures(ctx, period));

/** Items of the year still to be worked on at the period's end (not 完成, not 销号), as the 总结 plans them. */
export async function openRectifications(ctx: AppContext, period: Period): Promise<OpenRectification[]> {
  const l = await ledgerAt(ctx, period);
  return l.items
    .filter((r) => !l.completed(r))
    .map((r) => ({
      problem: r.problem,
      measure: r.measure,
      deadline: r.deadline,
      state: l.overdue(r) ? `${r.state}（逾期）` : r.state,
    }));
}

/** The lists the 工作总结 starts 二、存在的问题 and 三、下一步工作打算 from, for the period. */
export async function selfcheckLists(ctx: AppContext, period: Period): Promise<Partial<SummaryLists>> {
  const problems = period.kind === 'year' ? await selfcheckProblems(ctx, period.year) : [];
  const l = await ledgerAt(ctx, period);
  // A finding fixed and 销号 by the period's end is resolved (its 整改 carries the finding's words).
  const resolved = new Set(l.items.filter(l.closed).map((r) => r.problem));
  // An item 销号 whose closing the records contradict (its tasks still overdue) is not said to be 整改到位.
  const doubted = await rectificationContradictions(ctx, period.year, l.items);
  const findings = [
    ...problems.filter((p) => STALE_COLUMN.test(`${p.indicator}${p.reason}`)).map((p) => p.reason),
    ...l.items.filter((r) => STALE_COLUMN.test(r.problem)).map((r) => r.problem),
  ];
  return {
    selfcheckProblems: problems,
    openRectifications: await openRectifications(ctx, period),
    closedRectifications: l.items
      .filter((r) => l.closed(r) && r.closedOn !== null && r.closedOn >= period.from && !doubted.has(r.id))
      .map((r) => ({ problem: r.problem, closedOn: r.closedOn! })),
    columnFindings: [...new Set(findings)].map((text) => ({ text, resolved: resolved.has(text) })),
  };
}
