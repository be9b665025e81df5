// The window taking over from the home screen the host drew into its page (draw.tsx; main/app/first-screen.ts). The
// drawn screen shows the figures and charts from the first paint, but nothing on it answers a click (it is inert). The
// window renders the app out of sight meanwhile and puts it in the drawn screen's place once nothing in it still waits
// for data, so the screen never goes back to spinners; its charts stand in for ECharts' own until those are drawn
// (EChart.tsx). A window opened on another screen (an address with #/…) drops the drawn screen at once.

const DRAWN_ID = 'zwgk-host-drawn';
/** What shows that a screen or a card still waits for its data (antd's spinners and loading cards). */
const WAITING = '.ant-spin-spinning, .ant-card-loading, .ant-skeleton';
/** The longest the drawn screen stands: after that the window's own render shows, ready or not. */
const LIMIT_MS = 5000;
/** How often the window's render is looked at until then. */
const LOOK_MS = 15;

export interface WindowRoot {
  /** Where the window renders the app. */
  container: HTMLElement;
  /** Called once the app has been given to React: the drawn screen gives way when the render is ready. */
  rendered(): void;
}

export function windowRoot(opensHome: boolean): WindowRoot {
  const root = document.getElementById('root')!;
  const drawn = document.getElementById(DRAWN_ID);
  if (!drawn) return { container: root, rendered: () => undefined };
  if (!opensHome) {
    drawn.remove();
    return { container: root, rendered: () => undefined };
  }
  const container = document.createElement('div');
  return {
    container,
    rendered() {
      const since = performance.now();
      const look = () => {
        const ready = container.firstElementChild !== null && container.querySelector(WAITING) === null;
        if (ready || performance.now() - since > LIMIT_MS) {
          root.replaceChildren(container);
          performance.mark('zwgk:taken-over');
        } else setTimeout(look, LOOK_MS);
      };
      look();
    },
  };
}
