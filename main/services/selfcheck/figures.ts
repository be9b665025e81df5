// Figures the 年度总结 quotes (another area reads them through these functions, never through the tables).
import type { AppContext } from '../workstation';
import type { SummaryLists } from '../../../shared/domain/summary';
import { gradeText } from '../../../shared/domain/selfcheck';
import { lookback } from './lookback';
import { listRectifications } from './rectification';
import { selfcheckProblems } from './report';
import { scoreYear } from './scores';

export { selfcheckProblems } from './report';

type Figure = { value: number | string | null; previous: number | string | null; source: string };

async function yearFigures(ctx: AppContext, year: number): Promise<Record<string, number | string | null>> {
  const s = await scoreYear(ctx, year);
  const items = await listRectifications(ctx, { year });
  const problems = s ? await selfcheckProblems(ctx, year) : [];
  const lb = await lookback(ctx, year);
  // A score and a grade only when the self-check gives one: every indicator rated, or marked 暂定 (the grade then
  // says so), or vetoed. Until then only how many are rated (未评 indicators count nothing, so a partial sum would
  // read as a low score). 满分 is the base; the bonus on top is its own figure ("100＋加分8").
  const r = s?.result;
  const graded = !!r && r.grade !== null;
  return {
    'selfcheck.score': r && graded ? r.total : null,
    'selfcheck.maxScore': r ? r.maxBase : null,
    'selfcheck.maxBonus': r ? r.maxBonus : null,
    'selfcheck.grade': r ? gradeText(r) : null,
    'selfcheck.rated': r ? r.scoredLeaves : null,
    'selfcheck.leaves': r ? r.leaves : null,
    'selfcheck.deducted': s
      ? Math.round(s.result.indicators.filter((n) => n.kind !== 'bonus').reduce((a, n) => a + n.deducted, 0) * 100) /
        100
      : null,
    'selfcheck.deductedItems': s ? problems.length : null,
    'rectification.opened': items.length,
    'rectification.closed': items.filter((r) => r.state === '已销号').length,
    'rectification.open': items.filter((r) => r.state !== '已销号').length,
    'lookback.unfinished': lb.hasPlan ? lb.tasks.filter((t) => t.outcome === '未完成').length : null,
    'lookback.followedUp': lb.hasPlan
      ? lb.tasks.filter((t) => t.outcome === '未完成' && (t.rectificationId !== null || t.carriedTaskId !== null))
          .length
      : null,
  };
}

const SOURCES: Record<string, string> = {
  'selfcheck.score': '自查评分：自评总分（全部指标评完或标为暂定后才有）',
  'selfcheck.maxScore': '自查评分：细则满分（不含加分）',
  'selfcheck.maxBonus': '自查评分：细则另设的加分',
  'selfcheck.grade': '自查评分：等次（未评完时为空，暂定时注明）',
  'selfcheck.rated': '自查评分：已评的末级指标数',
  'selfcheck.leaves': '自查评分：末级指标总数',
  'selfcheck.deducted': '自查评分：扣分合计',
  'selfcheck.deductedItems': '自查评分：失分指标项数',
  'rectification.opened': '整改台账：本年度登记的整改事项数',
  'rectification.closed': '整改台账：已销号事项数',
  'rectification.open': '整改台账：尚未销号事项数',
  'lookback.unfinished': '回头看：上年度实施方案未完成任务数',
  'lookback.followedUp': '回头看：未完成任务中已转为整改或转入本年度方案的数',
};

export async function selfcheckFigures(ctx: AppContext, year: number): Promise<Record<string, Figure>> {
  const [now, prev] = await Promise.all([yearFigures(ctx, year), yearFigures(ctx, year - 1)]);
  const out: Record<string, Figure> = {};
  for (const key of Object.keys(SOURCES))
    out[key] = { value: now[key] ?? null, previous: prev[key] ?? null, source: SOURCES[key] };
  return out;
}

/** Items of the year not yet 销号, as the 年度总结 lists them. */
export async function openRectifications(
  ctx: AppContext,
  year: number,
): Promise<{ problem: string; measure: string; deadline: string | null; state: string }[]> {
  return (await listRectifications(ctx, { year, openOnly: true })).map((r) => ({
    problem: r.problem,
    measure: r.measure,
    deadline: r.deadline,
    state: r.overdue ? `${r.state}（逾期）` : r.state,
  }));
}

/** The lists the 年度总结 starts 二、存在的问题 and 三、下一步工作打算 from. */
export async function selfcheckLists(ctx: AppContext, year: number): Promise<Partial<SummaryLists>> {
  return {
    selfcheckProblems: await selfcheckProblems(ctx, year),
    openRectifications: await openRectifications(ctx, year),
  };
}
