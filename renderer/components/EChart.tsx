// One chart on a screen, drawn by ECharts (echarts-setup.ts: only the parts the workstation uses). Clicking a bar or
// slice calls `onPick` with the series and the data item: cards use it to open the list behind the number.
//
// Start-up (issue 22): a cold start's trace on the example year showed ECharts as the largest single cost of the home
// screen (≈ 760 ms of ≈ 2 070 ms main-thread time under load: setOption ≈ 600 ms, init ≈ 160 ms, of which ≈ 190 ms were
// layouts forced by reading the box's size and offset while the other cards were still being inserted). So ECharts is
// its own chunk, fetched once the home screen's chunk asks for it (preloadCharts) or a chart first mounts, and never
// holds up the first paint; the box is drawn at its final size at once (nothing moves when the chart arrives) and the
// chart is created from the ResizeObserver's first report with that size, after the browser's own layout, instead
// of measuring the box itself.
import type { BarSeriesOption, PieSeriesOption } from 'echarts/charts';
import type { GridComponentOption, LegendComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption, ECharts } from 'echarts/core';
import { useEffect, useRef } from 'react';
import type { echarts as EChartsApi } from './echarts-setup';

export type ChartOption = ComposeOption<
  BarSeriesOption | PieSeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
>;

export interface ChartPick {
  seriesName?: string;
  seriesIndex?: number;
  dataIndex: number;
  name: string;
  value: unknown;
}

/** The office's palette (shared with the chart pictures in the 工作总结). */
export { CHART_COLORS } from '../../shared/domain/charts';

type EChartsModule = { echarts: typeof EChartsApi };
let echartsModule: Promise<EChartsModule> | null = null;

/** Fetches ECharts once (kept for the rest of the session); a screen about to draw charts may call it early. */
export function preloadCharts(): Promise<EChartsModule> {
  echartsModule ??= import('./echarts-setup').catch((e: unknown) => {
    echartsModule = null;
    throw e;
  });
  return echartsModule;
}

/**
 * The font the chart's box has (read once, after the first chart's box is laid out). ECharts measures its labels on a
 * canvas in this font: with the CSS keyword 'inherit', which a canvas refuses, it measured in 10px sans-serif instead
 * (about a sixth narrower than drawn), and each refused font cost a parse (≈ 4× slower measuring; ≈ 65 ms of the home
 * screen's cold start).
 */
let boxFont: string | null = null;

/** Draws `option` afresh (not merged into the previous one), in the page's font. */
function show(c: ECharts, option: ChartOption): void {
  c.setOption({ textStyle: { fontFamily: boxFont ?? 'sans-serif' }, animationDuration: 300, ...option }, true);
}

export function EChart({
  option,
  height = 220,
  label,
  onPick,
}: {
  option: ChartOption;
  height?: number;
  label: string;
  onPick?: (p: ChartPick) => void;
}) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const latest = useRef(option);
  latest.current = option;

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    let gone = false;
    let size: { width: number; height: number } | null = null;
    const create = (echarts: typeof EChartsApi) => {
      if (gone || chart.current || !size) return;
      boxFont ??= getComputedStyle(el).fontFamily || 'sans-serif';
      const c = echarts.init(el, undefined, { renderer: 'svg', ...size });
      chart.current = c;
      c.on('click', (p) => pick.current?.(p as unknown as ChartPick));
      show(c, latest.current);
    };
    const loaded = preloadCharts();
    // The first report comes after the browser's layout of the new page; later ones follow the window's size.
    const ro = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      if (width <= 0 || height <= 0) return;
      size = { width, height };
      if (chart.current) chart.current.resize(size);
      else
        loaded.then(
          (m) => create(m.echarts),
          () => {
            if (!gone) el.textContent = '图表无法显示，请重新打开本页。';
          },
        );
    });
    ro.observe(el);
    return () => {
      gone = true;
      ro.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (chart.current) show(chart.current, option);
  }, [option]);

  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      style={{ width: '100%', height, cursor: onPick ? 'pointer' : 'default' }}
    />
  );
}
