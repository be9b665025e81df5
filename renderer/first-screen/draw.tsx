// The first screen drawn by the host (issue 22). A cold start of the window spends ≈ 0.4 s fetching, compiling and
// running its start-up code before React draws anything, then waits for the home screen's data and charts: the home
// screen's figures stood on screen only ≈ 0.8–1.2 s after the window opened. So the host (the web host, or Electron's
// app:// handler) draws the home screen itself, with this same code and the same data calls, and sends it in the page:
// the window shows the figures and charts with its first paint. The window's own render then takes over
// (take-over.ts) once it has its data, and only from then do clicks work.
//
// Built for Node on its own (scripts/build-first-screen.mjs → out/first-screen/draw.cjs) and loaded by the host at
// run time (main/app/first-screen.ts): the host's own code never imports the renderer's.
import { createCache, extractStyle } from '@ant-design/cssinjs';
import { theme } from 'antd';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { renderToString } from 'react-dom/server';
import type { AppStatus } from '../../shared/ipc/contracts/foundation';
import type { Result } from '../../shared/ipc/result';
import { answerCallsOnHost } from '../api/call';
import { preloadScreens } from '../area';
import { drawChartsOnHost } from '../components/EChart';
import { echarts } from '../components/echarts-setup';
import { drawWithAnswers } from '../hooks';
import { AppRoot } from '../root';

dayjs.locale('zh-cn');

// The host's worker also matches each drawing against the page's stylesheet (main/app/first-screen.ts).
export { criticalCss } from './critical-css';

/** The page's font (antd's), which the window's charts also use. */
const FONT = theme.getDesignToken().fontFamily;

/**
 * Charts drawn lately, by option and size: a chart costs ≈ 15 ms, the rest of the screen ≈ 50 ms, and a window opened
 * again mostly shows the same data. (An option's functions are not in its text: they only format what it holds.)
 */
const drawnCharts = new Map<string, string>();
const DRAWN_CHARTS_MAX = 32;

drawChartsOnHost((option, { width, height }) => {
  const key = JSON.stringify([width, height, option]);
  let svg = drawnCharts.get(key);
  if (svg === undefined) {
    const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width, height });
    try {
      chart.setOption({ textStyle: { fontFamily: FONT }, animation: false, ...option });
      svg = chart.renderToSVGString();
    } finally {
      chart.dispose();
    }
  }
  drawnCharts.delete(key);
  drawnCharts.set(key, svg);
  if (drawnCharts.size > DRAWN_CHARTS_MAX) drawnCharts.delete(drawnCharts.keys().next().value!);
  return svg;
});

export interface DrawnScreen {
  /** The app's markup, for the page's root element. */
  html: string;
  /** The theme's CSS variables as style elements (the window's own render writes the same), put before the root. */
  styles: string;
}

/** The prefix of the drawing's ids: none of the prebuilt stylesheet's rules names it. */
const ID_PREFIX = 'zwgk-host-';

/** One drawing at a time: the answers a drawing keeps are this module's, shared by every call. */
let queue: Promise<unknown> = Promise.resolve();

/**
 * Draws the home screen for a workstation whose file is ready (`status`), reading through `invoke` (the host's
 * dispatch). Null when there is nothing to draw ahead: another first screen (setup, recovery), or a read that failed.
 */
export function drawHomeScreen(
  status: AppStatus,
  invoke: (method: string, input: unknown) => Promise<Result<unknown>>,
): Promise<DrawnScreen | null> {
  const drawing = queue.then(async (): Promise<DrawnScreen | null> => {
    if (status.state !== 'ready' || status.year === null) return null;
    // Every lazy part loaded first (the home screen, and the 从这里开始 steps it shows a bureau without staff): a part
    // still to load would be drawn as its fallback, nothing.
    await preloadScreens();
    answerCallsOnHost(invoke);
    const styles = createCache();
    // Ids of the drawing's own (React's useId): antd names the theme's CSS variables' class by one (css-var-<id>), and
    // the prebuilt stylesheet (antd's, built by rendering on a server too) has rules for the first server ids with
    // antd's default theme. Once the window's code moved the drawing's theme before them (antd's cache moves server
    // styles to the head), the drawn screen turned to antd's blue and round corners until the window took over.
    const html = await drawWithAnswers(() =>
      renderToString(<AppRoot styles={styles} status={status} />, { identifierPrefix: ID_PREFIX }),
    );
    return html === null ? null : { html, styles: extractStyle(styles) };
  });
  queue = drawing.catch(() => undefined);
  return drawing;
}
