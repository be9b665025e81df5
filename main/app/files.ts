import { dialog, type BrowserWindow } from 'electron';
import path from 'node:path';
import type { FilePort } from '../services/workstation';
import { writeFileAtomic } from '../services/write-file';
import { safeFileName } from './safe-file-name';

/** Files the services produce: the user picks where, main writes (temp name, then rename). */
export function electronFilePort(getWindow: () => BrowserWindow | null, defaultDir: () => string): FilePort {
  return {
    async deliver(fileName, data) {
      const win = getWindow();
      // The name may come from data (an attachment's stored name): never a path of its own, never a device name.
      const opts = {
        title: '保存文件',
        defaultPath: path.join(defaultDir(), safeFileName(fileName)),
        buttonLabel: '保存',
      };
      const r = win ? await dialog.showSaveDialog(win, opts) : await dialog.showSaveDialog(opts);
      if (r.canceled || !r.filePath) return { fileName, status: 'cancelled' };
      writeFileAtomic(r.filePath, data);
      return { fileName: path.basename(r.filePath), status: 'saved', path: r.filePath };
    },
  };
}
