// A chart as a PNG picture for the 工作总结's 附件: ECharts draws the dashboard's own option to an SVG string on the
// Node side (server-side rendering, no DOM), and resvg (a native module) turns the SVG into a PNG. A picture looks
// the same in Word, WPS and LibreOffice, unlike a native Word chart, which LibreOffice shows only as its fallback.
//
// Cost (measured on the 2-core build machine, 620×~300 px chart, zoom 2): quiet, ECharts ~90 ms for the first chart
// (module warm-up) and resvg 380-760 ms a chart, nearly all of it loading and shaping the system's large CJK fonts
// (giving resvg only the one CJK font file was not faster); with the machine loaded (load average 16-18) two pictures
// took 7-11 s. So resvg runs through `renderAsync` on libuv's thread pool, and the thread serving every other call
// only does the ECharts step: the longest event-loop stall while two pictures were drawn under that load was
// 170-280 ms.
import { BarChart, PieChart } from 'echarts/charts';
import { GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import type * as ResvgNs from '@resvg/resvg-js';
import type { EChartsOption } from 'echarts';

echarts.use([BarChart, PieChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

type ResvgModule = typeof ResvgNs;
let resvg: Promise<ResvgModule | null> | null = null;

/** The native module, or null (with the reason logged once) where it cannot load: the export then keeps Word charts. */
function loadResvg(): Promise<ResvgModule | null> {
  resvg ??= import('@resvg/resvg-js').then(
    (m) => (m as unknown as { default?: ResvgModule }).default ?? m,
    (e: unknown) => {
      console.warn(
        '[总结导出] 无法加载图表图片组件（@resvg/resvg-js），附件中的图表改为 Word 图表：',
        e instanceof Error ? e.message : e,
      );
      return null;
    },
  );
  return resvg;
}

/** The family a text without a match falls back to: the platform's usual Chinese font. */
function defaultFamily(): string {
  return process.platform === 'win32'
    ? 'Microsoft YaHei'
    : process.platform === 'darwin'
      ? 'PingFang SC'
      : 'Noto Sans CJK SC';
}

/** The chart as an SVG document (pure JavaScript, quick). */
export function chartSvg(option: EChartsOption, width: number, height: number): string {
  const chart = echarts.init(null, null, { renderer: 'svg', ssr: true, width, height });
  try {
    // A picture has no pointer: the screen's tooltip is left out (its component is not loaded here).
    const { tooltip: _tooltip, ...still } = option;
    chart.setOption({ ...still, animation: false });
    return chart.renderToSVGString();
  } finally {
    // Without dispose the chart's timers keep the Node process (the CLI) alive.
    chart.dispose();
  }
}

export interface ChartPicture {
  png: Buffer;
  /** Size of the drawing in CSS pixels (the PNG has twice as many, for print). */
  width: number;
  height: number;
}

/** The chart as a PNG at twice its size, or null when the picture cannot be made here (the caller falls back). */
export async function chartPicture(option: EChartsOption, width: number, height: number): Promise<ChartPicture | null> {
  const mod = await loadResvg();
  if (!mod) return null;
  try {
    const svg = chartSvg(option, width, height);
    const image = await mod.renderAsync(svg, {
      font: { loadSystemFonts: true, defaultFontFamily: defaultFamily(), sansSerifFamily: defaultFamily() },
      fitTo: { mode: 'zoom', value: 2 },
      background: '#ffffff',
      languages: ['zh-CN'],
    });
    return { png: image.asPng(), width, height };
  } catch (e) {
    console.warn('[总结导出] 生成图表图片失败，附件中的图表改为 Word 图表：', e instanceof Error ? e.message : e);
    return null;
  }
}
