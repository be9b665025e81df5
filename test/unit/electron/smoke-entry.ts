// Entry bundled by shell-binary.test.ts and loaded by a small Electron main script: the real shell modules, with
// handlers that never run (registration is what is checked, and better-sqlite3 here is built for Node, not Electron).
import type { Handlers } from '../../../main/ipc/handlers';
import { registerIpc } from '../../../main/ipc/register';
import type { Workstation } from '../../../main/services/workstation';
import { isTrustedSender, secureWebPreferences } from '../../../main/app/security';
import { METHODS } from '../../../shared/ipc/contract';

export { METHODS, secureWebPreferences };

export function registerAll(): void {
  const handlers = new Proxy(
    {},
    {
      get: () => () => {
        throw new Error('not called in the smoke test');
      },
    },
  ) as Handlers;
  registerIpc(handlers, {} as Workstation, isTrustedSender);
}
