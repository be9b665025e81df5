// Electron entry: the thin shell. Everything it calls also runs under plain Node (web host, CLI, tests).
import path from 'node:path';
import { app, BrowserWindow, dialog, Menu } from 'electron';
import { areaServices } from './areas';
import { loadHandlers } from './ipc/handlers';
import { dispatch } from './ipc/dispatch';
import { registerIpc } from './ipc/register';
import { electronFilePort } from './app/files';
import { firstScreen } from './app/first-screen';
import { registerSchemePrivileges, serveRenderer } from './app/protocol';
import { APP_ORIGIN, hardenSession, isTrustedSender, lockDownWindow, secureWebPreferences } from './app/security';
import { resolveDbPath } from './services/paths';
import { Workstation } from './services/workstation';
import { appStatus } from './services/foundation-handlers';

app.enableSandbox();
registerSchemePrivileges();

// One window per user on this PC (a second start focuses the first). Other copies on the same data file (another PC,
// the web host, the CLI) are kept apart by the data file's own writer lock (main/db/writer-lock.ts): told who has it,
// offered read-only.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  let win: BrowserWindow | null = null;
  app.on('second-instance', () => {
    if (win) {
      if (win.isMinimized()) win.restore();
      win.focus();
    }
  });

  app
    .whenReady()
    .then(async () => {
      hardenSession();
      Menu.setApplicationMenu(null);
      const dbArg = process.argv.indexOf('--db');
      const ws = new Workstation({
        dbPath: resolveDbPath(dbArg >= 0 ? process.argv[dbArg + 1] : undefined),
        host: 'electron',
        areas: areaServices,
        appVersion: app.getVersion(),
        files: electronFilePort(
          () => win,
          () => app.getPath('documents'),
        ),
      }).open();
      const handlers = await loadHandlers();
      registerIpc(handlers, ws, isTrustedSender);
      const rendererDir = path.join(__dirname, '../renderer');
      const first = firstScreen(
        rendererDir,
        (method, input) => dispatch(handlers, ws, method, input),
        () => ws.dataStamp(),
      );
      serveRenderer(rendererDir, first);

      win = new BrowserWindow({
        width: 1360,
        height: 860,
        minWidth: 1100,
        minHeight: 700,
        show: false,
        title: '政务公开工作台',
        webPreferences: secureWebPreferences(path.join(__dirname, '../preload/index.cjs')),
      });
      lockDownWindow(win);
      // The title names the bureau and the working year, so a printed screenshot or a second window is unambiguous.
      const updateTitle = async () => {
        const s = await appStatus(ws).catch(() => null);
        win?.setTitle(s?.bureau ? `政务公开工作台 — ${s.bureau.shortName} ${s.year ?? ''}年度` : '政务公开工作台');
      };
      win.webContents.on('page-title-updated', (e) => {
        e.preventDefault();
        void updateTitle();
      });
      // A screen with unsaved work blocks the page's unload (renderer/hooks.ts, beforeunload); Electron would then
      // silently keep the window open, so the question is asked here: 离开 discards the edits, 留下 keeps the window.
      win.webContents.on('will-prevent-unload', (e) => {
        const choice = dialog.showMessageBoxSync(win!, {
          type: 'question',
          buttons: ['离开', '留下'],
          defaultId: 1,
          cancelId: 1,
          title: '政务公开工作台',
          message: '有修改还没有保存',
          detail: '关闭窗口将丢弃这些修改。要保存，请点“留下”，回到页面保存后再关闭。',
        });
        if (choice === 0) e.preventDefault();
      });
      win.once('ready-to-show', () => win?.show());
      // The first window draws its screen itself; the host's drawing serves the windows after it (first-screen.ts).
      win.webContents.once('did-finish-load', () => first?.warm());
      await win.loadURL(`${APP_ORIGIN}/index.html`);
      await updateTitle();
      app.on('before-quit', () => {
        first?.close();
        ws.close();
      });
    })
    .catch((e) => {
      dialog.showErrorBox('政务公开工作台无法启动', String(e instanceof Error ? e.message : e));
      app.quit();
    });

  app.on('window-all-closed', () => app.quit());
}
