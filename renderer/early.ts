// Start-up (issue 22): the first thing the page runs. It asks for app.status at once, while the start-up code
// (≈ 0.9 MB: React, antd, the shell) is still being fetched and compiled, instead of only when main.tsx is evaluated
// (≈ 200 ms later on a cold start). main.tsx's own call('app.status') takes this answer (renderer/api/call.ts
// readAhead). Built as its own entry and put before main.tsx's in index.html (electron.vite.config.ts earlyScript);
// keep its imports to call.ts, which is small and needed anyway.
import { call, readAhead } from './api/call';

readAhead(() => call('app.status'));

// A page the host drew the home screen into (main/app/first-screen.ts) names the start-up code instead of running it:
// the browser fetches and compiles it meanwhile (modulepreload), and it is started here after the drawn screen's first
// paint, so that its evaluation (≈ 0.1–0.2 s) does not hold that paint back.
const start = document.querySelector<HTMLLinkElement>('link[data-zwgk-start]');
if (start) {
  const run = () => void import(/* @vite-ignore */ start.href);
  if (document.getElementById('zwgk-host-drawn')) requestAnimationFrame(() => setTimeout(run));
  else run();
}

// A page with a drawn screen names its stylesheets held back (media="print", fetched at once), and carries inline the
// part of them the drawing uses (#zwgk-critical-css; main/app/first-screen.ts says why): they are applied once all
// have loaded, and the inline part is dropped at the same moment (they hold all of it, and their own order of rules is
// the one every later screen is styled by). The window's render waits for that (take-over.ts). A stylesheet that
// fails to load is applied all the same, and the inline part then stays.
const critical = document.getElementById('zwgk-critical-css');
const held = [...document.querySelectorAll<HTMLLinkElement>('link[data-zwgk-full]')];
if (critical && held.length > 0) {
  let waiting = held.length;
  let failed = false;
  const settled = (ok: boolean) => {
    failed ||= !ok;
    if (--waiting > 0) return;
    for (const link of held) link.media = 'all';
    if (!failed) critical.remove();
  };
  for (const link of held) {
    if (link.sheet) settled(true);
    else {
      link.addEventListener('load', () => settled(true), { once: true });
      link.addEventListener('error', () => settled(false), { once: true });
    }
  }
}
