// The only bridge between the sandboxed renderer and main: forwards the contract's methods, nothing else.
// (The contract is bundled into this file by electron-vite: a sandboxed preload cannot load modules of its own.)
import { contextBridge, ipcRenderer } from 'electron';
import { isMethod } from '../shared/ipc/contract';

contextBridge.exposeInMainWorld('api', {
  host: 'electron',
  invoke(method: string, input: unknown): Promise<unknown> {
    if (!isMethod(method))
      return Promise.resolve({ ok: false, error: { code: 'UNKNOWN_METHOD', message: `未知的操作：${method}` } });
    return ipcRenderer.invoke(`api:${method}`, input);
  },
});
