// The 工作总结 export: the stored draft (created from the data when there is none) with the 附件 tables built from the
// same figures snapshot and lists as its text, so the tables never disagree with the paragraphs.
import {
  compareWithPrevious,
  countedBeforeEnd,
  figureLabel,
  paragraphText,
  summaryFileName,
  summaryPeriodOn,
  type Figures,
  type Summary,
  type SummaryKind,
  type SummaryLists,
} from '../../../shared/domain/summary';
import {
  CHART_COLORS,
  planProgressHeight,
  planProgressOption,
  sectionChartName,
  trainingMonthsOption,
  trainingsByMonth,
} from '../../../shared/domain/charts';
import { SIZE } from '../../export/gongwen/format';
import { SPECIAL_TRAINING_KIND } from '../../../shared/domain/training';
import { previousPeriod } from '../../../shared/domain/period';
import { FIGURE_CATALOG, periodName, formatFigureValue } from '../../../shared/domain/summary-figures';
import { chartPicture, type ChartPicture } from '../../export/summary/chart-image';
import type { BarChartData } from '../../export/summary/chart-xml';
import { buildSummaryDocx, type SummaryDocTable } from '../../export/summary/summary-docx';
import type { Exporter } from '../exporter';
import type { AppContext } from '../workstation';
import { ensureSummary, summaryLists } from './summaries';
import { bareTitle } from '../../../shared/domain/titles';

/**
 * Figures a reader of a 总结 does not need in its data table: the software's bookkeeping (解读 without a link, the
 * 细则's 满分, how many indicators are rated), sums and complements of rows already there (已备案 = 按时 + 超时限,
 * 未备案 = 待备案 + 逾期未备案, 予以公开＋部分公开, 20个工作日内 = 全部 − 超时), and today's states kept without history
 * (进行中, 未开始, 启用的岗位), which have no value a year earlier to stand beside (the text says them; 尚未完成 and
 * 配齐的岗位 carry the state with its comparison). Every year's open 整改 is the 首页's figure, not the period's.
 */
const NOT_IN_TABLE = new Set([
  'plan.inProgress',
  'plan.notStarted',
  'ab.posts',
  'ab.filed',
  'ab.unfiled',
  'training.planned',
  'training.requiredSpecial',
  'training.requiredHours',
  'training.shortOfHours',
  'disclosure.publishedOnTime',
  'disclosure.interpretationsUnlinked',
  'disclosure.requestsFullyOrPartlyDisclosed',
  'selfcheck.maxScore',
  'selfcheck.maxBonus',
  'selfcheck.rated',
  'selfcheck.leaves',
  'rectification.openAllYears',
]);

/**
 * Figures that read as a line of the data table: numbers with something counted this period or the last (titles and
 * per-section numbers have their own tables; a row of two zeros says nothing).
 */
function tableFigures(figures: Figures): [string, Figures[string]][] {
  return Object.entries(figures).filter(
    ([k, f]) =>
      !k.startsWith('plan.section.') &&
      !NOT_IN_TABLE.has(k) &&
      FIGURE_CATALOG[k]?.scope !== 'current' &&
      typeof f.value === 'number' &&
      (f.value !== 0 || (typeof f.previous === 'number' && f.previous !== 0)),
  );
}

/** Draws a chart to a picture (ECharts + resvg); tests may pass one that refuses, to see the Word-chart fallback. */
export type DrawChart = (
  option: Parameters<typeof chartPicture>[0],
  width: number,
  height: number,
) => Promise<ChartPicture | null>;

/** Width of a chart in the 附件: the 15.6 cm type area of GB/T 9704, less a little. */
const CHART_WIDTH_CM = 15.5;
/** Pixel width charts are drawn at (the PNG has twice as many): 15.5 cm at about 100 dpi. */
const CHART_WIDTH_PX = 620;

async function chartOf(
  draw: DrawChart,
  native: BarChartData,
  option: Parameters<typeof chartPicture>[0],
  heightPx: number,
): Promise<SummaryDocTable['chart']> {
  const p = await draw(option, CHART_WIDTH_PX, heightPx);
  return {
    native,
    picture: p && { title: native.title, png: p.png, width: p.width, height: p.height, widthCm: CHART_WIDTH_CM },
  };
}

export async function summaryTables(
  s: Summary,
  lists: SummaryLists,
  draw: DrawChart = chartPicture,
): Promise<SummaryDocTable[]> {
  const tables: SummaryDocTable[] = [];
  // Made before the period's end: the figures count 1 January to the day counted (the columns say so), and its end
  // states are that day's, named so (结转下年度 is not yet a fact).
  const early = countedBeforeEnd(s);
  const p = summaryPeriodOn(s.year, s.kind, s.refreshedAt.slice(0, 10));
  const period = periodName(p);
  const data = tableFigures(s.figures);
  const day = early && `${Number(early.slice(5, 7))}月${Number(early.slice(8, 10))}日`;
  // The states at the period's end (not the annual figures: 制发规范性文件, the self-check's score, 回头看).
  const label = (name: string, f: Figures[string]) =>
    day && name === 'disclosure.requestsCarriedOut'
      ? `截至${day}仍在办理的申请（件）`
      : day && FIGURE_CATALOG[name]?.scope === 'periodEnd'
        ? `${figureLabel(name, f)}（截至${day}）`
        : figureLabel(name, f);
  if (data.length) {
    // A bureau in its first year on the workstation has nothing of the year before: no column of dashes and no
    // 增减, the note says there is nothing to compare with.
    const compared = data.some(([, f]) => typeof f.previous === 'number');
    const valueWidth = s.kind === '半年' ? 4 : 3;
    const source = `注：数字按实施方案、培训台账、AB岗、信息发布登记、依申请公开登记、整改台账等记录统计，${
      s.kind === '半年' ? '只计1月1日至6月30日的记录' : '只计本年度的记录'
    }`;
    tables.push({
      title: `${period}政务公开工作主要数据`,
      columns: [
        { header: '序号', weight: 3, align: 'center' },
        { header: '项目', weight: compared ? 12 : 17 },
        // Counted to a day before the period's end, the title names the days; the columns the two years.
        { header: early ? `${s.year}年` : period, weight: compared ? valueWidth : valueWidth + 3, align: 'center' },
        ...(compared
          ? [
              {
                header: early ? `${s.year - 1}年同期` : periodName(previousPeriod(p)),
                weight: valueWidth,
                align: 'center' as const,
              },
              { header: '增减', weight: 5, align: 'center' as const },
            ]
          : []),
      ],
      rows: data.map(([name, f], i) => [
        String(i + 1),
        label(name, f),
        formatFigureValue(f.value),
        ...(compared
          ? [
              formatFigureValue(f.previous),
              compareWithPrevious(f, '', !!early).replace(/^较上年(?:同期)?|^与上年(?:同期)?(?=持平)/, '') || '—',
            ]
          : []),
      ]),
      note: compared
        ? `${source}${day ? `；上年一栏为上年同期的数字，标有“截至${day}”的为当日的状态` : ''}；“—”表示上年同期没有相应记录。`
        : `${source}${day ? `；标有“截至${day}”的为当日的状态` : ''}；上年${early ? '同期' : ''}没有相应记录，不作对比。`,
    });
  }
  const sections = (lists.sections ?? []).filter((x) => x.tasks > 0);
  if (sections.length) {
    const sum = (k: 'tasks' | 'done' | 'unfinished' | 'overdue') => sections.reduce((a, x) => a + x[k], 0);
    // Done among the tasks that apply (不适用 left out), as plan.completionRate counts.
    const rate = (done: number, unfinished: number) =>
      done + unfinished ? `${formatFigureValue(Math.round((done / (done + unfinished)) * 1000) / 10)}%` : '—';
    // While the year runs the bars show today's statuses (the dashboard's chart); a period already over shows only
    // what is known of its end: done by then, or not.
    const current = sections.every((x) => x.inProgress !== null);
    const bars = sections.map((x) => ({
      title: x.title,
      done: x.done,
      inProgress: x.inProgress ?? 0,
      notStarted: x.tasks - x.done - (x.inProgress ?? 0),
    }));
    tables.push({
      title: `${period}重点任务完成情况`,
      ...(s.withCharts
        ? {
            chart: await chartOf(
              draw,
              {
                title: '各方面重点任务完成情况（项）',
                horizontal: true,
                stacked: true,
                widthCm: CHART_WIDTH_CM,
                heightCm: Math.min(9, 2.6 + sections.length * 0.8),
                // Word wraps a long category name itself: the whole name goes in.
                categories: sections.map((x) => sectionChartName(x.title)),
                series: [
                  { name: '已完成', color: CHART_COLORS.done, values: bars.map((x) => x.done) },
                  ...(current
                    ? [{ name: '进行中', color: CHART_COLORS.inProgress, values: bars.map((x) => x.inProgress) }]
                    : []),
                  {
                    name: current ? '未开始等' : '未完成',
                    color: CHART_COLORS.notStarted,
                    values: bars.map((x) => x.notStarted),
                  },
                ],
              },
              // The dashboard's chart; 未开始等 also holds the tasks with another status (不适用 …), so the bars add up to 任务数.
              planProgressOption(
                bars,
                { print: true, title: '各方面重点任务完成情况（项）' },
                current ? '未开始等' : '未完成',
                !current,
              ),
              planProgressHeight(bars, { print: true }),
            ),
          }
        : {}),
      columns: [
        { header: '序号', weight: 3, align: 'center' },
        { header: '工作方面', weight: 11 },
        { header: '任务数', weight: 3, align: 'center' },
        { header: '已完成', weight: 3, align: 'center' },
        { header: '未完成', weight: 3, align: 'center' },
        { header: '已逾期', weight: 3, align: 'center' },
        { header: '完成率', weight: 3, align: 'center' },
      ],
      rows: [
        ...sections.map((x, i) => [
          String(i + 1),
          bareTitle(x.title),
          String(x.tasks),
          String(x.done),
          String(x.unfinished),
          String(x.overdue),
          rate(x.done, x.unfinished),
        ]),
        [
          '',
          '合计',
          String(sum('tasks')),
          String(sum('done')),
          String(sum('unfinished')),
          String(sum('overdue')),
          rate(sum('done'), sum('unfinished')),
        ],
      ],
      note: '注：“已完成”为截至期末已完成的任务；“未完成”不含因情况变化不再适用的任务；完成率为已完成任务占应完成任务的比例。',
    });
  }
  const trainings = lists.trainings ?? [];
  if (trainings.length) {
    // The 上半年总结's chart shows January–June only.
    const months = trainingsByMonth(trainings).filter((m) => s.kind !== '半年' || m.month <= 6);
    tables.push({
      title: `${period}政务公开培训情况`,
      ...(s.withCharts
        ? {
            chart: await chartOf(
              draw,
              {
                title: '各月培训次数与学时',
                widthCm: CHART_WIDTH_CM,
                heightCm: 6.5,
                categories: months.map((m) => `${m.month}月`),
                series: [
                  { name: '次数', color: CHART_COLORS.inProgress, values: months.map((m) => m.count) },
                  { name: '学时', color: CHART_COLORS.done, values: months.map((m) => m.hours) },
                ],
              },
              trainingMonthsOption(months, { print: true, title: '各月培训次数与学时' }),
              280,
            ),
          }
        : {}),
      // 五号, with widths (twips of the 156 mm type area) that hold a date, a 类别 and a 形式 each on its line and
      // give the name 14 characters a line; the date goes in as ISO, printed in 公文 form.
      fontSize: SIZE.wu,
      columns: [
        { header: '序号', weight: 600, align: 'center' },
        { header: '日期', weight: 1985, align: 'center' },
        { header: '培训名称', weight: 3200 },
        { header: '类别', weight: 1440, align: 'center' },
        { header: '形式', weight: 1020, align: 'center' },
        { header: '学时', weight: 600, align: 'center' },
      ],
      rows: trainings.map((t, i) => [
        String(i + 1),
        t.date,
        t.title,
        // The one 类别 longer than the column breaks between its two words, not inside one.
        t.kind === SPECIAL_TRAINING_KIND ? '政务公开\n专题培训' : t.kind,
        t.form,
        formatFigureValue(t.hours),
      ]),
    });
  }
  return tables;
}

export async function summaryDocx(
  ctx: AppContext,
  year: number,
  kind: SummaryKind,
  draw: DrawChart = chartPicture,
): Promise<{ fileName: string; data: Buffer }> {
  const s = await ensureSummary(ctx, year, kind);
  const lists = await summaryLists(ctx, s.id);
  const data = await buildSummaryDocx({
    title: s.title,
    addressee: s.addressee,
    signatureOrg: s.signatureOrg,
    signatureDate: s.signatureDate,
    publicNote: s.publicNote,
    paragraphs: s.paragraphs.map((p) => ({ level: p.level, heading: p.heading, text: paragraphText(p, s.figures) })),
    tables: s.withTables ? await summaryTables(s, lists, draw) : [],
  });
  return { fileName: summaryFileName(year, kind), data };
}

export const SUMMARY_EXPORT_OF_KIND: Record<SummaryKind, 'summary-docx' | 'summary-half-docx'> = {
  年度: 'summary-docx',
  半年: 'summary-half-docx',
};

export const summaryExporters: Record<'summary-docx' | 'summary-half-docx', Exporter> = {
  'summary-docx': {
    label: '年度政务公开工作总结（公文格式 Word；没有草稿时按数据生成）',
    build: (ctx, a) => summaryDocx(ctx, a.year, '年度'),
  },
  'summary-half-docx': {
    label: '上半年政务公开工作总结（公文格式 Word；没有草稿时按数据生成）',
    build: (ctx, a) => summaryDocx(ctx, a.year, '半年'),
  },
};
