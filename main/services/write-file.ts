import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../shared/ipc/result';
import { ErrorCode } from '../../shared/ipc/errors';

/**
 * Writes a file the safe way: a temp name in the same folder, flushed, then renamed over the target.
 * A target open in WPS/Word/Excel (locked) or read-only gets a clear message and stays as it was.
 */
export function writeFileAtomic(target: string, data: Buffer): void {
  const dir = path.dirname(path.resolve(target));
  const tmp = path.join(dir, `.${path.basename(target)}.${crypto.randomBytes(4).toString('hex')}.tmp`);
  try {
    fs.mkdirSync(dir, { recursive: true });
    const fd = fs.openSync(tmp, 'w');
    try {
      fs.writeSync(fd, data);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    if (fs.existsSync(target)) {
      // On Windows a file open in Office refuses the rename; elsewhere check writability so the rule is the same.
      fs.accessSync(target, fs.constants.W_OK);
    }
    fs.renameSync(tmp, target);
  } catch (e) {
    fs.rmSync(tmp, { force: true });
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'EBUSY' || code === 'EPERM' || code === 'EACCES' || code === 'EROFS') {
      throw new AppError(
        ErrorCode.FILE_LOCKED,
        `无法写入 ${target}：文件正被其他程序（如 WPS、Word、Excel）打开，或文件/文件夹为只读。请关闭该文件后重试，原文件未被改动。`,
      );
    }
    throw new AppError(ErrorCode.FILE_WRITE_FAILED, `无法写入 ${target}：${(e as Error).message}。原文件未被改动。`);
  }
}
