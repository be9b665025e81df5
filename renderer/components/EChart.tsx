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
import { createContext, useContext, useEffect, useLayoutEffect, useRef } from 'react';
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
 * The font the chart's box has (read once, after the first chart's box is laid out): the charts' text is drawn in the
 * page's font, not ECharts' default. (Not the CSS keyword 'inherit': a chart's text then fell back to 10px sans-serif.)
 */
let boxFont: string | null = null;

/** Draws `option` afresh (not merged into the previous one), in the page's font. */
function show(c: ECharts, option: ChartOption, animate = true): void {
  c.setOption(
    { textStyle: { fontFamily: boxFont ?? 'sans-serif' }, animation: animate, animationDuration: 300, ...option },
    true,
  );
}

/**
 * Draws `option` unless the chart already shows it (compared as text: functions such as formatters follow from the
 * data): a screen opened again with the same data redraws nothing.
 */
function update(p: Parked, option: ChartOption, animate = true): void {
  const key = JSON.stringify(option);
  if (key === p.shown) return;
  p.shown = key;
  show(p.chart, option, animate);
}

/**
 * Charts whose screen was left, by label, kept drawn but detached: the screen's next opening puts them back and
 * redraws only a chart whose option changed (issue 22: creating the home screen's seven charts again was most of its
 * second opening). The oldest beyond PARKED_MAX are disposed.
 */
interface Parked {
  chart: ECharts;
  /** The element ECharts draws in (inside the component's box, which stays React's). */
  holder: HTMLDivElement;
  shown: string;
}
const parked = new Map<string, Parked>();
const PARKED_MAX = 16;

function park(label: string, p: Parked): void {
  p.holder.remove();
  const before = parked.get(label);
  if (before && before.chart !== p.chart) before.chart.dispose();
  parked.delete(label);
  parked.set(label, p);
  if (parked.size > PARKED_MAX) {
    const [oldest, q] = parked.entries().next().value!;
    parked.delete(oldest);
    q.chart.dispose();
  }
}

// ---- charts drawn on the host (issue 22) ----
// Where the host draws the first screen (renderer/first-screen), each chart is drawn there too, as SVG text in its box;
// in the window that drawing stands in the chart's box until ECharts has drawn the chart itself.
type HostDraw = (option: ChartOption, size: { width: number; height: number }) => string;
let drawOnHost: HostDraw | null = null;
export function drawChartsOnHost(draw: HostDraw): void {
  drawOnHost = draw;
}
/** The width of a chart's box on the office screen (1366 px wide), set by the card: the host cannot measure it. */
export const ChartWidthOnHost = createContext(312);
/** The host's drawing of the chart with this label, if the window still shows the screen the host drew. */
function hostDrawing(label: string): Element | null {
  const boxes = document.getElementById('zwgk-host-drawn')?.querySelectorAll('[role="img"]') ?? [];
  const box = [...boxes].find((b) => b.getAttribute('aria-label') === label);
  return box?.firstElementChild ?? null;
}
// ---- end of charts drawn on the host ----

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
  const chart = useRef<Parked | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;
  const latest = useRef(option);
  latest.current = option;
  const named = useRef(label);
  named.current = label;

  // A layout effect: a kept chart is back before the screen is first painted (no empty box for a frame).
  useLayoutEffect(() => {
    const el = box.current;
    if (!el) return;
    let gone = false;
    let size: { width: number; height: number } | null = null;
    const listen = (c: ECharts) => c.on('click', (p) => pick.current?.(p as unknown as ChartPick));
    // A chart kept from this screen's last opening is back at once, redrawn only if its data changed.
    const back = parked.get(named.current);
    if (back) {
      parked.delete(named.current);
      el.appendChild(back.holder);
      back.chart.off('click');
      listen(back.chart);
      chart.current = back;
      update(back, latest.current);
    }
    let stand = back ? undefined : (hostDrawing(named.current)?.cloneNode(true) as Element | undefined);
    if (stand) el.appendChild(stand);
    const create = (echarts: typeof EChartsApi) => {
      if (gone || chart.current || !size) return;
      // In place of the host's drawing the chart appears as it stood, not growing from nothing.
      const replacing = stand !== undefined;
      stand?.remove();
      stand = undefined;
      boxFont ??= getComputedStyle(el).fontFamily || 'sans-serif';
      const holder = document.createElement('div');
      holder.style.cssText = 'width: 100%; height: 100%';
      el.appendChild(holder);
      const c = echarts.init(holder, undefined, { renderer: 'svg', ...size });
      listen(c);
      chart.current = { chart: c, holder, shown: '' };
      update(chart.current, latest.current, !replacing);
    };
    const loaded = back ? null : preloadCharts();
    // The first report comes after the browser's layout of the new page; later ones follow the window's size.
    const ro = new ResizeObserver(([entry]) => {
      const { width, height } = entry.contentRect;
      if (width <= 0 || height <= 0) return;
      size = { width, height };
      const c = chart.current?.chart;
      if (c) {
        if (Math.abs(c.getWidth() - width) > 0.5 || Math.abs(c.getHeight() - height) > 0.5) c.resize(size);
      } else
        loaded?.then(
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
      // Under the label it has now: a label that quotes the data finds its chart again only if the data is the same.
      if (chart.current) park(named.current, chart.current);
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    if (chart.current) update(chart.current, option);
  }, [option]);

  const hostWidth = useContext(ChartWidthOnHost);
  const drawn = drawOnHost?.(option, { width: hostWidth, height });
  return (
    <div
      ref={box}
      role="img"
      aria-label={label}
      style={{ width: '100%', height, cursor: onPick ? 'pointer' : 'default' }}
      dangerouslySetInnerHTML={drawn === undefined ? undefined : { __html: drawn }}
    />
  );
}
