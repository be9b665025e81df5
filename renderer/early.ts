// Start-up (issue 22): the first thing the page runs. It asks for app.status at once, while the start-up code
// (≈ 0.9 MB: React, antd, the shell) is still being fetched and compiled, instead of only when main.tsx is evaluated
// (≈ 200 ms later on a cold start). main.tsx's own call('app.status') takes this answer (renderer/api/call.ts
// readAhead). Built as its own entry and put before main.tsx's in index.html (electron.vite.config.ts earlyScript);
// keep its imports to call.ts, which is small and needed anyway.
import { call, readAhead } from './api/call';

readAhead(() => call('app.status'));
