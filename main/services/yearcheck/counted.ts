// The figures the 核对 compares the documents' sentences with, counted from the records: the ONE place the 核对 looks
// figures up, all from the figure registry every area contributes to (figuresFor, the same numbers the 工作总结, the
// 首页 and the 年报's own table 三 give for the year). Names follow the documents' words exactly: 上年结转 is table 三
// 二, 结转下年度 table 三 四, 予以公开 only 三（一）.
import { yearPeriod } from '../../../shared/domain/period';
import { figuresFor } from '../summary/figures';
import type { AppContext } from '../workstation';

/** The figures a sentence of the year's documents may quote, by the names the 核对's messages use. */
export const NAMED_FIGURES = [
  '主动公开条数',
  '新收申请',
  '上年结转',
  '结转下年度',
  '予以公开',
  '行政复议',
  '行政诉讼',
  '规范性文件制发',
  '培训次数',
  '自查得分',
] as const;
export type NamedFigure = (typeof NAMED_FIGURES)[number];

/** The registry's name of each figure (docs/DEVELOPING.md, "Figures"). */
const REGISTRY: Record<NamedFigure, { key: string }> = {
  主动公开条数: { key: 'disclosure.published' },
  新收申请: { key: 'disclosure.requestsReceived' },
  上年结转: { key: 'disclosure.requestsCarriedIn' },
  结转下年度: { key: 'disclosure.requestsCarriedOut' },
  予以公开: { key: 'disclosure.requestsFullyDisclosed' },
  行政复议: { key: 'disclosure.reviews' },
  行政诉讼: { key: 'disclosure.lawsuits' },
  规范性文件制发: { key: 'disclosure.normativeIssued' },
  培训次数: { key: 'training.count' },
  自查得分: { key: 'selfcheck.score' },
};

/** Units the messages print a figure with. */
export const FIGURE_UNITS: Record<NamedFigure, string> = {
  主动公开条数: '条',
  新收申请: '件',
  上年结转: '件',
  结转下年度: '件',
  予以公开: '件',
  行政复议: '件',
  行政诉讼: '件',
  规范性文件制发: '件',
  培训次数: '次',
  自查得分: '分',
};

/** Figures that count nothing-recorded as 0 (a register or ledger with no rows); the 自查得分 has no value then. */
const ZERO_WHEN_ABSENT = new Set<NamedFigure>(NAMED_FIGURES.filter((n) => n !== '自查得分'));

interface CountedFigure {
  value: number | null;
  /** The registry key the figure was read from (the 总结's snapshot holds the same key), or null. */
  key: string | null;
}

export interface CountedYear {
  named: Record<NamedFigure, CountedFigure>;
  /** What the claims are checked against: overdue and unfinished tasks, 整改 items not yet 销号. */
  overdueTasks: number;
  unfinishedTasks: number;
  openRectifications: number;
}

/** Every named figure of the year as the records count it, and the counts the claims are checked against. */
export async function countYear(ctx: AppContext, year: number): Promise<CountedYear> {
  const figures = await figuresFor(ctx, yearPeriod(year));
  const named = {} as Record<NamedFigure, CountedFigure>;
  for (const name of NAMED_FIGURES) {
    const how = REGISTRY[name];
    const v = figures[how.key]?.value;
    named[name] = {
      value: typeof v === 'number' ? v : ZERO_WHEN_ABSENT.has(name) ? 0 : null,
      key: how.key,
    };
  }
  const n = (k: string) => (typeof figures[k]?.value === 'number' ? (figures[k].value as number) : 0);
  return {
    named,
    overdueTasks: n('plan.overdue'),
    unfinishedTasks: n('plan.unfinished'),
    openRectifications: n('rectification.open'),
  };
}
