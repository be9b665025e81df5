// ECharts with only the parts the workstation draws (bar and pie charts, grid, tooltip, legend, SVG renderer).
// Its own chunk, loaded by EChart.tsx (loadECharts) and never imported statically: the window's first paint does not
// wait for ECharts to be fetched and evaluated.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TooltipComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TooltipComponent, SVGRenderer]);

export { echarts };
