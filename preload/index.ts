// The only bridge between the sandboxed renderer and main: forwards allow-listed methods, nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { isMethod } from '../shared/ipc/methods';

contextBridge.exposeInMainWorld('api', {
  host: 'electron',
  invoke(method: string, input: unknown): Promise<unknown> {
    if (!isMethod(method)) return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的操作：${method}` } });
    return ipcRenderer.invoke(`api:${method}`, input);
  },
});
