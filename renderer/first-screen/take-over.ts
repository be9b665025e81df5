// The window taking over from the home screen the host drew into its page (draw.tsx; main/app/first-screen.ts). The
// drawn screen shows the figures and charts from the first paint, but nothing on it answers a click (it is inert). The
// window renders the app out of sight meanwhile and puts it in the drawn screen's place once nothing in it still waits
// for data, so the screen never goes back to spinners; its charts stand in for ECharts' own until those are drawn
// (EChart.tsx). A window opened on another screen (an address with #/…) drops the drawn screen at once.
//
// The drawn page's first paint had only the part of the stylesheets the drawing uses; the whole of them is applied by
// renderer/early.ts once loaded. Until then the window's render stays out of sight, on whatever screen it opens:
// anything else (a dropdown, a dialog, another screen) would show unstyled.

const DRAWN_ID = 'zwgk-host-drawn';
/** What shows that a screen or a card still waits for its data (antd's spinners and loading cards). */
const WAITING = '.ant-spin-spinning, .ant-card-loading, .ant-skeleton';
/** The page's stylesheets still held back from it (main/app/first-screen.ts names them so; early.ts applies them). */
const HELD_STYLES = 'link[data-zwgk-full][media="print"]';
/** The longest the drawn screen stands: after that the window's own render shows, ready or not. */
const LIMIT_MS = 5000;
/** How often the window's render is looked at until then. */
const LOOK_MS = 15;

export interface WindowRoot {
  /** Where the window renders the app. */
  container: HTMLElement;
  /** Gives the app to React (`render`) when the page allows, and puts it on screen when it is ready. */
  show(render: () => void): void;
}

/** Calls `done` once `ready()` holds, or after LIMIT_MS whatever it says. */
function when(ready: () => boolean, done: () => void): void {
  const since = performance.now();
  const look = () => {
    if (ready() || performance.now() - since > LIMIT_MS) done();
    else setTimeout(look, LOOK_MS);
  };
  look();
}

export function windowRoot(opensHome: boolean): WindowRoot {
  const root = document.getElementById('root')!;
  const drawn = document.getElementById(DRAWN_ID);
  if (!drawn) return { container: root, show: (render) => render() };
  const styled = () => document.querySelector(HELD_STYLES) === null;
  if (!opensHome) {
    // Rendered in place (a screen's first field takes the focus only in the page), once the stylesheets are applied.
    drawn.remove();
    return { container: root, show: (render) => when(styled, render) };
  }
  const container = document.createElement('div');
  return {
    container,
    show(render) {
      render();
      let ready = false;
      when(
        () => {
          if (!ready && container.firstElementChild !== null && container.querySelector(WAITING) === null) {
            ready = true;
            // For a performance trace, and for the start-up test: the render is ready; what it may still wait for is
            // the stylesheets.
            performance.mark('zwgk:render-ready');
          }
          return ready && styled();
        },
        () => {
          root.replaceChildren(container);
          performance.mark('zwgk:taken-over');
        },
      );
    },
  };
}
