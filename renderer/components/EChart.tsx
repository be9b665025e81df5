// One chart on a screen, drawn by ECharts with only the parts the workstation uses (bar and pie charts, grid,
// tooltip, legend, SVG renderer), so the bundle stays small. Clicking a bar or slice calls `onPick` with the series
// and the data item: cards use it to open the list behind the number.
import { BarChart, PieChart, type BarSeriesOption, type PieSeriesOption } from 'echarts/charts';
import {
  GridComponent,
  LegendComponent,
  TooltipComponent,
  type GridComponentOption,
  type LegendComponentOption,
  type TooltipComponentOption,
} from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { useEffect, useRef } from 'react';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export type ChartOption = echarts.ComposeOption<
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
  const chart = useRef<echarts.ECharts | null>(null);
  const pick = useRef(onPick);
  pick.current = onPick;

  useEffect(() => {
    if (!box.current) return;
    const c = echarts.init(box.current, undefined, { renderer: 'svg' });
    chart.current = c;
    c.on('click', (p) => pick.current?.(p as unknown as ChartPick));
    const ro = new ResizeObserver(() => c.resize());
    ro.observe(box.current);
    return () => {
      ro.disconnect();
      c.dispose();
      chart.current = null;
    };
  }, []);

  useEffect(() => {
    chart.current?.setOption({ textStyle: { fontFamily: 'inherit' }, animationDuration: 300, ...option }, true);
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
