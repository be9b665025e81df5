import { app, session, type BrowserWindow, type IpcMainInvokeEvent, type WebContents } from 'electron';

export const APP_SCHEME = 'app';
export const APP_ORIGIN = `${APP_SCHEME}://zwgk`;

// One policy for both hosts (main/app/csp.ts); re-exported here where the Electron code expects it.
export { CSP } from './csp';

/** The window's web preferences: sandboxed, isolated, no Node in the page. */
export const secureWebPreferences = (preload: string) => ({
  preload,
  sandbox: true,
  contextIsolation: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  spellcheck: false,
  // Keep the compiled code of the app's scripts from the first launch on (Chromium's default waits for a script's
  // second load within 72 hours); the app:// scheme allows the cache (protocol.ts, codeCache).
  v8CacheOptions: 'bypassHeatCheck' as const,
});

export function isTrustedSender(e: IpcMainInvokeEvent): boolean {
  const url = e.senderFrame?.url ?? '';
  return url.startsWith(`${APP_ORIGIN}/`);
}

/** Refuses every permission, every request leaving the app:// scheme (except devtools), navigation and new windows. */
export function hardenSession(): void {
  const ses = session.defaultSession;
  ses.setPermissionRequestHandler((_wc, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  ses.webRequest.onBeforeRequest((details, callback) => {
    const ok =
      details.url.startsWith(`${APP_SCHEME}://`) ||
      details.url.startsWith('devtools://') ||
      details.url.startsWith('data:') ||
      details.url.startsWith('blob:');
    callback({ cancel: !ok });
  });
  app.on('web-contents-created', (_e, contents: WebContents) => {
    contents.on('will-navigate', (ev, url) => {
      if (!url.startsWith(`${APP_ORIGIN}/`)) ev.preventDefault();
    });
    contents.on('will-attach-webview', (ev) => ev.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
}

export function lockDownWindow(win: BrowserWindow): void {
  win.webContents.on('will-redirect', (ev, url) => {
    if (!url.startsWith(`${APP_ORIGIN}/`)) ev.preventDefault();
  });
}
