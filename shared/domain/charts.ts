// The charts that appear both on the home dashboard (drawn by ECharts in the browser) and in the 工作总结's 附件
// (drawn by ECharts on the Node side to SVG, then to a PNG picture): one option builder per chart, so the printed
// picture shows what the screen shows. Pure data → ECharts option; only ECharts' types are imported.
import type { EChartsOption } from 'echarts';
import { bareTitle } from './titles';

/** The office's palette: 已完成 green, 进行中 blue, 未开始 grey, 已逾期 red, 即将到期 orange. */
export const CHART_COLORS = {
  done: '#52c41a',
  inProgress: '#1677ff',
  notStarted: '#bfbfbf',
  overdue: '#cf1322',
  dueSoon: '#fa8c16',
  none: '#d9d9d9',
} as const;

/**
 * Fonts for a chart picture, in order: what Windows offices have (微软雅黑, 宋体), then what 统信UOS/麒麟 and Debian
 * have. The picture renderer takes the first one the machine has; the screen uses the page's own font.
 */
const PRINT_FONT_FAMILIES = [
  'Microsoft YaHei',
  'SimSun',
  'Noto Sans CJK SC',
  'Source Han Sans SC',
  'WenQuanYi Micro Hei',
  'Noto Serif CJK SC',
] as const;

export interface ChartLook {
  /** For a picture in a document: a title in the picture, no animation, a white background, longer names. */
  print?: boolean;
  /** Title drawn in the picture (print only). */
  title?: string;
}

function printFrame(look: ChartLook): EChartsOption {
  if (!look.print) return {};
  return {
    animation: false,
    backgroundColor: '#ffffff',
    textStyle: {
      fontFamily: PRINT_FONT_FAMILIES.map((f) => `'${f}'`).join(', ') + ', sans-serif',
      fontSize: 13,
      color: '#262626',
    },
    ...(look.title
      ? { title: { text: look.title, left: 'center', top: 4, textStyle: { fontSize: 16, fontWeight: 'bold' } } }
      : {}),
  };
}

/** Punctuation a line may not start with (it stays at the end of the line before). */
const NO_LINE_START = /^[，。、；：？！”’）》」』〕】…%]/;

/**
 * A category name broken into lines of at most `width` characters: never cut, the whole name shows (a chart label
 * with "…" loses the words the office wrote). The lines are of about equal length (no single character left over on
 * a line of its own), and a closing mark never starts a line.
 */
export function wrapLabel(text: string, width: number): string {
  const chars = [...text.trim()];
  const count = Math.max(1, Math.ceil(chars.length / width));
  const size = Math.ceil(chars.length / count);
  const lines: string[] = [];
  let line = '';
  for (const c of chars) {
    if ([...line].length >= size && !NO_LINE_START.test(c)) {
      lines.push(line);
      line = '';
    }
    line += c;
  }
  if (line) lines.push(line);
  return lines.join('\n');
}

/** How a plan section is named on the chart: its bare title without the 要点's leading "围绕/聚焦/关于" (on purpose). */
export function sectionChartName(title: string): string {
  return bareTitle(title).replace(/^(围绕|聚焦|关于)/, '');
}

/** Characters per line of a section's name: 8 on the screen's narrow card, 12 in the 附件's picture. */
const labelWidth = (look: ChartLook) => (look.print ? 12 : 8);

export interface SectionBar {
  title: string;
  done: number;
  inProgress: number;
  notStarted: number;
}

/** The series of the plan-progress chart, in stacking order; `key` is the field of SectionBar. */
export const PLAN_PROGRESS_SERIES = [
  { key: 'done', name: '已完成', color: CHART_COLORS.done },
  { key: 'inProgress', name: '进行中', color: CHART_COLORS.inProgress },
  { key: 'notStarted', name: '未开始', color: CHART_COLORS.notStarted },
] as const;

/**
 * 实施方案 progress: one stacked horizontal bar per section (已完成 / 进行中 / 未开始). `notStartedName` renames the
 * last part (the 附件 says 未开始等 or 未完成); `withoutInProgress` leaves out 进行中 (a period already over, whose
 * statuses are not known, shows only 已完成 and 未完成).
 */
export function planProgressOption(
  sections: readonly SectionBar[],
  look: ChartLook = {},
  notStartedName = '未开始',
  withoutInProgress = false,
): EChartsOption {
  const names = sections.map((s) => wrapLabel(sectionChartName(s.title), labelWidth(look)));
  const top = look.print ? (look.title ? 62 : 34) : 28;
  return {
    ...printFrame(look),
    tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } },
    legend: { top: look.print && look.title ? 32 : 0, itemWidth: 12, itemHeight: 10 },
    grid: { left: look.print ? 190 : 112, right: look.print ? 24 : 16, top, bottom: 22 },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: {
      type: 'category',
      data: names,
      inverse: true,
      axisLabel: { fontSize: look.print ? 13 : 11, lineHeight: look.print ? 16 : 13 },
    },
    series: PLAN_PROGRESS_SERIES.filter((x) => !withoutInProgress || x.key !== 'inProgress').map((x) => ({
      type: 'bar' as const,
      name: x.key === 'notStarted' ? notStartedName : x.name,
      stack: 'all',
      color: x.color,
      barMaxWidth: look.print ? 22 : 18,
      data: sections.map((s) => s[x.key]),
    })),
  };
}

/** Height in pixels that gives each section's bar and its wrapped name room (screen and picture). */
export function planProgressHeight(sections: readonly { title: string }[], look: ChartLook = {}): number {
  const rows = sections.reduce(
    (a, s) => a + Math.max(1, wrapLabel(sectionChartName(s.title), labelWidth(look)).split('\n').length),
    0,
  );
  const extra = Math.max(0, rows - sections.length);
  return look.print
    ? Math.max(220, 100 + sections.length * 34 + extra * 16)
    : Math.max(170, 30 + sections.length * 28 + extra * 13);
}

export interface TrainingMonth {
  month: number;
  count: number;
  hours: number;
}

/** Trainings held per month: count and hours side by side. */
export function trainingMonthsOption(months: readonly TrainingMonth[], look: ChartLook = {}): EChartsOption {
  const top = look.print ? (look.title ? 62 : 34) : 28;
  return {
    ...printFrame(look),
    tooltip: { trigger: 'axis' },
    legend: { top: look.print && look.title ? 32 : 0, itemWidth: 12, itemHeight: 10 },
    grid: { left: look.print ? 40 : 28, right: 8, top, bottom: 22 },
    xAxis: {
      type: 'category',
      data: months.map((m) => `${m.month}月`),
      axisLabel: { fontSize: look.print ? 12 : 10, interval: 0 },
    },
    yAxis: { type: 'value', minInterval: 1 },
    series: [
      {
        type: 'bar',
        name: '次数',
        color: CHART_COLORS.inProgress,
        barMaxWidth: look.print ? 16 : 12,
        data: months.map((m) => m.count),
      },
      {
        type: 'bar',
        name: '学时',
        color: CHART_COLORS.done,
        barMaxWidth: look.print ? 16 : 12,
        data: months.map((m) => m.hours),
      },
    ],
  };
}

/** Trainings of a year's list grouped by month (the 附件 and the dashboard count the same way). */
export function trainingsByMonth(trainings: readonly { date: string; hours: number }[]): TrainingMonth[] {
  const months = Array.from({ length: 12 }, (_, i) => ({ month: i + 1, count: 0, tenths: 0 }));
  for (const t of trainings) {
    const m = months[Number(t.date.slice(5, 7)) - 1];
    if (!m) continue;
    m.count++;
    m.tenths += Math.round(t.hours * 10);
  }
  return months.map((m) => ({ month: m.month, count: m.count, hours: m.tenths / 10 }));
}
