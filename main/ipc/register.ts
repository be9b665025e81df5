import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { METHODS } from '../../shared/ipc/contract';
import { ErrorCode } from '../../shared/ipc/errors';
import type { Workstation } from '../services/workstation';
import { dispatch } from './dispatch';
import type { Handlers } from '../services/handler-types';

/**
 * One channel per method (api:<method>), each answered by the same dispatch() the web host uses.
 * Calls from any frame other than our own app:// page are refused.
 */
export function registerIpc(
  handlers: Handlers,
  ws: Workstation,
  isTrustedSender: (e: IpcMainInvokeEvent) => boolean,
): void {
  for (const method of METHODS) {
    ipcMain.handle(`api:${method}`, (event, input: unknown) => {
      if (!isTrustedSender(event)) {
        return { ok: false, error: { code: ErrorCode.FORBIDDEN, message: '拒绝访问：请求来自不受信任的页面。' } };
      }
      return dispatch(handlers, ws, method, input);
    });
  }
}
