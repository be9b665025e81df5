// Checks of the Electron shell that need no Electron binary: the `electron` module is replaced by a recorder of
// the calls our shell code makes (the module itself cannot load here), and everything else is the real code.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';

const rec = vi.hoisted(() => ({
  ipcHandlers: new Map<string, (event: unknown, input: unknown) => unknown>(),
  exposed: new Map<string, unknown>(),
  rendererInvokes: [] as { channel: string; input: unknown }[],
  appEvents: new Map<string, (...a: unknown[]) => void>(),
  permissionHandler: null as null | ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void),
  permissionCheck: null as null | (() => boolean),
  beforeRequest: null as null | ((details: { url: string }, cb: (r: { cancel: boolean }) => void) => void),
  protocolHandler: null as null | ((req: Request) => Response),
  privileged: [] as unknown[],
}));

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, fn: (event: unknown, input: unknown) => unknown) => {
      if (rec.ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
      rec.ipcHandlers.set(channel, fn);
    },
  },
  contextBridge: {
    exposeInMainWorld: (key: string, api: unknown) => {
      rec.exposed.set(key, api);
    },
  },
  ipcRenderer: {
    invoke: async (channel: string, input: unknown) => {
      rec.rendererInvokes.push({ channel, input });
      return { ok: true, value: 'forwarded' };
    },
  },
  app: {
    on: (name: string, fn: (...a: unknown[]) => void) => {
      rec.appEvents.set(name, fn);
    },
  },
  session: {
    defaultSession: {
      setPermissionRequestHandler: (fn: typeof rec.permissionHandler) => {
        rec.permissionHandler = fn;
      },
      setPermissionCheckHandler: (fn: typeof rec.permissionCheck) => {
        rec.permissionCheck = fn;
      },
      webRequest: {
        onBeforeRequest: (fn: typeof rec.beforeRequest) => {
          rec.beforeRequest = fn;
        },
      },
    },
  },
  protocol: {
    registerSchemesAsPrivileged: (s: unknown[]) => {
      rec.privileged.push(...s);
    },
    handle: (_scheme: string, fn: (req: Request) => Response) => {
      rec.protocolHandler = fn;
    },
  },
  dialog: {},
}));

import { CSP as SHARED_CSP } from '../../../main/app/csp';
import { registerSchemePrivileges, serveRenderer } from '../../../main/app/protocol';
import { APP_ORIGIN, CSP, hardenSession, isTrustedSender, secureWebPreferences } from '../../../main/app/security';
import { loadHandlers } from '../../../main/ipc/handlers';
import { registerIpc } from '../../../main/ipc/register';
import { CSP as WEB_CSP } from '../../../main/web/server';
import { METHODS } from '../../../shared/ipc/contract';
import { makeTempDir, openTestWorkstation, type TestWorkstation } from '../../helpers/workstation';

const handlers = await loadHandlers();

const ROOT = path.resolve(__dirname, '../../..');
const senderAt = (url: string | undefined) => ({ senderFrame: url === undefined ? null : { url } }) as never;

describe('window security settings', () => {
  it('sandboxes the renderer, isolates its context and gives it no Node', () => {
    const prefs = secureWebPreferences('/app/preload/index.cjs');
    expect(prefs).toMatchObject({
      preload: '/app/preload/index.cjs',
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      // The start-up code's compiled form is kept from the first launch on.
      v8CacheOptions: 'bypassHeatCheck',
    });
    expect(prefs).not.toHaveProperty('nodeIntegrationInSubFrames', true);
    expect(prefs).not.toHaveProperty('webviewTag', true);
  });

  it('uses one Content-Security-Policy for the Electron window and the web host, and it allows nothing remote', () => {
    expect(CSP).toBe(SHARED_CSP);
    expect(WEB_CSP).toBe(CSP);
    expect(CSP).toContain("default-src 'self'");
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).toContain("connect-src 'self'");
    expect(CSP).not.toMatch(/unsafe-eval|https?:|\*/);
  });

  it('trusts IPC only from its own app:// page', () => {
    expect(isTrustedSender(senderAt(`${APP_ORIGIN}/index.html`))).toBe(true);
    expect(isTrustedSender(senderAt(`${APP_ORIGIN}.evil.example/index.html`))).toBe(false);
    expect(isTrustedSender(senderAt('https://example.com/'))).toBe(false);
    expect(isTrustedSender(senderAt('file:///C:/index.html'))).toBe(false);
    expect(isTrustedSender(senderAt(undefined))).toBe(false);
  });

  it('denies every permission, every request leaving app://, navigation away and new windows', () => {
    hardenSession();
    const granted: boolean[] = [];
    rec.permissionHandler!(null, 'media', (ok) => granted.push(ok));
    rec.permissionHandler!(null, 'notifications', (ok) => granted.push(ok));
    expect(granted).toEqual([false, false]);
    expect(rec.permissionCheck!()).toBe(false);
    const cancelled = (url: string) => {
      let r: { cancel: boolean } | undefined;
      rec.beforeRequest!({ url }, (x) => {
        r = x;
      });
      return r!.cancel;
    };
    expect(cancelled('https://example.com/tracker.js')).toBe(true);
    expect(cancelled('http://127.0.0.1:8080/api')).toBe(true);
    expect(cancelled('file:///etc/passwd')).toBe(true);
    expect(cancelled(`${APP_ORIGIN}/assets/index.js`)).toBe(false);

    const contentsEvents = new Map<string, (ev: { preventDefault(): void }, url?: string) => void>();
    let openHandler: (() => { action: string }) | null = null;
    rec.appEvents.get('web-contents-created')!(
      {},
      {
        on: (name: string, fn: (ev: { preventDefault(): void }, url?: string) => void) => {
          contentsEvents.set(name, fn);
        },
        setWindowOpenHandler: (fn: () => { action: string }) => {
          openHandler = fn;
        },
      },
    );
    const prevented = (event: string, url?: string) => {
      let p = false;
      contentsEvents.get(event)!(
        {
          preventDefault: () => {
            p = true;
          },
        },
        url,
      );
      return p;
    };
    expect(prevented('will-navigate', 'https://example.com/')).toBe(true);
    expect(prevented('will-navigate', `${APP_ORIGIN}/index.html#/org`)).toBe(false);
    expect(prevented('will-attach-webview')).toBe(true);
    expect(openHandler!()).toEqual({ action: 'deny' });
  });

  it('serves the renderer from a secure standard app:// scheme with the CSP, never outside its folder', async () => {
    registerSchemePrivileges();
    expect(rec.privileged).toEqual([
      { scheme: 'app', privileges: expect.objectContaining({ standard: true, secure: true, codeCache: true }) },
    ]);
    const dir = makeTempDir();
    try {
      const root = path.join(dir, 'renderer');
      fs.mkdirSync(root);
      fs.writeFileSync(path.join(root, 'index.html'), '<title>工作台</title>');
      fs.mkdirSync(path.join(dir, 'renderer-private'));
      fs.writeFileSync(path.join(dir, 'renderer-private', 'x.txt'), 'private');
      serveRenderer(root, null);
      const index = rec.protocolHandler!(new Request(`${APP_ORIGIN}/index.html`));
      expect(index.headers.get('Content-Security-Policy')).toBe(CSP);
      expect(await index.text()).toContain('工作台');
      for (const p of ['/..%2frenderer-private%2fx.txt', '/%2e%2e/renderer-private/x.txt', '/%E0%A4%A']) {
        const r = rec.protocolHandler!(new Request(`${APP_ORIGIN}${p}`));
        expect(await r.text(), p).not.toContain('private');
      }
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('main/index.ts enables the sandbox, takes the single-instance lock and builds the window from secureWebPreferences', () => {
    const src = fs.readFileSync(path.join(ROOT, 'main/index.ts'), 'utf8');
    expect(src).toContain('app.enableSandbox()');
    expect(src).toContain('requestSingleInstanceLock()');
    expect(src).toMatch(/webPreferences:\s*secureWebPreferences\(/);
    expect(src).toContain('hardenSession()');
    expect(src).toContain('registerIpc(handlers, ws, isTrustedSender)');
    expect(src).toContain('serveRenderer(rendererDir, first)');
    // The host's drawing worker starts only once the window has loaded: it must not compete with its cold start.
    expect(src).toMatch(/webContents\.once\('did-finish-load', \(\) => first\?\.warm\(\)\)/);
  });
});

describe('IPC registration', () => {
  let t: TestWorkstation;
  beforeAll(async () => {
    t = await openTestWorkstation();
    registerIpc(handlers, t.ws, isTrustedSender);
  });
  afterAll(() => t.cleanup());

  it('registers exactly one api:<method> channel per method', () => {
    expect([...rec.ipcHandlers.keys()].sort()).toEqual(METHODS.map((m) => `api:${m}`).sort());
  });

  it('answers a trusted sender through dispatch() and refuses any other page', async () => {
    const invoke = (channel: string, url: string | undefined, input?: unknown) =>
      rec.ipcHandlers.get(channel)!(senderAt(url), input);
    expect(await invoke('api:departments.create', `${APP_ORIGIN}/index.html`, { name: '办公室' })).toMatchObject({
      ok: true,
      value: { name: '办公室' },
    });
    expect(await invoke('api:departments.create', `${APP_ORIGIN}/index.html`, { name: '' })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
    expect(await invoke('api:departments.create', 'https://evil.example/', { name: '外来' })).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN' },
    });
    expect((await t.call('departments.list')).map((d) => d.name)).toEqual(['办公室']);
  });
});

describe('preload bridge', () => {
  beforeEach(() => {
    rec.rendererInvokes.length = 0;
  });

  it('exposes only window.api and forwards only allow-listed methods on their own channel', async () => {
    await import('../../../preload/index');
    expect([...rec.exposed.keys()]).toEqual(['api']);
    const api = rec.exposed.get('api') as { host: string; invoke(m: string, i: unknown): Promise<unknown> };
    expect(Object.keys(api).sort()).toEqual(['host', 'invoke']);
    expect(api.host).toBe('electron');
    expect(await api.invoke('app.status', undefined)).toEqual({ ok: true, value: 'forwarded' });
    expect(rec.rendererInvokes).toEqual([{ channel: 'api:app.status', input: undefined }]);
    for (const bad of ['no.such', '../app.status', 'api:app.status', '__proto__']) {
      expect(await api.invoke(bad, {})).toMatchObject({ ok: false, error: { code: 'UNKNOWN_METHOD' } });
    }
    expect(rec.rendererInvokes).toHaveLength(1);
  });

  it('imports nothing but electron and the contract (shared code, bundled into the sandboxed preload)', () => {
    const src = fs.readFileSync(path.join(ROOT, 'preload/index.ts'), 'utf8');
    const imports = [...src.matchAll(/from\s+'([^']+)'/g)].map((m) => m[1]);
    expect(imports.sort()).toEqual(['../shared/ipc/contract', 'electron']);
  });
});
