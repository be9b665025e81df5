// antd's styles, prebuilt (issue 22): with theme.zeroRuntime below antd generates no CSS while rendering. A cold start's
// trace showed ≈ 120–200 ms of style generation and insertion on the home screen alone (and more on each screen's first
// opening, for its tables and forms); the theme's colours still apply through the CSS variables antd sets at run time.
import 'antd/dist/antd.css';
import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { createRoot } from 'react-dom/client';
import type { AppStatus } from '../shared/ipc/contracts/foundation';
import { call, readAhead } from './api/call';
import type { LazyScreen } from './area';
import { ROUTES } from './areas';
import { windowRoot } from './first-screen/take-over';
import { keptStyleCache } from './kept-styles';
import { AppRoot } from './root';
// The home screen, the usual first screen, is part of the start-up code (its route stays a lazyScreen, whose loader
// then finds it loaded): fetching its chunk only after app.status held the first render back.
import { loadHome } from './features/home/HomeScreen';

dayjs.locale('zh-cn');
// The cold start's phases, for `npm run bench -- startup` and a performance trace (names no user sees).
performance.mark('zwgk:start-code');

// Start-up (issue 22): app.status was asked for by renderer/early.ts before this code had loaded (this call takes that
// answer), and the first screen's code (the home screen's, usually) is fetched beside it, instead of one after the
// other after a first render. The window renders when both are here (the shell and the first screen in one go: no
// spinner first, and no screen held back behind a fallback), or after a moment if that is slow (opening a file that
// needs an upgrade), when the spinner shows until app.status answers.
const firstStatus = call('app.status');
const startPath = window.location.hash.replace(/^#\/?/, '').split('/')[0];
const startRoute = ROUTES.find((r) => r.path === startPath) ?? ROUTES[0];
const startCode = (startRoute.Screen as Partial<LazyScreen>).preload?.();
// The home screen's reads (every card's) start as soon as the working year is known, while the window renders; the
// cards then take those answers (readAhead) instead of asking only after their first render.
if (startRoute.path === 'home')
  firstStatus.then(
    (s) => {
      if (s.state === 'ready' && s.year !== null) readAhead(() => loadHome(s.year!));
    },
    () => undefined,
  );

const target = windowRoot(startRoute.path === 'home');
const root = createRoot(target.container);
const styles = keptStyleCache();
let rendered = false;
function render(status?: AppStatus): void {
  if (rendered) return;
  rendered = true;
  performance.mark('zwgk:first-render');
  target.show(() => root.render(<AppRoot styles={styles} first={firstStatus} status={status} />));
}
Promise.all([firstStatus, startCode]).then(
  ([status]) => render(status),
  () => render(),
);
setTimeout(() => render(), 400);
