// ECharts with only the parts the workstation draws (bar and pie charts, grid, tooltip, legend, SVG renderer).
// Its own chunk, loaded by EChart.tsx (loadECharts) and never imported statically: the window's first paint does not
// wait for ECharts to be fetched and evaluated.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

// Labels are measured by ECharts' own estimate (each Chinese character one em, Latin letters and digits by a table of
// typical widths: its way on a server), not on a canvas. A cold start spent ≈ 40 ms of the home screen's charts in
// canvas measureText: ECharts measures all 128 ASCII characters once per font size, and a canvas's first use of each
// size resolves the page's long font list for every one of them. The estimate is exact for Chinese and within a pixel
// or so for the short Latin and digit runs the charts have (months, counts). Without a canvas ECharts uses it itself.
echarts.setPlatformAPI({ createCanvas: () => null as unknown as HTMLCanvasElement });

export { echarts };
